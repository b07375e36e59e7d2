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
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnknownHost;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (service, route, destination) in Describe.Destinations(index))
            {
                if (index.TargetOf(destination) == null)
                {
                    Report(context, service, destination.Host, index.ResolvedHost(destination), Describe.Where(service, route), index.ScopeOf(service));
                }
            }

            foreach (var rule in index.DestinationRules)
            {
                if (index.TargetsOf(rule).Count == 0)
                {
                    Report(context, rule, rule.Host, index.ResolvedHost(rule), rule.Ref.ToString(), index.ScopeOf(rule));
                }
            }
        }

        private static void Report(RuleContext context, ManifestObject subject, Located<string> host, string fqdn, string where, IReadOnlyList<string>? scope)
        {
            var index = context.Index;
            var options = index.Options;
            if (HostNames.IsWildcard(fqdn) || Placeholders.InName(fqdn) || index.IsExternalHost(fqdn))
            {
                return;
            }

            string hint;
            var severity = Severity.Error;
            // A wildcard ServiceEntry of another namespace is no definition of this host; only a named one is.
            var hidden = index.FindExactHosts(fqdn);
            if (hidden.Count > 0)
            {
                // Defined, but exportTo keeps it from every namespace the reference applies in: known, so an error, unless
                // the input is known to be rewritten (a kustomization that sets namespaces) and the namespaces may differ.
                var target = hidden[0];
                context.Report(subject, host.Span, index.InputIsIncomplete != null ? Severity.Warning : severity, where, host.Value, fqdn,
                    $"{target.Object.Kind} {target.Object.Ref.Namespace}/{target.Object.Name} defines it, but is not exported to " +
                    $"{Describe.Namespaces(scope)} ({Describe.ExportTo(target.ExportTo)}): export it there, or route to a host " +
                    (scope?.Count > 1 ? "those namespaces see" : "that namespace sees"));
                return;
            }

            if (HostNames.ClusterNamespace(fqdn, options.ClusterDomain) is { } ns)
            {
                if (index.IsExternalNamespace(ns))
                {
                    return;
                }

                hint = Hint(index, host.Value);
                // A short name that a Service of another namespace carries is the classic slip (the VirtualService is in
                // another namespace than its Service); for a name written out in full, that Service is only a suggestion.
                var unknowable = index.WhyServicesUnknowable(ns);
                if (unknowable != null && !(hint.Length > 0 && (host.Value.IndexOf('.') < 0 || MistypedNamespace(index, host.Value, ns))))
                {
                    severity = Severity.Warning;
                    hint += $"; {unknowable}, so it may be defined elsewhere: if it is, list the namespace under external.namespaces in .manifest-tools.yaml";
                }
            }
            else if (PartlyQualified(index, host.Value) is { } meant)
            {
                // name.namespace: cluster DNS expands it for a pod, but Istio takes a name with a dot as written.
                hint = $"; did you mean {meant}? (Istio expands only names without a dot)";
            }
            else
            {
                severity = Severity.Warning;
                hint = Hint(index, host.Value) + "; if a ServiceEntry for it is applied from elsewhere, list the host under external.hosts in .manifest-tools.yaml";
            }

            context.Report(subject, host.Span, severity, where, host.Value, fqdn, "no Service or ServiceEntry in the input defines it" + hint);
        }

        /// <summary>
        /// True when a Service of the host's name lives in a namespace one or two edits away (reviews.prdo for prod): a
        /// typo, not a namespace the input lacks.
        /// </summary>
        private static bool MistypedNamespace(MeshIndex index, string host, string ns)
        {
            var name = host.Split('.')[0];
            return index.Services.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase) && s.Namespace != ns &&
                                           ns.Length >= 3 && ClosestMatch.EditDistance(s.Namespace, ns) <= 2);
        }

        /// <summary>
        /// <c>reviews.prod</c> or <c>reviews.prod.svc</c> where prod is a namespace of the input: the in-cluster name the
        /// author meant. Null for other hosts (<c>httpbin.org</c>).
        /// </summary>
        private static string? PartlyQualified(MeshIndex index, string host)
        {
            var labels = host.Split('.');
            if (labels.Length < 2 || labels.Length > 3 || (labels.Length == 3 && labels[2] != "svc") || !index.HasNamespace(labels[1]))
            {
                return null;
            }

            return HostNames.ServiceFqdn(labels[0], labels[1], index.Options.ClusterDomain);
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
            return $"; did you mean {string.Join(" or ", fqdns)}?";
        }
    }
}
