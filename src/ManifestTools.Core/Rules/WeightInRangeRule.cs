using System.Globalization;
using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>MT1006: every weight lies in 0..100.</summary>
    public sealed class WeightInRangeRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.WeightOutOfRange;

        public void Check(RuleContext context)
        {
            foreach (var service in context.Index.VirtualServices)
            {
                foreach (var route in service.Routes)
                {
                    foreach (var destination in route.Destinations)
                    {
                        if (destination.Weight is { } weight && (weight.Value < 0 || weight.Value > 100))
                        {
                            context.Report(service, weight.Span, weight.Value.ToString(CultureInfo.InvariantCulture), Describe.Route(service, route));
                        }
                    }
                }
            }
        }
    }
}
