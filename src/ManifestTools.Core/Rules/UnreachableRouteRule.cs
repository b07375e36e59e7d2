using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>MT1017: a route after a catch-all route, or whose every match an earlier route covers, is never used.</summary>
    public sealed class UnreachableRouteRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnreachableRoute;

        public void Check(RuleContext context)
        {
            foreach (var service in context.Index.VirtualServices)
            {
                foreach (var order in RouteOrder.Of(service))
                {
                    if (!order.IsUnreachable)
                    {
                        continue;
                    }

                    var route = order.Route;
                    string message;
                    if (order.AfterCatchAll is { } catchAll)
                    {
                        var what = catchAll.Matches.Count == 0 ? "has no match" : "has a match without conditions";
                        message = $"route {catchAll.ShortName} of {service.Ref} {what} and comes before route {route.ShortName}, " +
                                  $"so route {route.ShortName} is never used; move route {catchAll.ShortName} last";
                    }
                    else
                    {
                        var by = order.Covered.Select(c => $"{Describe.Match(route, c.Match)} by {Describe.Match(c.By, c.ByMatch)} of route {c.By.ShortName}");
                        message = $"route {route.ShortName} of {service.Ref} is never used: every match of it is {(order.Covered.All(c => c.Same) ? "repeated" : "covered")} " +
                                  $"by an earlier route ({Describe.List(by.ToList())}); remove it, or move it before route {order.Covered[0].By.ShortName}";
                    }

                    context.Report(service, route.EntrySpan, message);
                }
            }
        }
    }
}
