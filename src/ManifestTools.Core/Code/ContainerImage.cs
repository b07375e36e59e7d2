using System;
using System.Collections.Generic;
using System.Globalization;

namespace ManifestTools.Code
{
    /// <summary>
    /// What a container image gives its container before the pod's own <c>env</c>: environment variables and exposed
    /// ports. Where the pod sets no listen variable, the image's (the .NET images' <c>ASPNETCORE_HTTP_PORTS=8080</c>,
    /// or a Dockerfile's ENV) decide the port the code listens on. The image is read from a Dockerfile or from the
    /// .NET SDK's container publishing settings.
    /// </summary>
    public sealed class ContainerImage
    {
        internal ContainerImage(IReadOnlyDictionary<string, ImageVariable> environment, IReadOnlyList<int> exposedPorts, bool commandSetsAddress)
        {
            Environment = environment;
            ExposedPorts = exposedPorts;
            CommandSetsAddress = commandSetsAddress;
        }

        /// <summary>No image is known: no variables, and any variable may be set.</summary>
        public static ContainerImage None { get; } = new ContainerImage(new Dictionary<string, ImageVariable>(StringComparer.Ordinal), Array.Empty<int>(), commandSetsAddress: false);

        /// <summary>
        /// The variables the image sets, by name (ordinal, as Linux compares them); where several set one, the last.
        /// With a known base image these are the base image's listen variables (<c>ASPNETCORE_HTTP_PORTS</c> or
        /// <c>ASPNETCORE_URLS</c>, and <c>APP_UID</c>) and the Dockerfile's or project's own; variables such as
        /// <c>PATH</c> or <c>DOTNET_VERSION</c>, which the base image also sets, are not listed.
        /// </summary>
        public IReadOnlyDictionary<string, ImageVariable> Environment { get; }

        /// <summary>
        /// The TCP ports the image exposes, each once, in the order they appear. Like a containerPort, EXPOSE decides
        /// nothing, but it says which port the image's author meant.
        /// </summary>
        public IReadOnlyList<int> ExposedPorts { get; }

        /// <summary>
        /// True when the final ENTRYPOINT or CMD passes a listen address (<c>--urls</c>, <c>ASPNETCORE_URLS=</c>,
        /// <c>--http_ports</c>): the command line wins over the environment's listen variables.
        /// </summary>
        public bool CommandSetsAddress { get; }

        /// <summary>
        /// The image a Dockerfile builds: its last stage, with what it inherits from the earlier stages it is built
        /// from and from a known .NET base image. Any text is accepted: an instruction BuildKit would reject is skipped.
        /// </summary>
        public static ContainerImage FromDockerfile(string path, string text) => DockerfileReader.Read(path, text);

        /// <summary>
        /// The image <c>dotnet publish -t:PublishContainer</c> builds without a Dockerfile.
        /// </summary>
        /// <param name="baseImage">The project's <c>ContainerBaseImage</c>; when empty, the SDK picks the aspnet image of
        /// <paramref name="targetFramework"/>'s version.</param>
        /// <param name="targetFramework">The project's <c>TargetFramework</c>, such as <c>net8.0</c>.</param>
        /// <param name="environmentVariables">The <c>ContainerEnvironmentVariable</c> items (name, value), in project order.</param>
        /// <param name="ports">The <c>ContainerPort</c> items' ports.</param>
        /// <remarks>
        /// The SDK also exposes the ports its final listen variables name, as it does when building: those of
        /// <c>ASPNETCORE_URLS</c> when set, else those of <c>ASPNETCORE_HTTP_PORTS</c> and <c>ASPNETCORE_HTTPS_PORTS</c>.
        /// </remarks>
        public static ContainerImage FromSdk(string? baseImage, string? targetFramework,
            IEnumerable<KeyValuePair<string, string>> environmentVariables, IEnumerable<int> ports)
        {
            string? reference = string.IsNullOrWhiteSpace(baseImage) ? DotnetImages.SdkBaseImage(targetFramework) : baseImage!.Trim();
            var environment = new Dictionary<string, ImageVariable>(StringComparer.Ordinal);
            var variables = reference == null ? null : DotnetImages.Variables(reference);
            if (variables != null)
            {
                string source = (string.IsNullOrWhiteSpace(baseImage) ? "the SDK's base image " : "the base image ") + reference;
                foreach (var variable in variables)
                {
                    environment[variable.Key] = new ImageVariable(variable.Key, variable.Value, source);
                }
            }

            foreach (var item in environmentVariables)
            {
                string name = item.Key.Trim();
                if (name.Length > 0)
                {
                    environment[name] = new ImageVariable(name, item.Value, "ContainerEnvironmentVariable " + name);
                }
            }

            var exposed = new List<int>();
            var seen = new HashSet<int>();
            foreach (var port in ports)
            {
                if (port > 0 && port < 65536 && seen.Add(port))
                {
                    exposed.Add(port);
                }
            }

            foreach (var port in EnvironmentPorts(environment))
            {
                if (port > 0 && port < 65536 && seen.Add(port))
                {
                    exposed.Add(port);
                }
            }

            return new ContainerImage(environment, exposed, commandSetsAddress: false);
        }

        /// <summary>The ports the SDK reads from the listen variables, with its own parsing (a URL counts only with a port).</summary>
        private static IEnumerable<int> EnvironmentPorts(Dictionary<string, ImageVariable> environment)
        {
            if (environment.TryGetValue("ASPNETCORE_URLS", out var urls))
            {
                foreach (var url in Split(urls.Value))
                {
                    if (TryUrlPort(url, out int port))
                    {
                        yield return port;
                    }
                }

                yield break;
            }

            foreach (var name in new[] { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
            {
                if (environment.TryGetValue(name, out var list))
                {
                    foreach (var item in Split(list.Value))
                    {
                        if (int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out int port))
                        {
                            yield return port;
                        }
                    }
                }
            }
        }

        private static IEnumerable<string> Split(string? value)
        {
            foreach (var item in (value ?? "").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (item.Trim().Length > 0)
                {
                    yield return item.Trim();
                }
            }
        }

        /// <summary>
        /// The SDK's <c>\w+://.+:(\d+)</c>: the digits after the last colon that follows the scheme's <c>://</c> and at
        /// least one character.
        /// </summary>
        private static bool TryUrlPort(string url, out int port)
        {
            port = 0;
            int scheme = url.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return false;
            }

            for (int colon = url.Length - 2; colon >= scheme + 4; colon--)
            {
                if (url[colon] == ':' && char.IsDigit(url[colon + 1]))
                {
                    int end = colon + 1;
                    while (end < url.Length && char.IsDigit(url[end]))
                    {
                        end++;
                    }

                    return int.TryParse(url.Substring(colon + 1, end - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out port);
                }
            }

            return false;
        }
    }
}
