using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>MT1001: each subset must select at least one pod of its host (Service pods, or a ServiceEntry's workloads or endpoints).</summary>
    public sealed class SubsetSelectsPodsRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.SubsetSelectsNoPods;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var rule in index.DestinationRules)
            {
                var target = index.FindHost(index.ResolvedHost(rule));
                if (target == null)
                {
                    continue; // MT1004 reports the unknown host.
                }

                foreach (var subset in rule.Subsets)
                {
                    var problem = target.Service != null ? CheckService(index, target.Service, subset) : CheckEntry(index, target.Entry!, subset);
                    if (problem != null)
                    {
                        context.Report(rule, subset.Labels.Span, subset.Name.Value, rule.Namespace + "/" + rule.Name, problem.Value.Host, problem.Value.Why);
                    }
                }
            }
        }

        private static (string Host, string Why)? CheckService(Resolution.MeshIndex index, KubeService service, Subset subset)
        {
            if (service.Selector == null || service.Selector.Count == 0)
            {
                return null; // Endpoints are managed by hand: there are no pod templates to compare.
            }

            if (!index.PodsWithLabels(service.Namespace, service.Selector).Any() || AnyPodCarries(index, service.Namespace, service.Selector, subset.Labels))
            {
                return null; // With no pods at all, MT2002 reports the Service instead.
            }

            var closest = ClosestMatch.Describe(ClosestMatch.Pods(index.PodsWithLabels(service.Namespace, service.Selector)), subset.Labels, "the subset");
            return ("Service " + service.Name, closest!);
        }

        /// <summary>Looks the combined labels up in the index (rarest label first) instead of testing every pod of the host.</summary>
        private static bool AnyPodCarries(Resolution.MeshIndex index, string @namespace, LabelMap hostLabels, LabelMap subsetLabels) =>
            hostLabels.Union(subsetLabels) is { } both && index.PodsWithLabels(@namespace, both).Any();

        private static (string Host, string Why)? CheckEntry(Resolution.MeshIndex index, ServiceEntry entry, Subset subset)
        {
            if (entry.WorkloadSelector != null && entry.WorkloadSelector.Count > 0)
            {
                if (!index.PodsWithLabels(entry.Namespace, entry.WorkloadSelector).Any() || AnyPodCarries(index, entry.Namespace, entry.WorkloadSelector, subset.Labels))
                {
                    return null;
                }

                var pods = ClosestMatch.Pods(index.PodsWithLabels(entry.Namespace, entry.WorkloadSelector));
                return ("ServiceEntry " + entry.Name, ClosestMatch.Describe(pods, subset.Labels, "the subset")!);
            }

            if (entry.Endpoints.Count == 0 || entry.Endpoints.Any(endpoint => subset.Labels.IsSubsetOf(endpoint.Labels)))
            {
                return null; // DNS-resolved external hosts have no labels to compare.
            }

            var closest = ClosestMatch.Describe(entry.Endpoints.Select(e => ((ManifestObject)entry, e.Labels)), subset.Labels, "the subset");
            return ("ServiceEntry " + entry.Name, "no endpoint carries its labels; " + closest);
        }
    }
}
