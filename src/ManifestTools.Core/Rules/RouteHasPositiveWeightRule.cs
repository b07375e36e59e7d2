using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>MT1005: a route with several destinations needs at least one positive weight, or Envoy rejects it.</summary>
    public sealed class RouteHasPositiveWeightRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.AllWeightsZero;

        public void Check(RuleContext context)
        {
            foreach (var service in context.Index.VirtualServices)
            {
                foreach (var route in service.Routes)
                {
                    if (route.Destinations.Count > 1 && !route.HasUnreadableWeight && route.Destinations.All(d => (d.Weight?.Value ?? 0) == 0))
                    {
                        context.Report(service, route.Span, Describe.Route(service, route),
                            route.Destinations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
        }
    }
}
