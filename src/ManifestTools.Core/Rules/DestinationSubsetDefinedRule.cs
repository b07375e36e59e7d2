using System;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>MT1003: a destination or mirror that names a subset needs a DestinationRule for its host that defines it.</summary>
    public sealed class DestinationSubsetDefinedRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UndefinedSubset;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (service, route, destination) in Describe.Destinations(index))
            {
                if (!(destination.Subset is { } subset) || Placeholders.In(subset.Value))
                {
                    continue;
                }

                var host = index.ResolvedHost(destination);
                if (Placeholders.InName(host))
                {
                    continue;
                }

                var scope = index.ScopeOf(service);
                if (IsDefined(index, host, scope, subset.Value))
                {
                    continue;
                }

                var rules = index.DestinationRulesFor(host, scope).ToList();

                string why;
                var severity = Descriptor.DefaultSeverity;
                if (rules.Count == 0)
                {
                    if (index.TargetOf(destination) == null)
                    {
                        continue; // MT1004 already reports the unknown host; one typo, one finding.
                    }

                    var hidden = index.DestinationRulesFor(host, null).FirstOrDefault();
                    why = hidden == null
                        ? "no DestinationRule for that host exists"
                        : $"{hidden.Ref} is not exported to {Describe.Namespaces(scope)} ({Describe.ExportTo(hidden.ExportTo)})";
                    if (hidden != null && index.InputIsIncomplete != null)
                    {
                        severity = Severity.Warning; // A kustomization may move both into one namespace.
                    }
                }
                else
                {
                    var defined = rules.SelectMany(rule => rule.Subsets.Select(s => s.Name.Value)).Distinct().ToList();
                    var near = defined.FirstOrDefault(name => string.Equals(name, subset.Value, StringComparison.OrdinalIgnoreCase));
                    why = $"{string.Join(", ", rules.Select(r => r.Ref.ToString()))} define{(rules.Count == 1 ? "s" : string.Empty)} " +
                          (defined.Count == 0 ? "no subsets" : "only " + string.Join(", ", defined)) +
                          (near != null ? $" (did you mean {near}?)" : string.Empty);
                }

                context.Report(service, subset.Span, severity, Describe.Where(service, route), subset.Value, host, why);
            }
        }

        /// <summary>The common case, checked without building lists: every destination of a mesh is looked at.</summary>
        private static bool IsDefined(Resolution.MeshIndex index, string host, System.Collections.Generic.IReadOnlyList<string>? scope, string subset)
        {
            foreach (var rule in index.DestinationRulesFor(host, scope))
            {
                foreach (var defined in rule.Subsets)
                {
                    if (defined.Name.Value == subset)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
