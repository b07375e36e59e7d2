using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1013: a gateway a VirtualService is bound to must serve one of its hosts to the VirtualService's namespace.
    /// Every definition of the gateway is an alternative: one that serves a host is enough. Each Gateway's hosts are
    /// indexed once, by name, so a VirtualService host costs a lookup and a pass over the Gateway's wildcards.
    /// </summary>
    public sealed class GatewayServesHostRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.HostNotInGateway;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            var served = new Dictionary<IstioGateway, ServedHosts>();
            foreach (var service in index.VirtualServices)
            {
                if (service.Hosts.Count == 0 || service.Hosts.Any(h => Placeholders.In(h.Value)))
                {
                    continue;
                }

                // A short host is matched as written and as the FQDN Istio expands it to.
                var hosts = service.Hosts.Select(h => h.Value).Concat(index.HostsOf(service)).Distinct().ToList();
                foreach (var reference in service.Gateways)
                {
                    var gateways = index.FindGateways(reference.Value, service.Namespace);
                    if (gateways.Count == 0 || gateways.Any(g => Serves(g, service.Namespace, hosts, served)))
                    {
                        continue; // A missing gateway is MT1010's.
                    }

                    // A kustomization that sets namespaces may make the VirtualService's namespace the one a server host names.
                    var gateway = gateways[0];
                    context.Report(service, reference.Span, index.InputIsIncomplete != null ? Severity.Warning : Severity.Error,
                        service.Ref.ToString(), gateway.Namespace + "/" + gateway.Name,
                        Describe.List(service.Hosts.Select(h => h.Value).ToList()), service.Namespace, Served(gateway));
                }
            }
        }

        private static bool Serves(ManifestObject gateway, string ns, IReadOnlyList<string> hosts, Dictionary<IstioGateway, ServedHosts> served)
        {
            switch (gateway)
            {
                case IstioGateway istio:
                    if (!served.TryGetValue(istio, out var index))
                    {
                        served.Add(istio, index = new ServedHosts(istio));
                    }

                    return index.ServesAny(ns, hosts);
                case KubeGateway kube:
                    // A Gateway read without listeners (a field of the wrong type) cannot be judged.
                    return kube.Listeners.Count == 0 || kube.Listeners.Any(l => l.Hostname == null || Placeholders.In(l.Hostname.Value.Value) ||
                                                                                 hosts.Any(h => HostNames.Overlap(l.Hostname.Value.Value, h)));
                default:
                    return true;
            }
        }

        private static string Served(ManifestObject gateway)
        {
            IEnumerable<string> hosts = gateway is IstioGateway istio
                ? istio.Servers.SelectMany(s => s.Hosts.Select(h => h.Value))
                : ((KubeGateway)gateway).Listeners.Select(l => l.Hostname?.Value ?? "*");
            var list = hosts.Distinct().ToList();
            return list.Count == 0 ? "it serves no host" : "it serves " + Describe.List(list);
        }

        /// <summary>One Gateway's server hosts, split into namespace part and DNS name, exact names by name.</summary>
        private sealed class ServedHosts
        {
            private readonly Dictionary<string, List<string>> _exact = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            private readonly List<(string Namespace, string Host)> _wildcards = new List<(string, string)>();

            // A Gateway read without servers (a field of the wrong type), or with a placeholder host, cannot be judged.
            private readonly bool _unknown;

            public ServedHosts(IstioGateway gateway)
            {
                _unknown = gateway.Servers.Count == 0;
                foreach (var server in gateway.Servers)
                {
                    foreach (var written in server.Hosts)
                    {
                        if (Placeholders.In(written.Value))
                        {
                            _unknown = true;
                            continue;
                        }

                        int slash = written.Value.IndexOf('/');
                        var ns = slash < 0 ? "*" : written.Value.Substring(0, slash);
                        var host = slash < 0 ? written.Value : written.Value.Substring(slash + 1);
                        ns = ns == "." ? gateway.Namespace : ns;
                        if (HostNames.IsWildcard(host))
                        {
                            _wildcards.Add((ns, host));
                        }
                        else
                        {
                            if (!_exact.TryGetValue(host, out var namespaces))
                            {
                                _exact.Add(host, namespaces = new List<string>());
                            }

                            namespaces.Add(ns);
                        }
                    }
                }
            }

            /// <summary>True when a server host that namespace <paramref name="ns"/> may bind to matches one of <paramref name="hosts"/>.</summary>
            public bool ServesAny(string ns, IReadOnlyList<string> hosts)
            {
                if (_unknown)
                {
                    return true;
                }

                foreach (var host in hosts)
                {
                    if (HostNames.IsWildcard(host))
                    {
                        // A wildcard VirtualService host may cover any exact server host: the rare case pays a pass.
                        if (_exact.Any(e => HostNames.Overlap(host, e.Key) && e.Value.Any(n => Binds(n, ns))))
                        {
                            return true;
                        }
                    }
                    else if (_exact.TryGetValue(host, out var namespaces) && namespaces.Any(n => Binds(n, ns)))
                    {
                        return true;
                    }

                    foreach (var (wildcardNamespace, wildcard) in _wildcards)
                    {
                        if (Binds(wildcardNamespace, ns) && HostNames.Overlap(wildcard, host))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private static bool Binds(string serverNamespace, string ns) => serverNamespace == "*" || serverNamespace == ns;
        }
    }
}
