using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1014: two Istio Gateways with the same selector serve the same host, with TLS, on one port and bind address:
    /// Envoy then has two filter chains for one server name, and one of them, with its certificate, is dropped. Hosts
    /// compare as pilot's duplicate check (model.CheckDuplicates) compares them: by DNS name, exactly, so a wildcard and
    /// a name under it do not conflict (the most specific server name wins). Plain HTTP servers are not compared: pilot
    /// merges the virtual hosts of one port (the Bookinfo and cert-manager Gateways both serve <c>*</c> on port 80).
    /// Servers are grouped by selector, port and bind, and hosts indexed by name, so each host is one lookup. The later
    /// Gateway is reported.
    /// </summary>
    public sealed class ConflictingGatewaysRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConflictingGateways;

        public void Check(RuleContext context)
        {
            var groups = new Dictionary<(string Selector, int Port, string Bind), Served>();
            foreach (var gateway in context.Index.IstioGateways)
            {
                var selector = Selector(gateway.Selector);
                foreach (var server in gateway.Servers)
                {
                    if (!(server.PortNumber is int port) || !IsTls(server))
                    {
                        continue;
                    }

                    var key = (selector, port, server.Bind ?? string.Empty);
                    if (!groups.TryGetValue(key, out var served))
                    {
                        groups.Add(key, served = new Served());
                    }

                    var conflict = FirstConflict(gateway, server, served, out var host);
                    if (conflict is { } earlier)
                    {
                        var severity = Describe.InOneFolder(gateway, earlier) ? Severity.Error : Severity.Warning;
                        context.Report(gateway, host.Span, severity, gateway.Ref.ToString(), host.Value, port.ToString(CultureInfo.InvariantCulture),
                            selector.Length == 0 ? "(no selector: every gateway workload)" : selector, earlier.Ref.ToString(),
                            "merge the servers into one Gateway, or serve another port or host");
                    }

                    foreach (var written in server.Hosts)
                    {
                        var (ns, name) = Split(gateway, written.Value);
                        served.Add(gateway, ns, name);
                    }
                }
            }
        }

        private static IstioGateway? FirstConflict(IstioGateway gateway, GatewayServer server, Served served, out Located<string> host)
        {
            host = default;
            foreach (var written in server.Hosts)
            {
                if (Placeholders.In(written.Value))
                {
                    continue;
                }

                var (ns, name) = Split(gateway, written.Value);
                if (served.Other(gateway, ns, name) is { } other)
                {
                    host = written;
                    return other;
                }
            }

            return null;
        }

        /// <summary>A server that terminates or passes through TLS, and so chooses its filter chain by server name.</summary>
        private static bool IsTls(GatewayServer server) =>
            string.Equals(server.Protocol, "HTTPS", System.StringComparison.OrdinalIgnoreCase) ||
            string.Equals(server.Protocol, "TLS", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>A server host's namespace part (<c>*</c> when none is written, <c>.</c> resolved) and its DNS name.</summary>
        private static (string Namespace, string Host) Split(IstioGateway gateway, string host)
        {
            int slash = host.IndexOf('/');
            if (slash < 0)
            {
                return ("*", host);
            }

            var ns = host.Substring(0, slash);
            return (ns == "." ? gateway.Namespace : ns, host.Substring(slash + 1));
        }

        /// <summary>
        /// The hosts served so far on one selector, port and bind address: by DNS name and namespace part, and by DNS name
        /// alone, each keeping the first two distinct Gateways, so a lookup never walks a list.
        /// </summary>
        private sealed class Served
        {
            private readonly Dictionary<(string Host, string Namespace), Pair> _byNamespace = new Dictionary<(string, string), Pair>(new HostKey());
            private readonly Dictionary<string, Pair> _byHost = new Dictionary<string, Pair>(System.StringComparer.OrdinalIgnoreCase);

            public void Add(IstioGateway gateway, string ns, string host)
            {
                _byNamespace[(host, ns)] = (_byNamespace.TryGetValue((host, ns), out var pair) ? pair : default).With(gateway);
                _byHost[host] = (_byHost.TryGetValue(host, out var any) ? any : default).With(gateway);
            }

            /// <summary>An earlier Gateway other than <paramref name="gateway"/> serving the host to a namespace part that overlaps.</summary>
            public IstioGateway? Other(IstioGateway gateway, string ns, string host)
            {
                if (ns == "*")
                {
                    return _byHost.TryGetValue(host, out var any) ? any.Other(gateway) : null;
                }

                return (_byNamespace.TryGetValue((host, ns), out var same) ? same.Other(gateway) : null) ??
                       (_byNamespace.TryGetValue((host, "*"), out var every) ? every.Other(gateway) : null);
            }

            private readonly struct Pair
            {
                private readonly IstioGateway? _first;
                private readonly IstioGateway? _second;

                private Pair(IstioGateway? first, IstioGateway? second)
                {
                    _first = first;
                    _second = second;
                }

                public Pair With(IstioGateway gateway) =>
                    _first == null ? new Pair(gateway, null)
                    : _second == null && !_first.IsSameObject(gateway) ? new Pair(_first, gateway)
                    : this;

                public IstioGateway? Other(IstioGateway gateway) =>
                    _first != null && !_first.IsSameObject(gateway) ? _first
                    : _second != null && !_second.IsSameObject(gateway) ? _second
                    : null;
            }

            private sealed class HostKey : IEqualityComparer<(string Host, string Namespace)>
            {
                public bool Equals((string Host, string Namespace) x, (string Host, string Namespace) y) =>
                    string.Equals(x.Host, y.Host, System.StringComparison.OrdinalIgnoreCase) && string.Equals(x.Namespace, y.Namespace, System.StringComparison.Ordinal);

                public int GetHashCode((string Host, string Namespace) key) =>
                    System.StringComparer.OrdinalIgnoreCase.GetHashCode(key.Host) ^ System.StringComparer.Ordinal.GetHashCode(key.Namespace);
            }
        }

        private static string Selector(LabelMap selector) =>
            string.Join(",", selector.OrderBy(l => l.Key, System.StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));
    }
}
