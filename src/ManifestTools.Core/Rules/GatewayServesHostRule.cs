using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1013: a gateway a VirtualService is bound to must serve one of its hosts to the VirtualService's namespace.
    /// Every definition of the gateway is an alternative: one that serves a host is enough.
    /// </summary>
    public sealed class GatewayServesHostRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.HostNotInGateway;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var service in index.VirtualServices)
            {
                if (service.Hosts.Count == 0 || service.Hosts.Any(h => Placeholders.In(h.Value)))
                {
                    continue;
                }

                foreach (var reference in service.Gateways)
                {
                    var gateways = index.FindGateways(reference.Value, service.Namespace);
                    if (gateways.Count == 0 || gateways.Any(g => Serves(index, g, service)))
                    {
                        continue; // A missing gateway is MT1010's.
                    }

                    var gateway = gateways[0];
                    context.Report(service, reference.Span, service.Ref.ToString(), gateway.Namespace + "/" + gateway.Name,
                        string.Join(", ", service.Hosts.Select(h => h.Value)), service.Namespace, Served(gateway));
                }
            }
        }

        private static bool Serves(MeshIndex index, ManifestObject gateway, VirtualService service)
        {
            switch (gateway)
            {
                case IstioGateway istio:
                    // A Gateway read without servers (a field of the wrong type) cannot be judged.
                    return istio.Servers.Count == 0 || istio.Servers.Any(server => server.Hosts.Any(host => Serves(index, istio, host.Value, service)));
                case KubeGateway kube:
                    return kube.Listeners.Count == 0 || kube.Listeners.Any(l => l.Hostname == null || Placeholders.In(l.Hostname.Value.Value) ||
                                                                                 Matches(index, l.Hostname.Value.Value, service));
                default:
                    return true;
            }
        }

        private static bool Serves(MeshIndex index, IstioGateway gateway, string serverHost, VirtualService service)
        {
            if (Placeholders.In(serverHost))
            {
                return true;
            }

            int slash = serverHost.IndexOf('/');
            if (slash >= 0)
            {
                var ns = serverHost.Substring(0, slash);
                if (ns != "*" && (ns == "." ? gateway.Namespace : ns) != service.Namespace)
                {
                    return false;
                }

                serverHost = serverHost.Substring(slash + 1);
            }

            return Matches(index, serverHost, service);
        }

        /// <summary>A short VirtualService host is matched as written and as the FQDN Istio expands it to.</summary>
        private static bool Matches(MeshIndex index, string gatewayHost, VirtualService service) =>
            service.Hosts.Any(h => HostNames.Overlap(gatewayHost, h.Value) || HostNames.Overlap(gatewayHost, index.Resolve(h.Value, service.Namespace)));

        private static string Served(ManifestObject gateway)
        {
            IEnumerable<string> hosts = gateway is IstioGateway istio
                ? istio.Servers.SelectMany(s => s.Hosts.Select(h => h.Value))
                : ((KubeGateway)gateway).Listeners.Select(l => l.Hostname?.Value ?? "*");
            var list = hosts.Distinct().ToList();
            return list.Count == 0 ? "it serves no host" : "it serves " + string.Join(", ", list);
        }
    }
}
