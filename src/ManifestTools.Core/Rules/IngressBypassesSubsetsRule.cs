using System.Collections.Generic;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1019: a VirtualService bound only to gateways routes to a host without a subset, while a mesh VirtualService of
    /// that host routes it by subset (istioctl's IngressRouteRulesNotAffected). The mesh VirtualServices are indexed by
    /// host first, so each gateway destination is one lookup.
    /// </summary>
    public sealed class IngressBypassesSubsetsRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.IngressBypassesSubsets;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            var bySubset = new Dictionary<string, VirtualService>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var service in index.VirtualServices)
            {
                if (!service.IsBoundToMesh)
                {
                    continue;
                }

                foreach (var route in service.Routes)
                {
                    foreach (var destination in route.Destinations)
                    {
                        var fqdn = index.ResolvedHost(destination);
                        if (destination.Subset != null && !bySubset.ContainsKey(fqdn) && index.IsHostOf(service, fqdn))
                        {
                            bySubset.Add(fqdn, service);
                        }
                    }
                }
            }

            if (bySubset.Count == 0)
            {
                return;
            }

            foreach (var service in index.VirtualServices)
            {
                if (service.IsBoundToMesh)
                {
                    continue;
                }

                foreach (var route in service.Routes)
                {
                    if (route.Protocol != "http")
                    {
                        continue;
                    }

                    foreach (var destination in route.Destinations)
                    {
                        var fqdn = index.ResolvedHost(destination);
                        if (destination.Subset == null && bySubset.TryGetValue(fqdn, out var mesh) && !mesh.IsSameObject(service))
                        {
                            context.Report(service, destination.Host.Span, Describe.Route(service, route), fqdn, mesh.Ref.ToString());
                        }
                    }
                }
            }
        }
    }
}
