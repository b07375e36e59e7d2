using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ManifestTools.Code
{
    /// <summary>Environment variables that reach every container without a manifest setting them.</summary>
    internal static class PlatformVariables
    {
        // Set by Kubernetes (HOSTNAME, the API server's address), by the OS image, and by the .NET container images.
        private static readonly HashSet<string> Fixed = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "HOSTNAME", "HOME", "PATH", "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT", "KUBERNETES_SERVICE_PORT_HTTPS",
            "DOTNET_RUNNING_IN_CONTAINER", "DOTNET_VERSION", "ASPNET_VERSION", "ASPNETCORE_HTTP_PORTS", "APP_UID",
        };

        // Service links: <NAME>_SERVICE_HOST, <NAME>_SERVICE_PORT[_<PORT NAME>] and the Docker-style <NAME>_PORT[_<n>_<PROTO>[_…]].
        private static readonly Regex ServiceLink = new Regex(
            "^[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?)?)$",
            RegexOptions.CultureInvariant);

        public static bool Sets(string name) => Fixed.Contains(name) || ServiceLink.IsMatch(name);

        /// <summary>
        /// The hosting environment: unset, the host runs as Production, so a read of it expects it to be missing
        /// (<c>$"appsettings.{environment}.json"</c> with optional: true).
        /// </summary>
        public static bool DefaultedByTheHost(string name) => name == "ASPNETCORE_ENVIRONMENT" || name == "DOTNET_ENVIRONMENT";
    }
}
