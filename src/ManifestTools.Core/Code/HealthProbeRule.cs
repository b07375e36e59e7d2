using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Code
{
    /// <summary>A health endpoint the code maps: an HTTP path, or a gRPC health service by its type name.</summary>
    public readonly struct HealthEndpoint
    {
        public HealthEndpoint(string name, bool isGrpc)
        {
            Name = name;
            IsGrpc = isGrpc;
        }

        /// <summary>The path pattern (<c>/hc</c>), or the gRPC service's type name.</summary>
        public string Name { get; }

        public bool IsGrpc { get; }
    }

    /// <summary>
    /// MT3003: the code maps health endpoints but a workload of the service has no readiness probe, or a probe asks
    /// for what the code does not serve: a path it never maps, or the gRPC health service it does not map.
    /// </summary>
    public static class HealthProbeRule
    {
        public const string Readiness = "readinessProbe";

        public static DiagnosticDescriptor Descriptor => DiagnosticCatalog.HealthProbeMismatch;

        /// <summary>
        /// One finding for one missing probe, however many health endpoints the code maps: the index of the endpoint to
        /// report it at (the first), with the finding; null when every workload has a readiness probe.
        /// </summary>
        public static (int Endpoint, CodeFinding Finding)? CheckMissingReadiness(IReadOnlyList<HealthEndpoint> endpoints, ServiceRuntime runtime)
        {
            var unprobed = runtime.Workloads.Where(w => !w.Containers.Any(c => c.Probes.Any(p => p.Kind == Readiness))).ToList();
            if (endpoints.Count == 0 || unprobed.Count == 0)
            {
                return null;
            }

            var paths = endpoints.Where(e => !e.IsGrpc).Select(e => e.Name).Distinct(StringComparer.Ordinal).ToList();
            string mapped = paths.Count == 0 ? "the gRPC health service " + endpoints[0].Name
                : (paths.Count == 1 ? "the health endpoint " : "the health endpoints ") + string.Join(", ", paths);
            return (0, new CodeFinding(Descriptor, Descriptor.FormatMessage(
                $"the code maps {mapped}, but {ServiceRuntime.Name(unprobed)} {(unprobed.Count == 1 ? "has" : "have")} no readinessProbe, " +
                $"so pods get traffic before they are ready; {Fix(endpoints, runtime)}")));
        }

        /// <summary>
        /// The probe to add. It names the readiness endpoint where one can be told apart (named for readiness, else one
        /// that is not a liveness endpoint), never a liveness endpoint: that one says the process runs, not that it
        /// can serve.
        /// </summary>
        private static string Fix(IReadOnlyList<HealthEndpoint> endpoints, ServiceRuntime runtime)
        {
            var paths = endpoints.Where(e => !e.IsGrpc).Select(e => e.Name).ToList();
            var readiness = paths.FirstOrDefault(RouteTable.IsReadinessPath) ?? paths.FirstOrDefault(p => !RouteTable.IsLivenessPath(p));
            if (readiness != null)
            {
                return runtime.Fix($"set <ManifestReadinessProbePath>{readiness}</ManifestReadinessProbePath> in the project file",
                    $"add a readinessProbe with httpGet path {readiness}");
            }

            return endpoints.Any(e => e.IsGrpc)
                ? "add a readinessProbe with grpc on the port the code listens on" + (runtime.Workloads.Any(runtime.IsGenerated) ? " (in an override of deployment.yaml.scriban)" : "")
                : $"map a readiness endpoint, such as /ready, and add a readinessProbe for it; {paths[0]} is a liveness endpoint";
        }

        /// <summary>
        /// Checks every probe of the code's containers against what the code serves, when all of it is known: an httpGet
        /// path must be mapped, and a grpc probe needs the gRPC health service.
        /// </summary>
        public static IEnumerable<ManifestDiagnostic> CheckProbes(ServiceRuntime runtime, RouteTable routes)
        {
            if (!routes.IsComplete)
            {
                yield break;
            }

            foreach (var (workload, container) in runtime.CodeContainers)
            {
                if (workload.Header.Suppresses(Descriptor.Id) || ServiceRuntime.ProbesAreRewritten(workload))
                {
                    continue;
                }

                foreach (var probe in container.Probes)
                {
                    string effect = Effect(probe);
                    if (probe.Handler == "grpc" && !routes.HasGrpcHealth)
                    {
                        yield return new ManifestDiagnostic(Descriptor, Descriptor.DefaultSeverity, workload.File, probe.Span,
                            Descriptor.FormatMessage($"the {probe.Kind} of container {container.Name} in {workload.Ref} calls the gRPC health service, but the code " +
                                                     $"{Mapped(routes)} and no gRPC health service (MapGrpcHealthChecksService, or a service of grpc.health.v1.Health), so {effect}; " +
                                                     "map the gRPC health service, or probe a path the code maps with httpGet"),
                            workload.Ref);
                    }

                    if (probe.Path != null && !routes.Matches(probe.Path))
                    {
                        string fix = routes.Patterns.Count == 0 && routes.HasGrpcHealth ? "probe the gRPC health service with grpc instead of httpGet"
                            : runtime.IsGenerated(workload) && probe.Kind != "startupProbe"
                            ? $"set {(probe.Kind == Readiness ? "ManifestReadinessProbePath" : "ManifestLivenessProbePath")} in the project file to a path the code maps"
                            : "change the probe's path, or map it in the code";
                        yield return new ManifestDiagnostic(Descriptor, Descriptor.DefaultSeverity, workload.File, probe.PathSpan,
                            Descriptor.FormatMessage($"the {probe.Kind} of container {container.Name} in {workload.Ref} requests {probe.Path}, but the code {Mapped(routes)}, so {effect}; {fix}"),
                            workload.Ref);
                    }
                }
            }
        }

        /// <summary>What a probe that always fails does to the pods.</summary>
        internal static string Effect(Probe probe) =>
            probe.Kind == Readiness ? "the pods never become ready" : probe.Kind == "livenessProbe" ? "the pods are restarted forever" : "the pods never start";

        private static string Mapped(RouteTable routes)
        {
            var patterns = routes.Patterns.OrderBy(p => p, StringComparer.Ordinal).ToList();
            var parts = new List<string>();
            if (patterns.Count > 0)
            {
                parts.Add(string.Join(", ", patterns));
            }

            if (routes.GrpcServices.Count > 0)
            {
                parts.Add((routes.GrpcServices.Count == 1 ? "the gRPC service " : "the gRPC services ") + string.Join(", ", routes.GrpcServices));
            }

            return parts.Count == 0 ? "maps no route" : "maps only " + string.Join(" and ", parts);
        }
    }
}
