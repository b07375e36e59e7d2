using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1104: a rule that sets a weight on any of several backendRefs makes them add up to 100, as MT1002 asks of a
    /// VirtualService. The API's weights are relative (default 1); equal implicit weights are a fine even split.
    /// </summary>
    public sealed class BackendWeightsTotal100Rule : IManifestRule
    {
        private const int ListedTerms = 8;

        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.BackendWeightsNot100;

        public void Check(RuleContext context)
        {
            foreach (var route in context.Index.KubeRoutes)
            {
                foreach (var rule in route.Rules)
                {
                    var backends = rule.Backends;
                    if (backends.Count < 2 || rule.WeightsUnreadable || backends.All(b => b.Weight == null) ||
                        backends.Any(b => b.EffectiveWeight < 0) || backends.Count(b => b.EffectiveWeight > 0) <= 1)
                    {
                        // Negative weights are the schema's to reject; all-zero rules are MT1105's. One backend with a
                        // positive weight takes all the traffic, whatever its number: a version staged at 0 is no split.
                        continue;
                    }

                    long total = backends.Sum(b => (long)b.EffectiveWeight);
                    if (total == 100)
                    {
                        continue;
                    }

                    // A message stays one line, however many backends the rule lists.
                    var terms = string.Join(" + ", backends.Take(ListedTerms).Select(b =>
                        Format(b.EffectiveWeight) + " (" + b.Name.Value + (b.Weight == null ? ", no weight: the default 1" : string.Empty) + ")")) +
                        (backends.Count > ListedTerms ? $" + {Format(backends.Count - ListedTerms)} more" : string.Empty);
                    context.Report(route, rule.BackendsSpan, Describe.Rule(route, rule),
                        total.ToString(CultureInfo.InvariantCulture), terms);
                }
            }
        }

        private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
