using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>MT1001: each subset must select at least one pod of its host (Service pods, or a ServiceEntry's workloads or endpoints).</summary>
    public sealed class SubsetSelectsPodsRule : IManifestRule
    {
        /// <summary>
        /// Labels an endpoint has that no pod template carries: those Istio adds from its node and its mesh (pilot's
        /// AugmentLabels: locality, network, cluster, node), those the sidecar injector adds to every injected pod, and
        /// those the controllers add to the pods they create.
        /// </summary>
        private static readonly HashSet<string> EndpointLabels = new HashSet<string>(StringComparer.Ordinal)
        {
            "topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone",
            "topology.istio.io/network", "topology.istio.io/cluster", "kubernetes.io/hostname",
            "security.istio.io/tlsMode", "service.istio.io/canonical-name", "service.istio.io/canonical-revision",
            "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index", "controller-revision-hash",
            "pod-template-hash", "rollouts-pod-template-hash", "batch.kubernetes.io/job-name", "job-name",
        };

        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.SubsetSelectsNoPods;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var rule in index.DestinationRules)
            {
                // With no target its namespaces see, MT1004 reports the unknown host.
                var targets = index.TargetsOf(rule);
                foreach (var subset in rule.Subsets)
                {
                    var labels = PodLabelsOf(subset);
                    if (targets.Count == 0 || Placeholders.In(labels))
                    {
                        continue;
                    }

                    // The definitions of the host are alternatives: the subset is fine when any of them has its pods.
                    (string Host, string Why)? first = null;
                    bool satisfied = false;
                    foreach (var target in targets)
                    {
                        var problem = target.Service != null ? CheckService(index, target.Service, labels) : CheckEntry(index, target.Entry!, labels);
                        if (problem == null)
                        {
                            satisfied = true;
                            break;
                        }

                        first ??= problem;
                    }

                    if (!satisfied)
                    {
                        context.Report(rule, subset.Labels.Span, subset.Name.Value, rule.Namespace + "/" + rule.Name, first!.Value.Host, first.Value.Why);
                    }
                }
            }
        }

        private static LabelMap PodLabelsOf(Subset subset)
        {
            foreach (var label in subset.Labels)
            {
                if (EndpointLabels.Contains(label.Key))
                {
                    return new LabelMap(subset.Labels.Where(l => !EndpointLabels.Contains(l.Key)).ToList(), subset.Labels.Span);
                }
            }

            return subset.Labels;
        }

        private static (string Host, string Why)? CheckService(MeshIndex index, KubeService service, LabelMap subset)
        {
            if (service.Selector == null || service.Selector.Count == 0 || Placeholders.In(service.Selector) ||
                (service.Selector.Union(subset) is { } wanted && index.MayCarry(service.Namespace, wanted)))
            {
                return null; // Endpoints are managed by hand, or the pods' labels are not known yet: nothing to compare.
            }

            if (!index.PodsWithLabels(service.Namespace, service.Selector).Any() || AnyPodCarries(index, service.Namespace, service.Selector, subset))
            {
                return null; // With no pods at all, MT2002 reports the Service instead.
            }

            var closest = ClosestMatch.Describe(ClosestMatch.Pods(index.PodsWithLabels(service.Namespace, service.Selector)), subset, "the subset");
            return ("Service " + service.Name, closest!);
        }

        /// <summary>Looks the combined labels up in the index (rarest label first) instead of testing every pod of the host.</summary>
        private static bool AnyPodCarries(MeshIndex index, string @namespace, LabelMap hostLabels, LabelMap subsetLabels) =>
            hostLabels.Union(subsetLabels) is { } both && index.PodsWithLabels(@namespace, both).Any();

        private static (string Host, string Why)? CheckEntry(MeshIndex index, ServiceEntry entry, LabelMap subset)
        {
            if (entry.WorkloadSelector != null && entry.WorkloadSelector.Count > 0)
            {
                if (Placeholders.In(entry.WorkloadSelector) || (entry.WorkloadSelector.Union(subset) is { } wanted && index.MayCarry(entry.Namespace, wanted)) ||
                    !index.PodsWithLabels(entry.Namespace, entry.WorkloadSelector).Any() || AnyPodCarries(index, entry.Namespace, entry.WorkloadSelector, subset))
                {
                    return null;
                }

                var pods = ClosestMatch.Pods(index.PodsWithLabels(entry.Namespace, entry.WorkloadSelector));
                return ("ServiceEntry " + entry.Name, ClosestMatch.Describe(pods, subset, "the subset")!);
            }

            if (entry.Endpoints.Count == 0 || entry.Endpoints.Any(endpoint => subset.IsSubsetOf(endpoint.Labels) || Placeholders.In(endpoint.Labels)))
            {
                return null; // DNS-resolved external hosts have no labels to compare.
            }

            var closest = ClosestMatch.Describe(entry.Endpoints.Select(e => ((ManifestObject)entry, e.Labels)), subset, "the subset");
            return ("ServiceEntry " + entry.Name, "no endpoint carries its labels; " + closest);
        }
    }
}
