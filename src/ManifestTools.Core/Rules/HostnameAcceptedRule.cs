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
            foreach (var (route, parent, gateways) in ParentGateways.Attached(context.Index))
            {
                if (route.Hostnames.Count == 0 || route.Hostnames.Any(h => Placeholders.InName(h.Value)))
                {
                    continue;
                }

                var listeners = gateways.SelectMany(g => ParentGateways.Selected(g, parent)).ToList();
                if (listeners.Count == 0 || listeners.Any(l => l.Hostname == null || Placeholders.InName(l.Hostname.Value.Value) ||
                                                                route.Hostnames.Any(h => Intersect(h.Value, l.Hostname.Value.Value))))
                {
                    continue; // MT1110 reports a parentRef that selects no listener.
                }

                var accepted = listeners.Select(l => l.Hostname!.Value.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                context.Report(route, route.Hostnames[0].Span, route.Ref.ToString(), Describe.List(route.Hostnames.Select(h => h.Value).ToList()),
                    gateways[0].Namespace + "/" + gateways[0].Name, "its listeners accept " + Describe.List(accepted),
                    "add a hostname a listener accepts, or a listener for these hostnames");
            }
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
