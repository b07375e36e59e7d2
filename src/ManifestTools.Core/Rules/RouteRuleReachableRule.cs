using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>MT1114: a rule of an HTTPRoute or GRPCRoute all of whose matches earlier rules repeat (<see cref="KubeRouteOrder"/>).</summary>
    public sealed class RouteRuleReachableRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnreachableRouteRule;

        public void Check(RuleContext context)
        {
            foreach (var route in context.Index.KubeRoutes)
            {
                foreach (var repeat in KubeRouteOrder.Analyze(route).Unreachable)
                {
                    var fix = repeat.Match < 0
                        ? "two rules without matches both take every request: merge their backendRefs into one rule"
                        : "give it a condition the earlier rule lacks, or merge the two rules";
                    context.Report(route, repeat.Rule.Span, Describe.Rule(route, repeat.Rule), repeat.EarlierRule.Describe(), fix);
                }
            }
        }
    }
}
