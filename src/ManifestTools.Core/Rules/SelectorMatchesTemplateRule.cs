using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

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
                // The templates of an Experiment, and of a canary's experiment steps, have selectors of their own.
                if (workload.TemplateFrom == null)
                {
                    foreach (var pods in workload.ExtraPods)
                    {
                        if (pods.Selector != null && !pods.Selector.IsEmpty)
                        {
                            Check(context, workload, pods.Selector, new List<LabelMap> { pods.PodLabels }, "the experiment template", $"an experiment template of {workload.Ref}");
                        }
                    }
                }

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

                // A Rollout with workloadRef is checked against the referenced template, and not at all when that is
                // not in the input.
                var templates = workload.TemplateFrom != null ? context.Index.ReferencedTemplates(workload).Select(t => t.PodLabels).ToList() : new List<LabelMap> { workload.PodLabels };
                var which = workload.TemplateFrom != null ? $"the template of {workload.TemplateFrom.Kind} {workload.TemplateFrom.Name}" : "the template";
                Check(context, workload, selector, templates, which, workload.Ref.ToString());
            }
        }

        private static void Check(RuleContext context, Workload workload, LabelSelector selector, List<LabelMap> templates, string which, string whose)
        {
            // A placeholder label may become anything.
            if (templates.Count == 0 || templates.Any(labels => selector.Matches(labels) || Placeholders.In(labels)) || Placeholders.In(selector.MatchLabels))
            {
                return;
            }

            var podLabels = templates[0];
            var missing = selector.MatchLabels
                .Where(label => !(podLabels.TryGetValue(label.Key, out var value) && value == label.Value))
                .Select(label => podLabels.TryGetValue(label.Key, out var value)
                    ? $"it wants {label} but {which} has {label.Key}={value}"
                    : $"it wants {label} but {which} has no label {label.Key}")
                .Concat(selector.MatchExpressions.Where(e => !e.Matches(podLabels)).Select(e => $"{which} fails {e}"));
            context.Report(workload, selector.Span, whose, string.Join("; ", missing));
        }
    }
}
