using System;
using System.Collections.Generic;
using System.Globalization;

namespace ManifestTools.Code
{
    /// <summary>
    /// The listen variables the official .NET images set, which decide the port of an app whose pod sets none: 8080
    /// (<c>ASPNETCORE_HTTP_PORTS</c>) from .NET 8 on, port 80 (<c>ASPNETCORE_URLS</c>) before.
    /// </summary>
    internal static class DotnetImages
    {
        private static readonly string[] Repositories = { "aspnet", "runtime", "runtime-deps", "sdk" };

        /// <summary>Where Microsoft publishes them: today, nightly builds, and the .NET Core 2.1 to 3.1 names.</summary>
        private static readonly string[] Registries = { "mcr.microsoft.com/dotnet/", "mcr.microsoft.com/dotnet/nightly/", "mcr.microsoft.com/dotnet/core/" };

        /// <summary>
        /// The variables that <paramref name="reference"/> sets, or null when it is not an official .NET image of a
        /// known version. A reference without a tag (<c>latest</c>, or a digest alone) or with a variable in it may be
        /// any version, so it is unknown too.
        /// </summary>
        /// <remarks>
        /// The SDK images of .NET 5 to 7 empty <c>ASPNETCORE_URLS</c>, which their aspnet base sets, so an app run from
        /// one listens on Kestrel's default instead. The Windows images (nanoserver, windowsservercore) have no
        /// <c>APP_UID</c>: that is the uid of the Linux images' non-root user.
        /// </remarks>
        public static IReadOnlyList<KeyValuePair<string, string>>? Variables(string reference)
        {
            if (reference.IndexOf('$') >= 0)
            {
                return null;
            }

            int digest = reference.IndexOf('@');
            string name = digest < 0 ? reference : reference.Substring(0, digest);
            int colon = name.LastIndexOf(':');
            if (colon < 0 || colon < name.LastIndexOf('/'))
            {
                return null;
            }

            string repository = name.Substring(0, colon);
            string tag = name.Substring(colon + 1);
            if (repository.StartsWith("docker.io/", StringComparison.OrdinalIgnoreCase))
            {
                repository = repository.Substring("docker.io/".Length);
            }

            bool sdk;
            int major;
            if (IsMicrosoftRepository(repository, out string image))
            {
                sdk = image == "sdk";
                if (!TryMajor(tag, requireMinor: true, out major))
                {
                    return null;
                }
            }
            else if (repository.Equals("microsoft/dotnet", StringComparison.OrdinalIgnoreCase) ||
                     repository.Equals("microsoft/aspnetcore", StringComparison.OrdinalIgnoreCase))
            {
                // Docker Hub's old names carry the image kind in the tag: microsoft/dotnet:2.1-aspnetcore-runtime, 2.2-sdk.
                sdk = tag.IndexOf("sdk", StringComparison.OrdinalIgnoreCase) >= 0;
                if (!TryMajor(tag, requireMinor: false, out major))
                {
                    return null;
                }
            }
            else
            {
                return null;
            }

            var variables = new List<KeyValuePair<string, string>>();
            if (major >= 8)
            {
                if (tag.IndexOf("nanoserver", StringComparison.OrdinalIgnoreCase) < 0 && tag.IndexOf("windowsservercore", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    variables.Add(new KeyValuePair<string, string>("APP_UID", "1654"));
                }

                variables.Add(new KeyValuePair<string, string>("ASPNETCORE_HTTP_PORTS", "8080"));
            }
            else
            {
                variables.Add(new KeyValuePair<string, string>("ASPNETCORE_URLS", sdk && major >= 5 ? "" : "http://+:80"));
            }

            return variables;
        }

        /// <summary>
        /// The base image the SDK's container publishing picks for a project without <c>ContainerBaseImage</c>: the
        /// aspnet image of the target framework's version (net8.0, net10.0-windows); null for a framework it has none for
        /// (netstandard2.0, net48, netcoreapp3.1).
        /// </summary>
        public static string? SdkBaseImage(string? targetFramework)
        {
            if (targetFramework == null || !targetFramework.StartsWith("net", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            string version = targetFramework.Substring(3).Trim();
            int dash = version.IndexOf('-');
            string[] parts = (dash < 0 ? version : version.Substring(0, dash)).Split('.');
            if (parts.Length != 2 ||
                !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major) ||
                !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor) ||
                major < 5)
            {
                return null;
            }

            return string.Format(CultureInfo.InvariantCulture, "mcr.microsoft.com/dotnet/aspnet:{0}.{1}", major, minor);
        }

        private static bool IsMicrosoftRepository(string repository, out string image)
        {
            foreach (var registry in Registries)
            {
                if (repository.StartsWith(registry, StringComparison.OrdinalIgnoreCase))
                {
                    image = repository.Substring(registry.Length).ToLowerInvariant();
                    if (Array.IndexOf(Repositories, image) >= 0)
                    {
                        return true;
                    }
                }
            }

            image = "";
            return false;
        }

        /// <summary>
        /// The major version a tag starts with: <c>8.0</c>, <c>8.0.11-alpine</c>, <c>10.0-noble-chiseled</c>, and on
        /// Docker Hub's old names also <c>2-sdk</c>. False for <c>latest</c> and other tags that name no version.
        /// </summary>
        private static bool TryMajor(string tag, bool requireMinor, out int major)
        {
            major = 0;
            int at = Digits(tag, 0);
            if (at == 0 || !int.TryParse(tag.Substring(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out major))
            {
                return false;
            }

            if (at < tag.Length && tag[at] == '.')
            {
                int minorEnd = Digits(tag, at + 1);
                if (minorEnd == at + 1)
                {
                    return false;
                }

                at = minorEnd;
            }
            else if (requireMinor)
            {
                return false;
            }

            return at == tag.Length || tag[at] == '.' || tag[at] == '-';
        }

        private static int Digits(string text, int at)
        {
            while (at < text.Length && text[at] >= '0' && text[at] <= '9')
            {
                at++;
            }

            return at;
        }
    }
}
