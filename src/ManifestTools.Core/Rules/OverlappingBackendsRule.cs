using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1107: the Services a rule splits traffic between select disjoint pods. The GAMMA analogue of MT2003: a
    /// version's Service without the version label also selects the other version's pods.
    /// </summary>
    public sealed class OverlappingBackendsRule : IManifestRule
    {
        /// <summary>Backends compared pairwise in one rule; a canary has two or three, and more are not a version split.</summary>
        private const int ComparedBackends = 32;

        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.OverlappingBackends;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var route in index.KubeRoutes)
            {
                foreach (var rule in route.Rules)
                {
                    if (rule.Backends.Count < 2 || rule.Backends.Count > ComparedBackends)
                    {
                        continue;
                    }

                    var services = new List<(BackendReference Backend, KubeService Service)>();
                    foreach (var backend in rule.Backends)
                    {
                        if (backend.IsService && index.ServicesNamed(backend.Namespace, backend.Name.Value) is { Count: 1 } found &&
                            found[0].Selector is { Count: > 0 } selector && !Placeholders.In(selector) &&
                            !services.Any(s => s.Service.Name == found[0].Name && s.Service.Namespace == found[0].Namespace))
                        {
                            services.Add((backend, found[0]));
                        }
                    }

                    foreach (var (backend, service) in services)
                    {
                        if (backend.EffectiveWeight == 0)
                        {
                            continue; // A backend without traffic sends none to the other's pods.
                        }

                        foreach (var (_, other) in services)
                        {
                            if (other == service || other.Namespace != service.Namespace || !Overlaps(index, service.Namespace, service.Selector!, other.Selector!) ||
                                ManagedByRollout(index, service, other))
                            {
                                continue;
                            }

                            // The broader selector is the mistake: a version Service that lacks the version label. Of two
                            // equal selectors the later is reported, of two that share pods otherwise the earlier: once.
                            bool within = service.Selector!.IsSubsetOf(other.Selector!), contains = other.Selector!.IsSubsetOf(service.Selector!);
                            bool earlier = services.FindIndex(s => s.Service == service) < services.FindIndex(s => s.Service == other);
                            if ((contains && !within) || (within && contains && earlier) || (!within && !contains && !earlier))
                            {
                                continue;
                            }

                            context.Report(route, backend.Name.Span, service.Name, Describe.Rule(route, rule), service.Selector!.ToString(),
                                "Service " + other.Name, Fix(service.Selector!, other.Selector!));
                            break;
                        }
                    }
                }
            }
        }

        /// <summary>
        /// True when every pod <paramref name="other"/> selects is also selected by <paramref name="selector"/>, or some
        /// pod template of the input carries both.
        /// </summary>
        private static bool Overlaps(Resolution.MeshIndex index, string @namespace, LabelMap selector, LabelMap other)
        {
            if (selector.IsSubsetOf(other))
            {
                return true;
            }

            return selector.Union(other) is { } both && both.Count > 0 && index.PodsWithLabels(@namespace, both).Any();
        }

        /// <summary>
        /// True when the pods both select are an Argo Rollout's: its controller adds <c>rollouts-pod-template-hash</c> to
        /// the stable and canary Services' selectors, so Services that look alike in the files select different pods.
        /// </summary>
        private static bool ManagedByRollout(Resolution.MeshIndex index, KubeService service, KubeService other) =>
            service.Selector!.Union(other.Selector!) is { } both && index.PodsWithLabels(service.Namespace, both).Any(w => w.Kind == "Rollout");

        private static string Fix(LabelMap selector, LabelMap other)
        {
            var missing = other.Where(l => !selector.TryGetValue(l.Key, out _)).Select(l => l.Key).ToList();
            return missing.Count > 0
                ? $"its selector lacks {Describe.List(missing)}, which the other backend's selector uses to tell the versions apart: add it with this version's value"
                : "give each version's Service a selector that chooses only that version's pods";
        }
    }
}
