using System.Linq;
using System.Text.RegularExpressions;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Generation.Checks
{
    /// <summary>MT4003: every declared name is valid where the generated objects use it.</summary>
    internal static class DeclaredNamesCheck
    {
        // The Docker reference grammar: lower-case path components separated by '/', and a tag of at most 128 characters.
        private static readonly Regex Repository = new Regex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant);
        private static readonly Regex ImageTag = new Regex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant);

        // Kubernetes' environment variable name rule (C identifier, plus '-' and '.').
        private static readonly Regex EnvironmentName = new Regex(@"^[-._a-zA-Z][-._a-zA-Z0-9]*$", RegexOptions.CultureInvariant);

        // An HTTP header field name (RFC 9110 token), in the lower case Istio requires.
        private static readonly Regex HeaderName = new Regex(@"^[a-z0-9!#$%&'*+.^_`|~-]+$", RegexOptions.CultureInvariant);

        public static void Check(BoundDeclaration bound)
        {
            var source = bound.Source;
            Name(bound, source.ServiceName, "service name (ManifestServiceName)", KubernetesNames.CheckDns1035Label(source.ServiceName.Value));
            Name(bound, source.Namespace, "namespace (ManifestNamespace)", KubernetesNames.CheckDns1123Label(source.Namespace.Value));
            Name(bound, source.Repository, "image repository (ContainerRepository)",
                Repository.IsMatch(source.Repository.Value) ? null : "must be lower-case path components such as team/service");

            foreach (var version in bound.Versions)
            {
                // The version alone, not the whole Deployment name: an invalid service name is reported once, at its
                // property, not again at every version. With a valid service name (at most 63 characters) both agree.
                var problem = KubernetesNames.CheckLabelValue(version.Name)
                    ?? KubernetesNames.CheckDns1123Subdomain(version.Name)
                    ?? (version.Name.Length == 0 ? "must not be empty" : null);
                Report(bound, version.Item.Site, $"version '{version.Name}' is a label value and part of the Deployment name " +
                    $"{source.ServiceName.Value}-{version.Name}, so it", problem == null ? null : "must be lower-case letters, digits, '-' and '.', and start and end with a letter or digit");
                Report(bound, version.Item.Site, $"image tag '{version.ImageTag}' of version {version.Name}",
                    ImageTag.IsMatch(version.ImageTag) ? null : "must be at most 128 of [A-Za-z0-9_.-] and not start with '.' or '-'");
            }

            foreach (var route in bound.Routes)
            {
                Report(bound, route.Item.Site, $"header '{route.Header}' of ServiceRoute {route.Item.Identity}",
                    HeaderName.IsMatch(route.Header) ? null
                    : route.Header.ToLowerInvariant() != route.Header && HeaderName.IsMatch(route.Header.ToLowerInvariant())
                        ? $"must be lower case, as Istio matches it: write {route.Header.ToLowerInvariant()}"
                        : "must be an HTTP header name");
            }

            foreach (var variable in bound.Environment)
            {
                Report(bound, variable.Item.Site, $"environment variable name '{variable.Name}'",
                    EnvironmentName.IsMatch(variable.Name) ? null : "must consist of letters, digits, '_', '-' and '.', and not start with a digit");
            }

            var seen = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var port in bound.Ports)
            {
                // Only a Name metadata can be invalid or repeated: the default names are distinct and valid.
                var item = source.Ports.FirstOrDefault(p => p.Get("Name") == port.Name);
                if (item == null)
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
