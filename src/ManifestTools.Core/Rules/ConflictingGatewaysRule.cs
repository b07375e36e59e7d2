using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1014: two Istio Gateways with the same selector serve overlapping hosts on one port. Servers are grouped by
    /// selector and port, and a group's exact hosts are indexed by name, so an exact host is compared only with the
    /// same name and the group's wildcards. The later Gateway is reported.
    /// </summary>
    public sealed class ConflictingGatewaysRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConflictingGateways;

        public void Check(RuleContext context)
        {
            var groups = new Dictionary<(string Selector, int Port), Served>();
            foreach (var gateway in context.Index.IstioGateways)
            {
                var selector = Selector(gateway.Selector);
                foreach (var server in gateway.Servers)
                {
                    if (!(server.PortNumber is int port))
                    {
                        continue;
                    }

                    if (!groups.TryGetValue((selector, port), out var served))
                    {
                        groups.Add((selector, port), served = new Served());
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
                    if (!other.Gateway.IsSameObject(gateway) && (ns == "*" || other.Namespace == "*" || ns == other.Namespace) &&
                        HostNames.Overlap(name, other.Host))
                    {
                        host = written;
                        return other.Gateway;
                    }
                }
            }

            return null;
        }

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

        /// <summary>The hosts served so far on one selector and port.</summary>
        private sealed class Served
        {
            private readonly Dictionary<string, List<(IstioGateway Gateway, string Namespace, string Host)>> _exact =
                new Dictionary<string, List<(IstioGateway, string, string)>>(System.StringComparer.OrdinalIgnoreCase);

            private readonly List<(IstioGateway Gateway, string Namespace, string Host)> _wildcards = new List<(IstioGateway, string, string)>();

            public void Add(IstioGateway gateway, string ns, string host)
            {
                if (HostNames.IsWildcard(host))
                {
                    _wildcards.Add((gateway, ns, host));
                    return;
                }

                if (!_exact.TryGetValue(host, out var list))
                {
                    _exact.Add(host, list = new List<(IstioGateway, string, string)>());
                }

                list.Add((gateway, ns, host));
            }

            /// <summary>The served hosts that may overlap <paramref name="host"/>: the same name and every wildcard; all of them for a wildcard.</summary>
            public IEnumerable<(IstioGateway Gateway, string Namespace, string Host)> Candidates(string host)
            {
                IEnumerable<(IstioGateway, string, string)> exact = HostNames.IsWildcard(host)
                    ? _exact.Values.SelectMany(l => l)
                    : _exact.TryGetValue(host, out var list) ? list : Enumerable.Empty<(IstioGateway, string, string)>();
                return exact.Concat(_wildcards);
            }
        }

        private static string Selector(LabelMap selector) =>
            string.Join(",", selector.OrderBy(l => l.Key, System.StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));
    }
}
