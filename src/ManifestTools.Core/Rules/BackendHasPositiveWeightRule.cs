using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1105: a rule whose backendRefs all have weight 0 answers every request with 500, unless a filter answers it
    /// (a redirect).
    /// </summary>
    public sealed class BackendHasPositiveWeightRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.AllBackendWeightsZero;

        public void Check(RuleContext context)
        {
            foreach (var route in context.Index.KubeRoutes)
            {
                foreach (var rule in route.Rules)
                {
                    if (rule.Backends.Count > 0 && !rule.WeightsUnreadable && !rule.Responds && rule.Backends.All(b => b.Weight is { Value: 0 }))
                    {
                        context.Report(route, rule.BackendsSpan, Describe.Rule(route, rule));
                    }
                }
            }
        }
    }
}
