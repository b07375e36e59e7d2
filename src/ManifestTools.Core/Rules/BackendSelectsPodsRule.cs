using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1106: each version's Service of a route selects some pod, when another version's does. The GAMMA analogue of
    /// MT1001: with no version selecting any pod, the workloads are elsewhere and MT2002 warns instead.
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
        /// The backendRefs with a positive weight whose Service selects no pod while another backend of the route, a
        /// version of the same app, does: a Service of the same namespace whose selector shares a label with this one's
        /// (<c>app: reviews</c>). A backend of another app, or of a namespace whose pods are elsewhere, is MT2002's.
        /// MT2002 leaves the Services reported here to this rule, so one mistake is one finding.
        /// </summary>
        internal static IEnumerable<(KubeRoute Route, KubeRouteRule Rule, BackendReference Backend, KubeService Service)> Unselected(MeshIndex index)
        {
            foreach (var route in index.KubeRoutes)
            {
                var unselected = new List<(KubeRouteRule Rule, BackendReference Backend, KubeService Service)>();
                var selecting = new HashSet<(string Namespace, string Key, string Value)>();
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

                        var withPods = services.FirstOrDefault(s => index.MayCarry(s.Namespace, s.Selector!) || index.PodsWithLabels(s.Namespace, s.Selector!).Any());
                        if (withPods != null)
                        {
                            foreach (var label in withPods.Selector!)
                            {
                                selecting.Add((withPods.Namespace, label.Key, label.Value));
                            }
                        }
                        else if (backend.EffectiveWeight > 0)
                        {
                            // A version staged with weight 0 gets no traffic yet.
                            unselected.Add((rule, backend, services[0]));
                        }
                    }
                }

                foreach (var (rule, backend, service) in unselected)
                {
                    if (service.Selector!.Any(label => selecting.Contains((service.Namespace, label.Key, label.Value))))
                    {
                        yield return (route, rule, backend, service);
                    }
                }
            }
        }

        private static bool Comparable(KubeService service) =>
            service.Selector != null && service.Selector.Count > 0 && service.Type != "ExternalName" && !Placeholders.In(service.Selector);
    }
}
