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
            var served = new Dictionary<ManifestObject, ServedHosts>();
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

        private static bool Serves(ManifestObject gateway, string ns, IReadOnlyList<string> hosts, Dictionary<ManifestObject, ServedHosts> served)
        {
            if (!served.TryGetValue(gateway, out var index))
            {
                served.Add(gateway, index = new ServedHosts(gateway));
            }

            return index.ServesAny(ns, hosts);
        }

        private static string Served(ManifestObject gateway)
        {
            IEnumerable<string> hosts = gateway is IstioGateway istio
                ? istio.Servers.SelectMany(s => s.Hosts.Select(h => h.Value))
                : ((KubeGateway)gateway).Listeners.Select(l => l.Hostname?.Value ?? "*");
            var list = hosts.Distinct().ToList();
            return list.Count == 0 ? "it serves no host" : "it serves " + Describe.List(list);
        }

        /// <summary>
        /// One Gateway's hosts, split into namespace part and DNS name: exact names by name, wildcards by what follows
        /// their <c>*</c>, so a VirtualService host costs one lookup per suffix of its name, not a pass over the Gateway.
        /// </summary>
        private sealed class ServedHosts
        {
            private readonly Dictionary<string, List<string>> _exact = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            private readonly Dictionary<string, List<string>> _wildcards = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

            // A Gateway read without servers or listeners (a field of the wrong type), with a placeholder host, or with a
            // listener that has no hostname (which accepts every host), serves whatever is asked.
            private bool _any;

            public ServedHosts(ManifestObject gateway)
            {
                if (gateway is IstioGateway istio)
                {
                    _any = istio.Servers.Count == 0;
                    foreach (var server in istio.Servers)
                    {
                        foreach (var written in server.Hosts)
                        {
                            int slash = written.Value.IndexOf('/');
                            var ns = slash < 0 ? "*" : written.Value.Substring(0, slash);
                            Add(ns == "." ? istio.Namespace : ns, slash < 0 ? written.Value : written.Value.Substring(slash + 1));
                        }
                    }
                }
                else if (gateway is KubeGateway kube)
                {
                    _any = kube.Listeners.Count == 0;
                    foreach (var listener in kube.Listeners)
                    {
                        if (listener.Hostname is { } hostname)
                        {
                            Add("*", hostname.Value);
                        }
                        else
                        {
                            _any = true;
                        }
                    }
                }
                else
                {
                    _any = true;
                }
            }

            private void Add(string ns, string host)
            {
                if (Placeholders.In(host) || Placeholders.In(ns))
                {
                    _any = true;
                    return;
                }

                var map = HostNames.IsWildcard(host) ? _wildcards : _exact;
                var key = HostNames.IsWildcard(host) ? host.Substring(1) : host;
                if (!map.TryGetValue(key, out var namespaces))
                {
                    map.Add(key, namespaces = new List<string>());
                }

                namespaces.Add(ns);
            }

            /// <summary>True when a host that namespace <paramref name="ns"/> may bind to matches one of <paramref name="hosts"/>.</summary>
            public bool ServesAny(string ns, IReadOnlyList<string> hosts)
            {
                if (_any)
                {
                    return true;
                }

                foreach (var host in hosts)
                {
                    if (HostNames.IsWildcard(host))
                    {
                        // A wildcard VirtualService host may cover any served host: the rare case pays a pass.
                        if (_exact.Any(e => HostNames.Overlap(host, e.Key) && e.Value.Any(n => Binds(n, ns))) ||
                            _wildcards.Any(w => HostNames.Overlap(host, "*" + w.Key) && w.Value.Any(n => Binds(n, ns))))
                        {
                            return true;
                        }

                        continue;
                    }

                    if (_exact.TryGetValue(host, out var namespaces) && namespaces.Any(n => Binds(n, ns)))
                    {
                        return true;
                    }

                    // A served *suffix covers every name that ends with the suffix (host.Name.Matches).
                    for (int start = 0; start <= host.Length; start++)
                    {
                        if (_wildcards.TryGetValue(host.Substring(start), out var covering) && covering.Any(n => Binds(n, ns)))
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
