using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>MT1011: a match's gateways must be gateways its VirtualService is bound to, or the match never applies.</summary>
    public sealed class MatchGatewayBoundRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.MatchGatewayNotBound;

        public void Check(RuleContext context)
        {
            foreach (var service in context.Index.VirtualServices)
            {
                if (service.IsDelegate || service.Gateways.Any(g => Placeholders.In(g.Value)))
                {
                    continue; // A delegate's matches apply on its parent's gateways; a placeholder leaves the bound set unknown.
                }

                HashSet<(string, string)>? bound = null;
                foreach (var route in service.Routes)
                {
                    for (int i = 0; i < route.Matches.Count; i++)
                    {
                        foreach (var gateway in route.Matches[i].Gateways)
                        {
                            if (Placeholders.In(gateway.Value))
                            {
                                continue;
                            }

                            bound ??= new HashSet<(string, string)>(service.Gateways
                                .Where(g => g.Value != VirtualService.MeshGateway)
                                .Select(g => MeshIndex.GatewayKey(g.Value, service.Namespace)));
                            bool isBound = gateway.Value == VirtualService.MeshGateway
                                ? service.IsBoundToMesh
                                : bound.Contains(MeshIndex.GatewayKey(gateway.Value, service.Namespace));
                            if (!isBound)
                            {
                                var boundTo = service.Gateways.Count == 0
                                    ? "it has no spec.gateways, so it applies on the mesh only"
                                    : "it is bound to " + Describe.List(service.Gateways.Select(g => g.Value).ToList());
                                context.Report(service, gateway.Span, Describe.Match(route, i), Describe.Route(service, route), gateway.Value,
                                    service.Ref.ToString(), boundTo, Fix(service, gateway.Value));
                            }
                        }
                    }
                }
            }
        }

        /// <summary>
        /// Names the bound gateway of the same name when there is one (<c>public</c> for <c>istio-ingress/public</c>): written
        /// short, the name means the VirtualService's namespace, so adding it as written would name another gateway.
        /// </summary>
        private static string Fix(VirtualService service, string gateway)
        {
            var name = MeshIndex.GatewayKey(gateway, service.Namespace).Name;
            var same = service.Gateways.FirstOrDefault(g => g.Value != VirtualService.MeshGateway && MeshIndex.GatewayKey(g.Value, service.Namespace).Name == name);
            if (same.Value == null)
            {
                return $"add {gateway} to spec.gateways, or fix the name";
            }

            return gateway.IndexOf('/') < 0 && gateway.IndexOf('.') < 0
                ? $"write {same.Value}, as spec.gateways does (written short, {gateway} means {service.Namespace}/{name})"
                : $"write {same.Value}, as spec.gateways does, or bind the VirtualService to {gateway}";
        }
    }
}
