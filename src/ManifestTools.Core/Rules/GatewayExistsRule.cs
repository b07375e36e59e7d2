using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1010: each spec.gateways entry of a VirtualService names a Gateway of the input. An error when the input holds
    /// Gateways of that namespace, which is then taken to hold them all, when a short name misses a Gateway of that
    /// name in another namespace, or when the name is one or two letters from a Gateway of an application's namespace;
    /// a warning when it holds none, when the namespace is the mesh's own (its gateways are often managed from another
    /// repository) or when the input is known to be incomplete. A Gateway of the same name under a namespace the entry
    /// writes out is only a hint: a partial repository may hold one Gateway of a name and not another.
    /// </summary>
    public sealed class GatewayExistsRule : IManifestRule
    {
        /// <summary>At most this many gateways are suggested, so that a message stays one line.</summary>
        private const int Suggestions = 3;

        /// <summary>Few enough Gateways in one namespace to look for a near name among them on every miss.</summary>
        private const int NearNameCandidates = 64;

        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.GatewayNotFound;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var service in index.VirtualServices)
            {
                List<(string, string)>? listed = null;
                foreach (var gateway in service.Gateways)
                {
                    if (gateway.Value == VirtualService.MeshGateway || GatewayNames.IsInternal(gateway.Value) || Placeholders.In(gateway.Value) ||
                        index.FindGateways(gateway.Value, service.Namespace).Count > 0)
                    {
                        continue;
                    }

                    var (ns, name) = MeshIndex.GatewayKey(gateway.Value, service.Namespace);
                    if (ns.Length == 0 || name.Length == 0)
                    {
                        context.Report(service, gateway.Span, Severity.Error, service.Ref.ToString(), gateway.Value, "no gateway",
                            "it is not a gateway name: write name, namespace/name, or mesh");
                        continue;
                    }

                    if (index.IsExternalNamespace(ns))
                    {
                        continue;
                    }

                    var severity = Severity.Error;
                    string found = "no Gateway in the input defines it";
                    string hint;
                    if (gateway.Value.IndexOf('/') < 0 && gateway.Value.IndexOf('.') >= 0 &&
                        index.FindGateways(service.Namespace + "/" + gateway.Value, service.Namespace).Count > 0)
                    {
                        // Istio reads a dotted short name as name.namespace, so Gateway "public.v2" beside the VirtualService is missed.
                        hint = $"; Istio reads a name with a dot as name.namespace: to bind Gateway {service.Namespace}/{gateway.Value}, write ./{gateway.Value}";
                    }
                    else
                    {
                        listed ??= service.Gateways.Select(g => MeshIndex.GatewayKey(g.Value, service.Namespace)).ToList();
                        hint = Hint(index, listed, ns, name, out bool sameNameElsewhere, out bool nearName);
                        // Two slips the input proves: a short name for a Gateway it holds in another namespace (the shared
                        // ingress Gateway named without its namespace), and a misspelt Gateway of an application's
                        // namespace. A written namespace is taken at its word, and the mesh's namespaces may hold others.
                        bool slip = (sameNameElsewhere && gateway.Value.IndexOf('/') < 0 && gateway.Value.IndexOf('.') < 0) ||
                                    (nearName && !GatewayNames.IsPlatformNamespace(ns));
                        var unknowable = slip ? null
                            : index.GatewaysIn(ns).Count == 0 ? $"no Gateway of namespace {ns} is in the input"
                            : GatewayNames.IsPlatformNamespace(ns) ? $"the Gateways of namespace {ns} are usually managed with the mesh, not with the services"
                            : index.InputIsIncomplete is { } why ? $"{why}, which the linter does not read" : null;
                        if (unknowable != null)
                        {
                            severity = Severity.Warning;
                            hint += $"; {unknowable}, so it may be applied from elsewhere: if it is, list namespace {ns} under external.namespaces in .manifest-tools.yaml";
                        }
                    }

                    context.Report(service, gateway.Span, severity, service.Ref.ToString(), gateway.Value, ns + "/" + name, found + hint);
                }
            }
        }

        /// <summary>
        /// Names the gateway the author probably meant: the same name in another namespace, or a near name in this one,
        /// leaving out those the VirtualService already lists.
        /// </summary>
        private static string Hint(MeshIndex index, List<(string, string)> listed, string ns, string name, out bool sameNameElsewhere, out bool nearName)
        {
            var local = index.GatewaysIn(ns);
            var near = (local.Count <= NearNameCandidates ? local.Where(o => ClosestMatch.EditDistance(o.Name, name) <= 2) : Enumerable.Empty<ManifestObject>())
                .Where(o => !listed.Contains((o.Namespace, o.Name))).ToList();
            var elsewhere = index.GatewaysNamed(name).Where(o => o.Namespace != ns && !listed.Contains((o.Namespace, o.Name))).ToList();
            sameNameElsewhere = elsewhere.Count > 0;
            nearName = near.Count > 0;
            var candidates = elsewhere
                .Concat(near)
                .Where(o => !listed.Contains((o.Namespace, o.Name)))
                .Select(o => o.Namespace + "/" + o.Name)
                .Distinct(StringComparer.Ordinal)
                .Take(Suggestions)
                .ToList();
            return candidates.Count == 0 ? string.Empty : $"; did you mean {string.Join(" or ", candidates)}?";
        }
    }
}
