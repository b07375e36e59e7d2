using System.Collections.Generic;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>MT2004: object names, namespaces, label keys and label values the API server would reject.</summary>
    public sealed class ValidNamesRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.InvalidName;

        public void Check(RuleContext context)
        {
            var checkedSets = new List<LabelMap>();
            foreach (var obj in context.Index.Objects)
            {
                var header = obj.Header;
                if (!header.NameIsGenerated && !Placeholders.In(header.Name))
                {
                    var (rule, problem) = header.Kind switch
                    {
                        "Service" => ("a DNS-1035 label", KubernetesNames.CheckDns1035Label(header.Name)),
                        "Namespace" => ("a DNS-1123 label", KubernetesNames.CheckDns1123Label(header.Name)),
                        // RBAC validates names as path segments, so system:aggregated-metrics-reader is valid.
                        _ when header.Group == "rbac.authorization.k8s.io" => ("a path segment name", CheckPathSegment(header.Name)),
                        _ => ("a DNS-1123 subdomain", KubernetesNames.CheckDns1123Subdomain(header.Name)),
                    };
                    if (problem != null)
                    {
                        context.Report(obj, header.NameSpan, $"{header.Kind} name \"{header.Name}\" is not {rule}: it {problem}");
                    }
                }

                if (header.NamespaceSpan is { } namespaceSpan && !Placeholders.InName(header.Namespace) && KubernetesNames.CheckDns1123Label(header.Namespace) is { } nsProblem)
                {
                    context.Report(obj, namespaceSpan, $"namespace \"{header.Namespace}\" is not a DNS-1123 label: it {nsProblem}");
                }

                // A bare Pod's template labels are its metadata labels: check each map once.
                checkedSets.Clear();
                foreach (var (labels, where) in LabelSets(obj))
                {
                    if (!ContainsReference(checkedSets, labels))
                    {
                        checkedSets.Add(labels);
                        CheckLabels(context, obj, labels, where);
                    }
                }
            }
        }

        /// <summary>apimachinery's IsValidPathSegmentName: not . or .., and no / or %.</summary>
        private static string? CheckPathSegment(string name) =>
            name == "." || name == ".." ? "may not be . or .." :
            name.IndexOf('/') >= 0 ? "may not contain /" :
            name.IndexOf('%') >= 0 ? "may not contain %" : null;

        private static void CheckLabels(RuleContext context, ManifestObject obj, LabelMap labels, string where)
        {
            foreach (var label in labels)
            {
                if (Placeholders.In(label.Key) || Placeholders.In(label.Value))
                {
                    continue;
                }

                if (KubernetesNames.CheckLabelKey(label.Key) is { } keyProblem)
                {
                    context.Report(obj, label.KeySpan, $"label key \"{label.Key}\" in {where} is invalid: it {keyProblem}");
                }

                if (KubernetesNames.CheckLabelValue(label.Value) is { } valueProblem)
                {
                    context.Report(obj, label.ValueSpan, $"value \"{label.Value}\" of label {label.Key} in {where} is invalid: it {valueProblem}");
                }
            }
        }

        private static bool ContainsReference(List<LabelMap> sets, LabelMap labels)
        {
            foreach (var set in sets)
            {
                if (ReferenceEquals(set, labels))
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<(LabelMap Labels, string Where)> LabelSets(ManifestObject obj)
        {
            yield return (obj.Header.Labels, "metadata.labels");
            switch (obj)
            {
                case Workload workload:
                    yield return (workload.PodLabels, "the pod template labels");
                    if (workload.Selector != null)
                    {
                        yield return (workload.Selector.MatchLabels, "the selector");
                    }

                    break;
                case KubeService service when service.Selector != null:
                    yield return (service.Selector, "the selector");
                    break;
                case ServiceEntry entry when entry.WorkloadSelector != null:
                    yield return (entry.WorkloadSelector, "the workloadSelector");
                    break;
                case DestinationRule rule:
                    foreach (var subset in rule.Subsets)
                    {
                        yield return (subset.Labels, $"subset {subset.Name.Value}");
                    }

                    break;
            }
        }
    }
}
