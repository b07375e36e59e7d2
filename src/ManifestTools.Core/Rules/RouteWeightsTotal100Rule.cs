using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1002: a weighted route totals exactly 100. Istio 1.15+ would normalise other totals; this project
    /// requires 100 on purpose, because a different total is almost always a typo in a canary split.
    /// </summary>
    public sealed class RouteWeightsTotal100Rule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.WeightsNot100;

        public void Check(RuleContext context)
        {
            foreach (var service in context.Index.VirtualServices)
            {
                foreach (var route in service.Routes)
                {
                    var destinations = route.Destinations;
                    int total = destinations.Sum(d => d.Weight?.Value ?? 0);
                    bool single = destinations.Count == 1 && total == 0;
                    bool allZero = destinations.Count > 1 && destinations.All(d => (d.Weight?.Value ?? 0) == 0);
                    if (destinations.Count == 0 || single || allZero || total == 100 || route.HasUnreadableWeight)
                    {
                        continue; // A lone destination takes all traffic; all-zero routes are MT1005's; unreadable weights MT0002's.
                    }

                    var terms = string.Join(" + ", destinations.Select(d =>
                        Format(d.Weight?.Value ?? 0) + " (" + (d.Subset?.Value ?? d.Host.Value) + (d.Weight == null ? ", no weight" : string.Empty) + ")"));
                    context.Report(service, route.Span, Describe.Route(service, route), Format(total), terms);
                }
            }
        }

        /// <summary>Invariant: some cultures write a negative weight with U+2212 instead of a hyphen.</summary>
        private static string Format(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
