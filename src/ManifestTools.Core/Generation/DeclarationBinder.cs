using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Generation.Checks;

namespace ManifestTools.Generation
{
    /// <summary>Parses a declaration's strings into a <see cref="ServiceModel"/>, reporting MT4xxx at the project lines.</summary>
    public static class DeclarationBinder
    {
        private static readonly Action<BoundDeclaration>[] Checks =
        {
            DeclaredNamesCheck.Check,
            HeaderMatchValuesCheck.Check,
            HeaderRegexCheck.Check,
            DistinctPortsCheck.Check,
            VersionsDeclaredCheck.Check,
            UniqueVersionsCheck.Check,
            KnownVersionsCheck.Check,
            WeightsTotal100Check.Check,
            HttpRouteLimitsCheck.Check,
            DistinctImagesCheck.Check,
        };

        /// <summary>The model is null when any finding is an error; a project without versions has nothing to generate.</summary>
        public static (ServiceModel? Model, IReadOnlyList<ManifestDiagnostic> Diagnostics) Bind(ServiceDeclaration declaration)
        {
            var bound = new BoundDeclaration(declaration);
            DeclaredTextCheck.Check(bound);
            BindTrafficApi(bound);
            BindVersions(bound);
            BindRoutes(bound);
            BindPorts(bound);
            BindEnvironment(bound);
            BindProbePath(bound, bound.Source.ReadinessProbePath, "ManifestReadinessProbePath");
            BindProbePath(bound, bound.Source.LivenessProbePath, "ManifestLivenessProbePath");
            foreach (var check in Checks)
            {
                check(bound);
            }

            if (bound.Diagnostics.Any(d => d.Severity == Severity.Error) || bound.Versions.Count == 0)
            {
                return (null, bound.Diagnostics);
            }

            return (BuildModel(bound), bound.Diagnostics);
        }

        /// <summary>Case-insensitive, as MSBuild compares its own values ('$(X)' == 'true' holds for True).</summary>
        private static void BindTrafficApi(BoundDeclaration bound)
        {
            var declared = bound.Source.TrafficApi;
            string value = declared.Value.Trim();
            if (value.Length == 0 || string.Equals(value, nameof(TrafficApi.Istio), StringComparison.OrdinalIgnoreCase))
            {
                bound.TrafficApi = TrafficApi.Istio;
            }
            else if (string.Equals(value, nameof(TrafficApi.GatewayApi), StringComparison.OrdinalIgnoreCase))
            {
                bound.TrafficApi = TrafficApi.GatewayApi;
            }
            else
            {
                bound.Report(DiagnosticCatalog.InvalidDeclaredValue, declared.Site,
                    $"ManifestTrafficApi '{DeclaredTextCheck.Visible(value)}' is not a traffic API: use Istio (DestinationRule and VirtualService) " +
                    "or GatewayApi (a Service per version and an HTTPRoute)");
            }
        }

        private static void BindVersions(BoundDeclaration bound)
        {
            var source = bound.Source;
            string repository = source.Repository.Value.Trim();
            string registry = source.Registry.Value.Trim();
            foreach (var item in source.Versions.Where(Readable(bound)))
            {
                string tag = item.Get("ImageTag") ?? NonEmpty(source.DefaultImageTag.Value) ?? item.Identity;
                string image = (registry.Length > 0 ? registry + "/" : "") + repository + ":" + tag;
                int? weight = item.Get("Weight") is string w ? ParseInt(bound, item, "Weight", w, 0, 100) : null;
                int replicas = item.Get("Replicas") is string r ? ParseInt(bound, item, "Replicas", r, 0, int.MaxValue) ?? 1 : 1;
                bound.Versions.Add(new BoundVersion(item, tag, image, weight, replicas));
            }
        }

        private static void BindRoutes(BoundDeclaration bound)
        {
            foreach (var item in bound.Source.Routes.Where(Readable(bound)))
            {
                string? header = item.Get("Header");
                var matches = new[] { "Exact", "Prefix", "Regex" }.Where(m => item.Get(m) != null).ToList();
                if (header == null || matches.Count != 1)
                {
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, item.Site,
                        $"ServiceRoute {item.Identity} needs a Header and exactly one of Exact, Prefix or Regex" +
                        (matches.Count > 1 ? $", but has {string.Join(" and ", matches)}" : ""));
                    continue;
                }

                var weights = ParseWeights(bound, item);
                if (weights != null)
                {
                    bound.Routes.Add(new BoundRoute(item, header, matches[0].ToLowerInvariant(), item.Get(matches[0])!, weights));
                }
            }
        }

        /// <summary>"v1=50;v2=50", or a single "v2", which takes all of the route's traffic.</summary>
        private static IReadOnlyList<WeightedVersion>? ParseWeights(BoundDeclaration bound, DeclaredItem item)
        {
            var entries = (item.Get("Weights") ?? "").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
            if (entries.Count == 0)
            {
                bound.Report(DiagnosticCatalog.InvalidDeclaredValue, item.Site,
                    $"ServiceRoute {item.Identity} needs Weights, such as Weights=\"v1=50;v2=50\"");
                return null;
            }

            var weights = new List<WeightedVersion>();
            foreach (var entry in entries)
            {
                if (entry.Any(char.IsWhiteSpace))
                {
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, item.Site,
                        $"Weights entry '{entry}' of ServiceRoute {item.Identity} holds spaces: write {new string(entry.Where(c => !char.IsWhiteSpace(c)).ToArray())}");
                    return null;
                }

                int eq = entry.IndexOf('=');
                if (eq < 0 && entries.Count == 1)
                {
                    weights.Add(new WeightedVersion(entry, 100));
                    continue;
                }

                int? weight = eq < 0 ? null : ParseInt(bound, item, "Weights", entry.Substring(eq + 1), 0, 100);
                if (eq < 0)
                {
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, item.Site,
                        $"Weights entry '{entry}' of ServiceRoute {item.Identity} needs a weight: {entry}=50");
                }

                if (weight == null)
                {
                    return null;
                }

                string version = entry.Substring(0, eq);
                if (weights.Any(w => w.Version == version))
                {
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, item.Site,
                        $"Weights of ServiceRoute {item.Identity} name version {version} twice; give each version one weight");
                    return null;
                }

                weights.Add(new WeightedVersion(version, weight.Value));
            }

            return weights;
        }

        private static void BindPorts(BoundDeclaration bound)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in bound.Source.Ports.Where(Readable(bound)))
            {
                var number = ParseInt(bound, item, "port", item.Identity, 1, 65535, "ContainerPort");
                string protocol = (item.Get("Type") ?? "tcp").ToUpperInvariant();
                if (protocol != "TCP" && protocol != "UDP")
                {
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, item.Site,
                        $"ContainerPort {item.Identity} has Type '{item.Get("Type")}'; use tcp or udp");
                    continue;
                }

                if (number == null)
                {
                    continue;
                }

                string prefix = protocol == "TCP" ? "http" : "udp";
                string name = item.Get("Name") ?? (names.Contains(prefix) ? prefix + "-" + number.Value.ToString(CultureInfo.InvariantCulture) : prefix);
                names.Add(name);
                bound.Ports.Add(new BoundPort(item, new PortModel(name, number.Value, protocol)));
            }

            if (bound.Source.Ports.Count == 0)
            {
                // The port ASP.NET Core listens on in the official container images (ASPNETCORE_HTTP_PORTS=8080).
                bound.Ports.Add(new BoundPort(null, new PortModel("http", 8080, "TCP")));
            }
        }

        private static void BindEnvironment(BoundDeclaration bound)
        {
            foreach (var item in bound.Source.EnvironmentVariables.Where(Readable(bound)))
            {
                var versions = (item.Get("Versions") ?? "").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
                bound.Environment.Add(new BoundEnvironmentVariable(item, item.Metadata.TryGetValue("Value", out var value) ? value : "", versions));
            }
        }

        private static void BindProbePath(BoundDeclaration bound, DeclaredValue path, string property)
        {
            string value = path.Value.Trim();
            if (value.Length > 0 && (value[0] != '/' || value.Any(c => char.IsWhiteSpace(c) || DeclaredTextCheck.IsControl(c))))
            {
                bound.Report(DiagnosticCatalog.InvalidDeclaredValue, path.Site,
                    $"{property} '{DeclaredTextCheck.Visible(value)}' is not a request path: it must start with / and hold no spaces or control characters");
            }
        }

        private static ServiceModel BuildModel(BoundDeclaration bound)
        {
            var source = bound.Source;
            string versionVariable = source.VersionEnvironmentVariable.Value.Trim();
            bool anyWeight = bound.Versions.Any(v => v.Weight != null);
            var versions = bound.Versions.Select((v, i) =>
            {
                var environment = new List<EnvironmentVariable>();
                if (versionVariable.Length > 0)
                {
                    environment.Add(new EnvironmentVariable(versionVariable, v.ImageTag));
                }

                foreach (var variable in bound.Environment.Where(e => e.Versions.Count == 0 || e.Versions.Contains(v.Name)))
                {
                    // A later item overrides an earlier one, as MSBuild's own item updates do.
                    environment.RemoveAll(e => e.Name == variable.Name);
                    environment.Add(new EnvironmentVariable(variable.Name, variable.Value));
                }

                int weight = v.Weight ?? (anyWeight ? 0 : i == 0 ? 100 : 0);
                return new VersionModel(v.Name, v.ImageTag, v.Image, weight, v.Replicas, environment);
            }).ToList();

            var routes = bound.Routes.Select(r => new RouteModel(r.Item.Identity, r.Header, r.MatchType, r.MatchValue, r.Weights)).ToList();
            var defaultRoute = versions.Select(v => new WeightedVersion(v.Name, v.Weight)).ToList();
            return new ServiceModel(source.ServiceName.Value.Trim(), source.Namespace.Value.Trim(), bound.Ports.Select(p => p.Port).ToList(), versions, routes, defaultRoute,
                source.ReadinessProbePath.Value.Trim(), source.LivenessProbePath.Value.Trim(), bound.TrafficApi);
        }

        /// <summary>
        /// Digits only: a sign or spaces (" 50", "+60") would be read the same by int.Parse, but they are not what
        /// anyone means to write, and a value that is changed without notice is worse than one that is refused.
        /// </summary>
        private static int? ParseInt(BoundDeclaration bound, DeclaredItem item, string field, string text, int min, int max, string itemType = "")
        {
            bool digits = text.Length > 0 && text.Length <= 10 && text.All(c => c >= '0' && c <= '9');
            if (digits && long.Parse(text, CultureInfo.InvariantCulture) is long value && value >= min && value <= max)
            {
                return (int)value;
            }

            string range = max == int.MaxValue ? $"an integer of at least {min}" : $"an integer from {min} to {max}";
            string subject = itemType.Length > 0 ? $"{itemType} '{text}'" : $"{field} '{text}' of {item.Identity}";
            string hint = !digits && int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out int lenient) && lenient >= min && lenient <= max
                ? $": write {lenient.ToString(CultureInfo.InvariantCulture)}, digits only, without spaces or a sign"
                : "";
            bound.Report(DiagnosticCatalog.InvalidDeclaredValue, item.Site, $"{subject} is not {range}{hint}");
            return null;
        }

        private static Func<DeclaredItem, bool> Readable(BoundDeclaration bound) => item => !bound.Unreadable.Contains(item);

        private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
