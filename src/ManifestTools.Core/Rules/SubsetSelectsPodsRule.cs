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

            bool anyPod = false;
            foreach (var pod in index.PodsWithLabels(service.Namespace, service.Selector))
            {
                if (subset.Labels.IsSubsetOf(pod.PodLabels))
                {
                    return null;
                }

                anyPod = true;
            }

            if (!anyPod)
            {
                return null; // With no pods at all, MT2002 reports the Service instead.
            }

            var servicePods = index.PodsWithLabels(service.Namespace, service.Selector).ToList();

            var closest = ClosestMatch.Describe(ClosestMatch.Pods(servicePods), subset.Labels, "the subset");
            return ("Service " + service.Name, closest ?? "no pod template carries " + subset.Labels);
        }

        private static (string Host, string Why)? CheckEntry(Resolution.MeshIndex index, ServiceEntry entry, Subset subset)
        {
            if (entry.WorkloadSelector != null && entry.WorkloadSelector.Count > 0)
            {
                var pods = index.PodsWithLabels(entry.Namespace, entry.WorkloadSelector).ToList();
                if (pods.Count == 0 || pods.Any(pod => subset.Labels.IsSubsetOf(pod.PodLabels)))
                {
                    return null;
                }

                return ("ServiceEntry " + entry.Name, ClosestMatch.Describe(ClosestMatch.Pods(pods), subset.Labels, "the subset")!);
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
