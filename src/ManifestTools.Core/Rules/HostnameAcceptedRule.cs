using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1111: some hostname of a route intersects the hostname of a listener it attaches to. Gateway API wildcards
    /// cover any number of labels: <c>*.example.com</c> accepts <c>a.example.com</c> and <c>a.b.example.com</c>, not
    /// <c>example.com</c>.
    /// </summary>
    public sealed class HostnameAcceptedRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.HostnameNotAccepted;

        public void Check(RuleContext context)
        {
            // One finding per route and Gateway: the parentRefs of a route to one Gateway's listeners (http and https,
            // say) share its hostnames, and so the answer.
            var listenersOf = new Dictionary<(KubeRoute Route, ObjectIdentity Gateway), (ParentReference Parent, KubeGateway Gateway, List<GatewayListener> Listeners)>();
            foreach (var (route, parent, gateways) in ParentGateways.Attached(context.Index))
            {
                if (route.Hostnames.Count == 0 || route.Hostnames.Any(h => Placeholders.InName(h.Value)))
                {
                    continue;
                }

                var key = (route, gateways[0].Header.Identity);
                if (!listenersOf.TryGetValue(key, out var entry))
                {
                    listenersOf.Add(key, entry = (parent, gateways[0], new List<GatewayListener>()));
                }

                foreach (var gateway in gateways)
                {
                    entry.Listeners.AddRange(ParentGateways.Selected(gateway, parent));
                }
            }

            foreach (var pair in listenersOf)
            {
                var route = pair.Key.Route;
                var (_, gateway, listeners) = pair.Value;
                if (listeners.Count == 0 || Accepts(route, listeners))
                {
                    continue; // MT1110 reports a parentRef that selects no listener.
                }

                var accepted = listeners.Select(l => l.Hostname!.Value.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                context.Report(route, route.Hostnames[0].Span, route.Ref.ToString(), Describe.List(route.Hostnames.Select(h => h.Value).ToList()),
                    gateway.Namespace + "/" + gateway.Name, "its listeners accept " + Describe.List(accepted),
                    "add a hostname a listener accepts, or a listener for these hostnames");
            }
        }

        /// <summary>
        /// True when some listener accepts some hostname of the route. Exact names are looked up; only wildcards are
        /// compared one by one, so a route of many names and a Gateway of many listeners cost their sum, mostly.
        /// </summary>
        private static bool Accepts(KubeRoute route, List<GatewayListener> listeners)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var wildcards = new List<string>();
            foreach (var hostname in route.Hostnames)
            {
                names.Add(hostname.Value);
                if (hostname.Value.StartsWith("*.", StringComparison.Ordinal))
                {
                    wildcards.Add(hostname.Value);
                }
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var listener in listeners)
            {
                if (listener.Hostname == null || Placeholders.InName(listener.Hostname.Value.Value))
                {
                    return true;
                }

                var accepted = listener.Hostname.Value.Value;
                if (!seen.Add(accepted))
                {
                    continue;
                }

                if (names.Contains(accepted) || wildcards.Any(w => Intersect(w, accepted)) ||
                    (accepted.StartsWith("*.", StringComparison.Ordinal) && route.Hostnames.Any(h => Intersect(h.Value, accepted))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when some hostname matches both: equal names, or a name below a wildcard's suffix, or nested wildcards.</summary>
        public static bool Intersect(string a, string b)
        {
            if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            bool wildA = a.StartsWith("*.", StringComparison.Ordinal), wildB = b.StartsWith("*.", StringComparison.Ordinal);
            if (wildA && Below(b, a.Substring(1)))
            {
                return true;
            }

            return wildB && Below(a, b.Substring(1));
        }

        /// <summary>True when <paramref name="host"/> ends with <paramref name="suffix"/> (<c>.example.com</c>) and has a label before it.</summary>
        private static bool Below(string host, string suffix) =>
            host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }
}
