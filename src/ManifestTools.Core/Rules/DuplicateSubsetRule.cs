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
            foreach (var rule in index.DestinationRules)
            {
                var host = index.ResolvedHost(rule).ToLowerInvariant();
                foreach (var subset in rule.Subsets)
                {
                    var key = (rule.Namespace, host, subset.Name.Value);
                    if (first.TryGetValue(key, out var earlier))
                    {
                        var where = ReferenceEquals(earlier, rule) ? "the same DestinationRule again" : rule.Ref.ToString();
                        context.Report(rule, subset.Name.Span, subset.Name.Value, host, earlier.Ref.ToString(), where);
                    }
                    else
                    {
                        first.Add(key, rule);
                    }
                }
            }
        }
    }
}
