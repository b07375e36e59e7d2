using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>MT1113: a match of an HTTPRoute or GRPCRoute that an earlier match of the same route repeats (<see cref="KubeRouteOrder"/>).</summary>
    public sealed class DuplicateRouteMatchRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.DuplicateRouteMatch;

        public void Check(RuleContext context)
        {
            foreach (var route in context.Index.KubeRoutes)
            {
                foreach (var repeat in KubeRouteOrder.Analyze(route).Repeats)
                {
                    var span = repeat.Match < 0 ? repeat.Rule.Span : repeat.Rule.Matches[repeat.Match].Span;
                    context.Report(route, span, KubeRouteOrder.Describe(repeat.Rule, repeat.Match), route.Ref.ToString(),
                        KubeRouteOrder.Describe(repeat.EarlierRule, repeat.EarlierMatch));
                }
            }
        }
    }
}
