using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1102: a backendRef to another namespace needs a ReferenceGrant there. An error when the input holds the backend
    /// (so its namespace's objects are here), a warning otherwise, or when a kustomization rewrites namespaces.
    /// </summary>
    public sealed class BackendReferenceGrantRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.BackendRefNotPermitted;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (route, rule, backend) in Describe.Backends(index))
            {
                if (!(backend.NamespaceField is { } field) || backend.Namespace == route.Namespace || Placeholders.InName(backend.Namespace) ||
                    Placeholders.InName(route.Namespace) || index.IsExternalNamespace(backend.Namespace) || Allowed(index, route, backend))
                {
                    continue;
                }

                var targets = index.BackendTargets(backend);
                var severity = targets != null && targets.Count > 0 && index.InputIsIncomplete == null ? Severity.Error : Severity.Warning;
                context.Report(route, field.Span, severity, Describe.Rule(route, rule), $"{backend.Kind} {backend.Name.Value}", backend.Namespace,
                    route.Kind, route.Namespace);
            }
        }

        private static bool Allowed(Resolution.MeshIndex index, KubeRoute route, BackendReference backend)
        {
            foreach (var grant in index.GrantsIn(backend.Namespace))
            {
                if (grant.Allows(route.Kind, route.Namespace, backend.Group, backend.Kind, backend.Name.Value))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
