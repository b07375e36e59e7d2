using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Code
{
    /// <summary>
    /// MT3003: a health endpoint the code maps has no readiness probe in front of it, or a probe requests a path the code
    /// never maps.
    /// </summary>
    public static class HealthProbeRule
    {
        public const string Readiness = "readinessProbe";

        public static DiagnosticDescriptor Descriptor => DiagnosticCatalog.HealthProbeMismatch;

        /// <summary>Checks a health endpoint the code maps (<paramref name="path"/> is its pattern) against the workloads' probes.</summary>
        public static CodeFinding? CheckHealthEndpoint(string path, ServiceRuntime runtime)
        {
            var unprobed = runtime.Workloads.Where(w => !w.Containers.Any(c => c.Probes.Any(p => p.Kind == Readiness))).ToList();
            if (unprobed.Count == 0)
            {
                return null;
            }

            string fix = runtime.Fix($"set <ManifestReadinessProbePath>{path}</ManifestReadinessProbePath> in the project file",
                $"add a readinessProbe with httpGet path {path}");
            return new CodeFinding(Descriptor, Descriptor.FormatMessage(
                $"the code maps the health endpoint {path}, but {ServiceRuntime.Name(unprobed)} {(unprobed.Count == 1 ? "has" : "have")} no readinessProbe, " +
                $"so pods get traffic before they are ready; {fix}"));
        }

        /// <summary>Checks every httpGet probe of the code's containers against the routes the code maps, when they are all known.</summary>
        public static IEnumerable<ManifestDiagnostic> CheckProbes(ServiceRuntime runtime, RouteTable routes)
        {
            if (!routes.IsComplete)
            {
                yield break;
            }

            foreach (var (workload, container) in runtime.CodeContainers)
            {
                foreach (var probe in container.Probes.Where(p => p.Path != null && !routes.Matches(p.Path)))
                {
                    if (workload.Header.Suppresses(Descriptor.Id))
                    {
                        continue;
                    }

                    string effect = probe.Kind == Readiness ? "the pods never become ready" : probe.Kind == "livenessProbe" ? "the pods are restarted forever" : "the pods never start";
                    string mapped = routes.Patterns.Count == 0 ? "maps no route" : "maps only " + string.Join(", ", routes.Patterns.OrderBy(p => p, System.StringComparer.Ordinal));
                    string fix = runtime.IsGenerated(workload) && probe.Kind != "startupProbe"
                        ? $"set {(probe.Kind == Readiness ? "ManifestReadinessProbePath" : "ManifestLivenessProbePath")} in the project file to a path the code maps"
                        : "change the probe's path, or map it in the code";
                    yield return new ManifestDiagnostic(Descriptor, Descriptor.DefaultSeverity, workload.File, probe.PathSpan,
                        Descriptor.FormatMessage($"the {probe.Kind} of container {container.Name} in {workload.Ref} requests {probe.Path}, but the code {mapped}, so {effect}; {fix}"),
                        workload.Ref);
                }
            }
        }
    }
}
