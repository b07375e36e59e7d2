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
                foreach (var other in served.Candidates(name))
                {
                    if (!other.Gateway.IsSameObject(gateway) && (ns == "*" || other.Namespace == "*" || ns == other.Namespace))
                    {
                        host = written;
                        return other.Gateway;
                    }
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

        /// <summary>The hosts served so far on one selector, port and bind address, by DNS name.</summary>
        private sealed class Served
        {
            private readonly Dictionary<string, List<(IstioGateway Gateway, string Namespace, string Host)>> _byName =
                new Dictionary<string, List<(IstioGateway, string, string)>>(System.StringComparer.OrdinalIgnoreCase);

            public void Add(IstioGateway gateway, string ns, string host)
            {
                if (!_byName.TryGetValue(host, out var list))
                {
                    _byName.Add(host, list = new List<(IstioGateway, string, string)>());
                }

                list.Add((gateway, ns, host));
            }

            /// <summary>The served hosts of the same DNS name.</summary>
            public IReadOnlyList<(IstioGateway Gateway, string Namespace, string Host)> Candidates(string host) =>
                _byName.TryGetValue(host, out var list) ? list : (IReadOnlyList<(IstioGateway, string, string)>)System.Array.Empty<(IstioGateway, string, string)>();
        }

        private static string Selector(LabelMap selector) =>
            string.Join(",", selector.OrderBy(l => l.Key, System.StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));
    }
}
