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

                    // The same pods under another name in another file (tcp-echo.yaml beside tcp-echo-services.yaml, one sample
                    // per file) are likely alternatives: only a warning, since the linter cannot tell whether both are applied.
                    if (workload.File != other.File && SameLabels(workload.PodLabels, other.PodLabels))
                    {
                        context.Report(workload, workload.Selector.Span, Severity.Warning, workload.Ref.ToString(), workload.Selector.ToString(), other.Ref.ToString(),
                            $" in {other.File}, whose pods carry the same labels: the files are probably alternatives, of which one is applied; if both are, give the two labels that tell them apart");
                    }
                    else
                    {
                        context.Report(workload, workload.Selector.Span, workload.Ref.ToString(), workload.Selector.ToString(), other.Ref.ToString(),
                            "; add a label that tells them apart (such as version) to both selectors and templates");
                    }

                    break; // One finding per selector: fixing it fixes every overlap, and N copies stay linear.
                }
            }
        }

        private static bool SameLabels(LabelMap a, LabelMap b) => a.Count == b.Count && a.IsSubsetOf(b);

        private static bool References(Workload rollout, Workload workload) =>
            rollout.TemplateFrom is { } reference && reference.Kind == workload.Kind && reference.Name == workload.Name;
    }
}
