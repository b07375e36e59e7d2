using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1008: a subset name defined twice for one host, within one DestinationRule or across the
    /// DestinationRules of one namespace (Istio merges those and keeps the first definition).
    /// </summary>
    public sealed class DuplicateSubsetRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.DuplicateSubset;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            var first = new Dictionary<(string Namespace, string Host, string Subset), DestinationRule>();
            var own = new HashSet<string>();
            foreach (var rule in index.DestinationRules)
            {
                var host = index.ResolvedHost(rule).ToLowerInvariant();
                own.Clear();
                foreach (var subset in rule.Subsets)
                {
                    var key = (rule.Namespace, host, subset.Name.Value);
                    if (!own.Add(subset.Name.Value))
                    {
                        context.Report(rule, subset.Name.Span, subset.Name.Value, host, rule.Ref.ToString(), "the same DestinationRule again");
                    }
                    else if (!first.TryGetValue(key, out var earlier))
                    {
                        first.Add(key, rule);
                    }
                    else if (!earlier.IsSameObject(rule))
                    {
                        // Two definitions of one DestinationRule (variant files, cluster folders) are alternatives, not a merge.
                        context.Report(rule, subset.Name.Span, subset.Name.Value, host, earlier.Ref.ToString(), rule.Ref.ToString());
                    }
                }
            }
        }
    }
}
