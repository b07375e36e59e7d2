using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Model;

namespace ManifestTools.Code
{
    /// <summary>
    /// An address the code sets (UseUrls, Listen, app.Urls); <see cref="Ports"/> is empty when it is not a constant, or
    /// is set only under a condition, so that the ports are not known.
    /// </summary>
    public readonly struct CodeAddress
    {
        public CodeAddress(IReadOnlyList<int> ports) => Ports = ports;

        public IReadOnlyList<int> Ports { get; }
    }

    /// <summary>Where the address a process listens on was set, which decides where a finding about it belongs.</summary>
    public enum ListenOrigin
    {
        /// <summary>The code: the first of the addresses the adapter passed.</summary>
        Code,

        /// <summary>A variable of a workload's env or of a ConfigMap or Secret in the input.</summary>
        Manifest,

        /// <summary>The image (Dockerfile, SDK container properties, base image) or an appsettings file.</summary>
        Build,
    }

    /// <summary>The ports a container's process listens on, and what set them.</summary>
    public sealed class Listening
    {
        public Listening(IReadOnlyList<int> ports, string source, ListenOrigin origin, EnvironmentSetting? setting)
        {
            Ports = ports;
            Source = source;
            Origin = origin;
            Setting = setting;
        }

        public IReadOnlyList<int> Ports { get; }

        /// <summary>For messages: "ASPNETCORE_URLS in ConfigMap payment-config", "Dockerfile ENV ASPNETCORE_HTTP_PORTS".</summary>
        public string Source { get; }

        public ListenOrigin Origin { get; }

        /// <summary>The variable that set the ports, when <see cref="Origin"/> is <see cref="ListenOrigin.Manifest"/>.</summary>
        public EnvironmentSetting? Setting { get; }
    }

    /// <summary>
    /// Which ports an ASP.NET Core process listens on, read as the host reads its settings: Kestrel's configured
    /// endpoints replace the URLs, and addresses the code sets replace the environment's; <c>urls</c> (ASPNETCORE_URLS, DOTNET_URLS)
    /// replaces the port lists (ASPNETCORE_HTTP_PORTS, ASPNETCORE_HTTPS_PORTS). Anything that could decide otherwise and
    /// is not known here makes the answer unknown (null), since a wrong port would be a false error.
    /// </summary>
    public static class ListenSources
    {
        /// <summary>The address variables in the order the host lets them win.</summary>
        private static readonly string[] UrlVariables = { "ASPNETCORE_URLS", "DOTNET_URLS" };
        private static readonly string[][] PortVariables =
        {
            new[] { "ASPNETCORE_HTTP_PORTS", "DOTNET_HTTP_PORTS" },
            new[] { "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTPS_PORTS" },
        };

        /// <summary>The configuration keys those variables set, which appsettings files and unprefixed variables can set too.</summary>
        private static readonly string[] AddressKeys = { "urls", "http_ports", "https_ports" };

        private const string KestrelEndpoints = "Kestrel:Endpoints";

        public static Listening? Resolve(ContainerEnvironment environment, Container container, ContainerImage image, AppSettings settings,
            IReadOnlyList<CodeAddress> code)
        {
            // Kestrel's configured endpoints replace UseUrls and the URLs, and are added to the code's Listen calls.
            if (environment.MayHoldAny || settings.Provides(KestrelEndpoints, asSection: true) || environment.Variables.Keys.Any(SetsKestrelEndpoints))
            {
                return null;
            }

            if (code.Count > 0)
            {
                // Port 0 asks the OS for any free port, as tests do.
                return code.Any(a => a.Ports.Count == 0 || a.Ports.Contains(0)) ? null
                    : new Listening(code.SelectMany(a => a.Ports).Distinct().ToList(), "set in the code", ListenOrigin.Code, null);
            }

            if (image.CommandSetsAddress || container.Arguments.Any(MentionsAddress))
            {
                return null;
            }

            // A variable URLS sets the key urls as well, unprefixed and in any case.
            if (environment.Variables.Keys.Any(name => AddressKeys.Contains(name, StringComparer.OrdinalIgnoreCase)))
            {
                return null;
            }

            bool inEnvironment = UrlVariables.Concat(PortVariables.SelectMany(v => v)).Any(environment.Variables.ContainsKey);
            var fromSettings = AddressKeys.Where(k => settings.TryGetValue(k, out _, out _)).ToList();
            if (fromSettings.Count > 0)
            {
                // Which of an appsettings file and a prefixed variable wins depends on how the host is built.
                return inEnvironment ? null : FromSettings(settings);
            }

            foreach (var name in UrlVariables)
            {
                if (environment.TryGet(name, out var urls))
                {
                    return Listen(urls.Value == null ? null : ListenAddresses.UrlPorts(urls.Value).ToList(), urls);
                }
            }

            var ports = new List<int>();
            EnvironmentSetting? first = null;
            foreach (var names in PortVariables)
            {
                var variable = names.Select(n => environment.TryGet(n, out var v) ? v : null).FirstOrDefault(v => v != null);
                if (variable == null)
                {
                    continue;
                }

                if (variable.Value == null)
                {
                    return null;
                }

                first ??= variable;
                ports.AddRange(ListenAddresses.PortList(variable.Value));
            }

            // With no address at all the process listens on localhost only, which no probe or Service reaches; that
            // is left to the image, whose defaults are not known here.
            return first == null ? null : Listen(ports, first);
        }

        private static Listening? Listen(List<int>? ports, EnvironmentSetting setting) =>
            ports == null || ports.Count == 0 ? null
                : new Listening(ports.Distinct().ToList(), Describe(setting), setting.Manifest != null ? ListenOrigin.Manifest : ListenOrigin.Build, setting);

        private static Listening? FromSettings(AppSettings settings)
        {
            if (settings.TryGetValue("urls", out var urls, out var file))
            {
                return urls == null ? null : Ports(ListenAddresses.UrlPorts(urls).ToList(), "urls in " + file);
            }

            var ports = new List<int>();
            string source = "";
            foreach (var key in new[] { "http_ports", "https_ports" })
            {
                if (settings.TryGetValue(key, out var value, out file))
                {
                    if (value == null)
                    {
                        return null;
                    }

                    ports.AddRange(ListenAddresses.PortList(value));
                    source = source.Length == 0 ? key + " in " + file : source;
                }
            }

            return Ports(ports, source);
        }

        private static Listening? Ports(List<int> ports, string source) =>
            ports.Count == 0 ? null : new Listening(ports.Distinct().ToList(), source, ListenOrigin.Build, null);

        private static string Describe(EnvironmentSetting setting) =>
            setting.Source.IndexOf(setting.Name, StringComparison.Ordinal) >= 0 ? setting.Source : setting.Name + " in " + setting.Source;

        /// <summary>A command line can pass the host an address: <c>--urls http://+:80</c>, <c>--http_ports=80</c>.</summary>
        private static bool MentionsAddress(string argument) =>
            AddressKeys.Any(k => argument.IndexOf(k, StringComparison.OrdinalIgnoreCase) >= 0);

        private static bool SetsKestrelEndpoints(string name) =>
            ConfigurationKeys.SetBy(name).Any(key => ConfigurationKeys.IsUnder(key, KestrelEndpoints) || string.Equals(key, KestrelEndpoints, StringComparison.OrdinalIgnoreCase));
    }
}
