using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1018: a match entry an earlier route repeats or covers, in a route that other entries keep reachable. A route
    /// with every entry covered is MT1017's: one finding for one mistake.
    /// </summary>
    public sealed class IneffectiveMatchRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.IneffectiveMatch;

        public void Check(RuleContext context)
        {
            foreach (var service in context.Index.VirtualServices)
            {
                foreach (var order in RouteOrder.Of(service))
                {
                    if (order.IsUnreachable)
                    {
                        continue;
                    }

                    var route = order.Route;
                    foreach (var (match, by, byMatch, same) in order.Covered)
                    {
                        context.Report(service, route.Matches[match].Span,
                            $"{Describe.Match(route, match)} of route {route.ShortName} of {service.Ref} {(same ? "repeats" : "is covered by")} " +
                            $"{Describe.Match(by, byMatch)} of route {by.ShortName}, so it never applies; remove it, or move it into a route before {by.ShortName}");
                    }
                }
            }
        }
    }
}
