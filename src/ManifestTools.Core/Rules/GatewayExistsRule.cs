using System;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1010: each spec.gateways entry of a VirtualService names a Gateway of the input. An error when the input holds
    /// Gateways of that namespace (the set is known, so a miss is a typo), or one of a near name; a warning when it holds
    /// none, or the namespace is the mesh's own, since such gateways are often managed from another repository.
    /// </summary>
    public sealed class GatewayExistsRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.GatewayNotFound;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var service in index.VirtualServices)
            {
                foreach (var gateway in service.Gateways)
                {
                    if (gateway.Value == VirtualService.MeshGateway || GatewayNames.IsInternal(gateway.Value) || Placeholders.In(gateway.Value) ||
                        index.FindGateways(gateway.Value, service.Namespace).Count > 0)
                    {
                        continue;
                    }

                    var (ns, name) = MeshIndex.GatewayKey(gateway.Value, service.Namespace);
                    if (index.IsExternalNamespace(ns))
                    {
                        continue;
                    }

                    var hint = Hint(index, ns, name);
                    var severity = Severity.Error;
                    var unknowable = index.GatewaysIn(ns).Count == 0 ? $"no Gateway of namespace {ns} is in the input"
                        : IsPlatformNamespace(ns) ? $"the Gateways of namespace {ns} are usually managed with the mesh, not with the services"
                        : index.InputIsIncomplete is { } why ? $"{why}, which the linter does not read" : null;
                    if (unknowable != null && hint.Length == 0)
                    {
                        severity = Severity.Warning;
                        hint = $"; {unknowable}, so it may be applied from elsewhere: if it is, list namespace {ns} under external.namespaces in .manifest-tools.yaml";
                    }

                    context.Report(service, gateway.Span, severity, service.Ref.ToString(), gateway.Value, ns + "/" + name, hint);
                }
            }
        }

        /// <summary>
        /// Namespaces of the mesh's own gateways (istio-system, istio-ingress, istio-gateways…) and kube-system: a
        /// repository may hold some of their Gateways while a platform repository holds the others.
        /// </summary>
        private static bool IsPlatformNamespace(string ns) => ns.StartsWith("istio-", StringComparison.Ordinal) || ns == "kube-system";

        /// <summary>Few enough Gateways in one namespace to look for a near name among them on every miss.</summary>
        private const int NearNameCandidates = 64;

        /// <summary>Names the gateway the author probably meant: the same name in another namespace, or a near name in this one.</summary>
        private static string Hint(MeshIndex index, string ns, string name)
        {
            var local = index.GatewaysIn(ns);
            var near = local.Count <= NearNameCandidates ? local.Where(o => ClosestMatch.EditDistance(o.Name, name) <= 2) : Enumerable.Empty<ManifestObject>();
            var candidates = index.GatewaysNamed(name).Where(o => o.Namespace != ns)
                .Concat(near)
                .Select(o => o.Namespace + "/" + o.Name)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return candidates.Count == 0 ? string.Empty : $"; did you mean {string.Join(" or ", candidates)}?";
        }
    }
}
