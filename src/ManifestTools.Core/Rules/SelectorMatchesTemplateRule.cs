using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>MT2001: a workload's selector must match its own pod template, or the API server rejects it.</summary>
    public sealed class SelectorMatchesTemplateRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.SelectorMismatch;

        public void Check(RuleContext context)
        {
            foreach (var workload in context.Index.Workloads)
            {
                var selector = workload.Selector;
                if (selector == null)
                {
                    continue;
                }

                if (selector.IsEmpty)
                {
                    context.Report(workload, selector.Span, workload.Ref.ToString(), "the selector is empty, which would select every pod");
                    continue;
                }

                if (selector.Matches(workload.PodLabels))
                {
                    continue;
                }

                var missing = selector.MatchLabels
                    .Where(label => !(workload.PodLabels.TryGetValue(label.Key, out var value) && value == label.Value))
                    .Select(label => workload.PodLabels.TryGetValue(label.Key, out var value)
                        ? $"it wants {label} but the template has {label.Key}={value}"
                        : $"it wants {label} but the template has no label {label.Key}")
                    .Concat(selector.MatchExpressions.Where(e => !e.Matches(workload.PodLabels)).Select(e => $"the template fails {e}"));
                context.Report(workload, selector.Span, workload.Ref.ToString(), string.Join("; ", missing));
            }
        }
    }
}
