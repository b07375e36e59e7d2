using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>MT1007: one route lists the same host, subset and port twice.</summary>
    public sealed class DuplicateDestinationRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.DuplicateDestination;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var service in index.VirtualServices)
            {
                foreach (var route in service.Routes)
                {
                    if (route.Destinations.Count < 2)
                    {
                        continue;
                    }

                    var seen = new HashSet<(string, string?, int?)>();
                    foreach (var destination in route.Destinations)
                    {
                        var key = (index.ResolvedHost(destination).ToLowerInvariant(), destination.Subset?.Value, destination.Port?.Value);
                        if (!seen.Add(key))
                        {
                            context.Report(service, destination.Span, Describe.Route(service, route), destination.Describe());
                        }
                    }
                }
            }
        }
    }
}
