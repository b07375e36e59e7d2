using System;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1004: destination, mirror and DestinationRule hosts must name a Service or ServiceEntry. An error for
    /// VirtualServices (traffic has nowhere to go), a warning for DestinationRules (the rule merely does nothing).
    /// </summary>
    public sealed class HostResolvesRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnknownHost;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (service, route, destination) in Describe.Destinations(index))
            {
                var host = destination.Host;
                var fqdn = index.ResolvedHost(destination);
                if (!HostNames.IsWildcard(fqdn) && index.TargetOf(destination) == null)
                {
                    context.Report(service, host.Span, Describe.Where(service, route), host.Value, fqdn, Hint(index, host.Value));
                }
            }

            foreach (var rule in index.DestinationRules)
            {
                var fqdn = index.ResolvedHost(rule);
                if (!HostNames.IsWildcard(fqdn) && index.FindHost(fqdn) == null)
                {
                    context.Report(rule, rule.Host.Span, Severity.Warning, rule.Ref.ToString(), rule.Host.Value, fqdn, Hint(index, rule.Host.Value));
                }
            }
        }

        /// <summary>Names a Service the author probably meant: same name in another namespace.</summary>
        private static string Hint(MeshIndex index, string host)
        {
            var name = host.Split('.')[0];
            var candidates = index.Services.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (candidates.Count == 0)
            {
                return string.Empty;
            }

            var fqdns = candidates.Select(s => HostNames.ServiceFqdn(s.Name, s.Namespace, index.Options.ClusterDomain)).Distinct();
            bool partlyQualified = host.IndexOf('.') >= 0 && !host.EndsWith(".svc." + index.Options.ClusterDomain, StringComparison.OrdinalIgnoreCase);
            var note = partlyQualified ? " (Istio expands only names without a dot)" : string.Empty;
            return $"; did you mean {string.Join(" or ", fqdns)}?{note}";
        }
    }
}
