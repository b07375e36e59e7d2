using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1106: each version's Service of a route selects some pod, when the route's other backends do. The GAMMA
    /// analogue of MT1001: with no backend selecting any pod, the workloads are elsewhere and MT2002 warns instead.
    /// </summary>
    public sealed class BackendSelectsPodsRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.BackendSelectsNoPods;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (route, rule, backend, service) in Unselected(index))
            {
                var closest = ClosestMatch.Describe(ClosestMatch.Pods(index.PodsIn(service.Namespace)), service.Selector!, "the Service");
                context.Report(route, backend.Name.Span, Describe.Rule(route, rule), service.Name, service.Selector!.ToString(), service.Namespace,
                    closest != null ? "; " + closest : string.Empty);
            }
        }

        /// <summary>
        /// The backendRefs with a positive weight whose Service selects no pod while another backend of the route does.
        /// MT2002 leaves their Services to this rule, so one mistake is one finding.
        /// </summary>
        internal static IEnumerable<(KubeRoute Route, KubeRouteRule Rule, BackendReference Backend, KubeService Service)> Unselected(MeshIndex index)
        {
            foreach (var route in index.KubeRoutes)
            {
                var backends = new List<(KubeRouteRule Rule, BackendReference Backend, IReadOnlyList<KubeService> Services, bool HasPods)>();
                bool anyHasPods = false;
                foreach (var rule in route.Rules)
                {
                    foreach (var backend in rule.Backends)
                    {
                        if (!backend.IsService)
                        {
                            continue;
                        }

                        var services = index.ServicesNamed(backend.Namespace, backend.Name.Value);
                        if (services.Count == 0 || services.Any(s => !Comparable(s)))
                        {
                            continue; // MT1101 reports a missing Service; one without a plain selector has nothing to compare.
                        }

                        bool hasPods = services.Any(s => index.MayCarry(s.Namespace, s.Selector!) || index.PodsWithLabels(s.Namespace, s.Selector!).Any());
                        anyHasPods |= hasPods;
                        backends.Add((rule, backend, services, hasPods));
                    }
                }

                if (!anyHasPods)
                {
                    continue;
                }

                foreach (var (rule, backend, services, hasPods) in backends)
                {
                    // A version staged with weight 0 gets no traffic yet.
                    if (!hasPods && backend.EffectiveWeight > 0)
                    {
                        yield return (route, rule, backend, services[0]);
                    }
                }
            }
        }

        private static bool Comparable(KubeService service) =>
            service.Selector != null && service.Selector.Count > 0 && service.Type != "ExternalName" && !Placeholders.In(service.Selector);
    }
}
