using System.Linq;
using System.Text.RegularExpressions;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Generation.Checks
{
    /// <summary>MT4003: every declared name is valid where the generated objects use it.</summary>
    internal static class DeclaredNamesCheck
    {
        // Each pattern ends in \z, not $: $ also matches before a final line break, and "1.0\n" is no tag.
        // The Docker reference grammar: lower-case path components separated by '/', and a tag of at most 128 characters.
        private static readonly Regex Repository = new Regex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*\z", RegexOptions.CultureInvariant);
        private static readonly Regex ImageTag = new Regex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant);

        // Kubernetes' environment variable name rule (C identifier, plus '-' and '.').
        private static readonly Regex EnvironmentName = new Regex(@"^[-._a-zA-Z][-._a-zA-Z0-9]*\z", RegexOptions.CultureInvariant);

        // An HTTP header field name (RFC 9110 token), in the lower case Istio requires.
        private static readonly Regex HeaderName = new Regex(@"^[a-z0-9!#$%&'*+.^_`|~-]+\z", RegexOptions.CultureInvariant);

        // A registry, what goes before the first '/' of an image reference, as the distribution reference grammar has it:
        // dot-separated DNS components (no empty one, so no "a..b") or a bracketed IPv6 address, and an optional port.
        private static readonly Regex Registry = new Regex(
            @"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(?<port>[0-9]{1,5}))?\z",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

        public static void Check(BoundDeclaration bound)
        {
            var source = bound.Source;
            var serviceProblem = KubernetesNames.CheckDns1035Label(source.ServiceName.Value);
            // Line 0: not set in the project file, so the name was derived; say how to choose one.
            Name(bound, source.ServiceName, "service name (ManifestServiceName)", serviceProblem == null ? null
                : source.ServiceName.Site.Span.Line > 0 || source.ServiceName.Value.Length == 0 ? serviceProblem
                : serviceProblem + "; it was derived from ContainerRepository or the assembly name: set ManifestServiceName");
            Name(bound, source.Namespace, "namespace (ManifestNamespace)", KubernetesNames.CheckDns1123Label(source.Namespace.Value));
            Name(bound, source.Repository, "image repository (ContainerRepository)",
                Repository.IsMatch(source.Repository.Value) ? null : "must be lower-case path components such as team/service");
            string registry = source.Registry.Value.Trim();
            if (registry.Length > 0)
            {
                var match = Registry.Match(registry);
                int port = match.Success && match.Groups["port"].Success ? int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                Name(bound, source.Registry, "registry (ContainerRegistry)",
                    !match.Success ? "must be a host name with an optional port, such as registry.example:5000" + (registry.EndsWith("/", System.StringComparison.Ordinal) ? ", without a trailing '/'" : "")
                    : port < 1 || port > 65535 ? "has a port outside 1 to 65535"
                    : null);
            }

            foreach (var version in bound.Versions)
            {
                // The version alone, not the whole Deployment name: an invalid service name is reported once, at its
                // property, not again at every version. Istio requires subset names to be DNS labels, so no dots.
                var problem = KubernetesNames.CheckDns1123Label(version.Name);
                Report(bound, version.Item.Site, $"version '{version.Name}' names the Deployment {source.ServiceName.Value}-{version.Name} " +
                    "and a DestinationRule subset, which Istio requires to be a DNS label, so it",
                    problem == null ? null : "must be at most 63 lower-case letters, digits and '-', and start and end with a letter or digit");

                // Only when both parts are valid, each of which is reported on its own: what is left is the length.
                string versionService = source.ServiceName.Value + "-" + version.Name;
                Report(bound, version.Item.Site, $"version '{version.Name}' names the Service {versionService} that the HTTPRoute sends its share to, " +
                    "which must be a DNS-1035 label, so the service name and the version together",
                    bound.TrafficApi == TrafficApi.GatewayApi && problem == null && serviceProblem == null && KubernetesNames.CheckDns1035Label(versionService) != null
                        ? $"must be at most 63 characters, not {versionService.Length}: shorten ManifestServiceName or the version"
                        : null);

                // A tag derived from an invalid version name is the same mistake; it is reported once, at the version.
                bool derivedFromName = problem != null && version.ImageTag == version.Name;
                Report(bound, version.Item.Site, $"image tag '{version.ImageTag}' of version {version.Name}",
                    derivedFromName || ImageTag.IsMatch(version.ImageTag) ? null : "must be at most 128 of [A-Za-z0-9_.-] and not start with '.' or '-'");
            }

            var routeNames = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var route in bound.Routes)
            {
                Report(bound, route.Item.Site, $"route name '{route.Item.Identity}' of ServiceRoute",
                    route.Item.Identity == "default" ? "is the name of the generated default route; choose another"
                    : !routeNames.Add(route.Item.Identity) ? "is used by two ServiceRoute items" : null);
                Report(bound, route.Item.Site, $"header '{route.Header}' of ServiceRoute {route.Item.Identity}",
                    HeaderName.IsMatch(route.Header) ? null
                    : route.Header.ToLowerInvariant() != route.Header && HeaderName.IsMatch(route.Header.ToLowerInvariant())
                        ? $"must be lower case, as Istio matches it: write {route.Header.ToLowerInvariant()}"
                        : "must be an HTTP header name");
            }

            string versionVariable = source.VersionEnvironmentVariable.Value.Trim();
            if (versionVariable.Length > 0)
            {
                Name(bound, source.VersionEnvironmentVariable, "environment variable name (ManifestVersionEnvironmentVariable)",
                    EnvironmentName.IsMatch(versionVariable) ? null : "must consist of letters, digits, '_', '-' and '.', and not start with a digit");
            }

            foreach (var variable in bound.Environment)
            {
                Report(bound, variable.Item.Site, $"environment variable name '{variable.Name}'",
                    EnvironmentName.IsMatch(variable.Name) ? null : "must consist of letters, digits, '_', '-' and '.', and not start with a digit");
            }

            var seen = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var (item, port) in bound.Ports)
            {
                // Only a Name metadata can be invalid or repeated: the default names are distinct and valid.
                if (item?.Get("Name") == null)
                {
                    seen.Add(port.Name);
                    continue;
                }

                Report(bound, item.Site, $"port name '{port.Name}'",
                    port.Name.Length > 15 || KubernetesNames.CheckDns1123Label(port.Name) != null ? "must be at most 15 lower-case letters, digits and '-'"
                    : !seen.Add(port.Name) ? "is used by two ports; the Service needs distinct names" : null);
            }
        }

        private static void Name(BoundDeclaration bound, DeclaredValue value, string what, string? problem) =>
            Report(bound, value.Site, $"{what} '{value.Value}'", problem);

        private static void Report(BoundDeclaration bound, DeclarationSite site, string subject, string? problem)
        {
            if (problem != null)
            {
                bound.Report(DiagnosticCatalog.InvalidDeclaredName, site, subject + " " + problem);
            }
        }
    }
}
