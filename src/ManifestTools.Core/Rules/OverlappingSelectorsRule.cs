using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT2003: two controllers in one namespace where one's selector matches the other's pod template, so
    /// both claim the same pods. Reported once per selector that reaches too far, naming the first pods it claims.
    /// </summary>
    public sealed class OverlappingSelectorsRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.OverlappingSelectors;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            var order = new Dictionary<Workload, int>();
            foreach (var workload in index.Workloads)
            {
                order[workload] = order.Count;
            }

            foreach (var workload in index.Workloads)
            {
                if (!workload.IsController || workload.Selector == null || workload.Selector.IsEmpty || Placeholders.In(workload.Selector.MatchLabels))
                {
                    continue;
                }

                foreach (var other in index.PodsSelectedBy(workload.Namespace, workload.Selector))
                {
                    // Another definition of the same object (a variant file, a cluster folder) is not a second controller;
                    // nor is the workload a Rollout takes its template from, which Argo scales down on purpose.
                    if (!other.IsController || other.IsSameObject(workload) || References(workload, other) || References(other, workload))
                    {
                        continue;
                    }

                    bool mutual = other.Selector != null && !other.Selector.IsEmpty && other.Selector.Matches(workload.PodLabels);
                    if (mutual && order[other] > order[workload])
                    {
                        continue; // Identical reach: report the pair once, at the later object.
                    }

                    context.Report(workload, workload.Selector.Span, workload.Ref.ToString(), workload.Selector.ToString(), other.Ref.ToString());
                    break; // One finding per selector: fixing it fixes every overlap, and N copies stay linear.
                }
            }
        }

        private static bool References(Workload rollout, Workload workload) =>
            rollout.TemplateFrom is { } reference && reference.Kind == workload.Kind && reference.Name == workload.Name;
    }
}
