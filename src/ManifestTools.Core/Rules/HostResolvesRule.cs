using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1004: destination, mirror and DestinationRule hosts must name a Service or ServiceEntry. Both kinds of
    /// reference get the same severity: an error when the input holds the host's namespace (so the Service is truly
    /// missing, usually a typo), a warning when it does not, since the host may be defined in another repository.
    /// </summary>
    public sealed class HostResolvesRule : IManifestRule
    {
        /// <summary>
        /// Namespaces whose Services an installer creates (istioctl, the Istio and cluster charts): a repository's
        /// manifests reach them, and may hold some objects of theirs, but seldom the Services themselves.
        /// </summary>
        private static readonly HashSet<string> InstalledNamespaces = new HashSet<string>(StringComparer.Ordinal) { "istio-system", "kube-system" };

        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnknownHost;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (service, route, destination) in Describe.Destinations(index))
            {
                if (index.TargetOf(destination) == null)
                {
                    Report(context, service, destination.Host, index.ResolvedHost(destination), Describe.Where(service, route));
                }
            }

            foreach (var rule in index.DestinationRules)
            {
                var fqdn = index.ResolvedHost(rule);
                if (index.FindHost(fqdn) == null)
                {
                    Report(context, rule, rule.Host, fqdn, rule.Ref.ToString());
                }
            }
        }

        private static void Report(RuleContext context, ManifestObject subject, Located<string> host, string fqdn, string where)
        {
            var index = context.Index;
            var options = index.Options;
            if (HostNames.IsWildcard(fqdn) || Placeholders.InName(fqdn) || index.IsExternalHost(fqdn))
            {
                return;
            }

            var hint = Hint(index, host.Value);
            var severity = Severity.Error;
            if (HostNames.ClusterNamespace(fqdn, options.ClusterDomain) is { } ns)
            {
                if (index.IsExternalNamespace(ns))
                {
                    return;
                }

                if (hint.Length == 0 && (!index.HasServicesIn(ns) || InstalledNamespaces.Contains(ns)))
                {
                    severity = Severity.Warning;
                    var why = !index.HasNamespace(ns) ? $"nothing of namespace {ns} is in the input"
                        : !index.HasServicesIn(ns) ? $"no Service of namespace {ns} is in the input"
                        : $"the Services of namespace {ns} are usually created by its installer, not by these manifests";
                    hint = $"; {why}, so it may be defined elsewhere: if it is, list the namespace under external.namespaces in .manifest-tools.yaml";
                }
            }
            else if (hint.Length == 0)
            {
                severity = Severity.Warning;
                hint = "; if a ServiceEntry for it is applied from elsewhere, list the host under external.hosts in .manifest-tools.yaml";
            }

            context.Report(subject, host.Span, severity, where, host.Value, fqdn, hint);
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
