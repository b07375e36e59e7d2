using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1101: a backendRef names a Service (or an Istio ServiceEntry or Hostname) the input defines. As for MT1004, an
    /// error when the input holds the namespace's Services, a warning when the backend may be defined elsewhere.
    /// </summary>
    public sealed class BackendExistsRule : IManifestRule
    {
        /// <summary>
        /// Few enough Services in one namespace to look for a near name among them on every miss: each look compares
        /// every name, so a namespace of thousands with thousands of misses would cost their product.
        /// </summary>
        private const int HintedNamespaceSize = 64;

        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.BackendNotFound;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            Dictionary<string, List<string>>? namesByNamespace = null;
            foreach (var (route, rule, backend) in Describe.Backends(index))
            {
                var targets = index.BackendTargets(backend);
                if (targets == null || targets.Count > 0 || Placeholders.InName(backend.Name.Value) || Placeholders.InName(backend.Namespace) ||
                    index.IsExternalNamespace(backend.Namespace))
                {
                    continue;
                }

                var where = Describe.Rule(route, rule);
                if (backend.Kind == "Hostname")
                {
                    if (!index.IsExternalHost(backend.Name.Value))
                    {
                        context.Report(route, backend.Name.Span, Severity.Warning, where, $"Hostname {backend.Name.Value}",
                            "no Service or ServiceEntry in the input defines that host; if a ServiceEntry for it is applied from elsewhere, list the host under external.hosts in .manifest-tools.yaml");
                    }

                    continue;
                }

                string kind = backend.IsService ? "Service" : backend.Kind;
                namesByNamespace ??= NamesByNamespace(index);
                var near = backend.IsService ? Near(namesByNamespace, backend.Namespace, backend.Name.Value) : null;
                var why = $"no {kind} of that name is in namespace {backend.Namespace}" + (near != null ? $"; did you mean {near}?" : string.Empty);
                var unknowable = backend.IsService ? index.WhyServicesUnknowable(backend.Namespace)
                    : index.HasNamespace(backend.Namespace) ? null : $"nothing of namespace {backend.Namespace} is in the input";
                var severity = Severity.Error;
                if (unknowable != null && near == null)
                {
                    severity = Severity.Warning;
                    why += $"; {unknowable}, so it may be defined elsewhere: if it is, list the namespace under external.namespaces in .manifest-tools.yaml";
                }

                context.Report(route, backend.Name.Span, severity, where, $"{kind} {backend.Namespace}/{backend.Name.Value}", why);
            }
        }

        private static Dictionary<string, List<string>> NamesByNamespace(MeshIndex index)
        {
            var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var service in index.Services)
            {
                if (!names.TryGetValue(service.Namespace, out var list))
                {
                    names.Add(service.Namespace, list = new List<string>());
                }

                list.Add(service.Name);
            }

            return names;
        }

        /// <summary>A Service of the namespace one or two edits from <paramref name="name"/> (reviews-v2 for reviews-v2x).</summary>
        private static string? Near(Dictionary<string, List<string>> names, string @namespace, string name)
        {
            if (!names.TryGetValue(@namespace, out var candidates) || candidates.Count > HintedNamespaceSize)
            {
                return null;
            }

            return candidates
                .Where(c => Math.Abs(c.Length - name.Length) <= 2 && ClosestMatch.EditDistance(c, name) <= 2)
                .OrderBy(c => ClosestMatch.EditDistance(c, name))
                .ThenBy(c => c, StringComparer.Ordinal)
                .FirstOrDefault();
        }
    }
}
