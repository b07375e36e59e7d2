using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1109: a parentRef names a Gateway or Service of the input. For a Gateway: an error when the namespace holds
    /// Kubernetes Gateways and is an application's, when a Gateway of that name lives in another namespace and the
    /// parentRef gives none, or when a Gateway of the namespace is one or two letters away; a warning otherwise, since
    /// platform repositories often apply the Gateways. For a Service, as MT1101.
    /// </summary>
    public sealed class ParentExistsRule : IManifestRule
    {
        /// <summary>Few enough Gateways in one namespace to look for a near name among them on every miss.</summary>
        private const int NearNameCandidates = 64;

        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ParentNotFound;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var route in index.KubeRoutes)
            {
                foreach (var parent in route.Parents)
                {
                    if (Placeholders.InName(parent.Name.Value) || Placeholders.InName(parent.Namespace) || index.IsExternalNamespace(parent.Namespace))
                    {
                        continue;
                    }

                    if (parent.IsGateway)
                    {
                        CheckGateway(context, route, parent);
                    }
                    else if (parent.IsService && index.ServicesNamed(parent.Namespace, parent.Name.Value).Count == 0)
                    {
                        var unknowable = index.WhyServicesUnknowable(parent.Namespace);
                        context.Report(route, parent.Name.Span, unknowable == null ? Severity.Error : Severity.Warning, route.Ref.ToString(),
                            $"Service {parent.Namespace}/{parent.Name.Value}",
                            $"no Service of that name is in namespace {parent.Namespace}" +
                            (unknowable != null ? $"; {unknowable}, so it may be defined elsewhere: if it is, list the namespace under external.namespaces in .manifest-tools.yaml" : string.Empty));
                    }
                }
            }
        }

        private static void CheckGateway(RuleContext context, KubeRoute route, ParentReference parent)
        {
            var index = context.Index;
            string ns = parent.Namespace, name = parent.Name.Value;
            if (index.KubeGatewaysNamed(ns, name).Count > 0)
            {
                return;
            }

            // The index's gateways by name and by namespace: a miss costs what it finds, not the whole input.
            var elsewhere = parent.NamespaceIsExplicit
                ? new List<KubeGateway>()
                : index.GatewaysNamed(name).OfType<KubeGateway>().Where(g => g.Namespace != ns).ToList();
            var local = index.GatewaysIn(ns);
            var near = local.Count <= NearNameCandidates
                ? local.OfType<KubeGateway>().Where(g => ClosestMatch.EditDistance(g.Name, name) <= 2).ToList()
                : new List<KubeGateway>();
            var candidates = elsewhere.Concat(near).Select(g => g.Namespace + "/" + g.Name).Distinct(StringComparer.Ordinal).Take(3).ToList();
            bool slip = elsewhere.Count > 0 || (near.Count > 0 && !GatewayNames.IsPlatformNamespace(ns));
            var why = "no Kubernetes Gateway of that name is in the input";
            if (index.FindGateways(ns + "/" + name, ns).OfType<IstioGateway>().Any())
            {
                why += "; an Istio Gateway (networking.istio.io) has that name, but routes attach only to a gateway.networking.k8s.io Gateway";
            }

            if (candidates.Count > 0)
            {
                why += $"; did you mean {string.Join(" or ", candidates)}?" +
                       (elsewhere.Count > 0 ? " A parentRef without namespace names a Gateway of the route's own namespace" : string.Empty);
            }

            var unknowable = slip ? null
                : !index.HasKubeGatewaysIn(ns) ? $"no Gateway of namespace {ns} is in the input"
                : GatewayNames.IsPlatformNamespace(ns) ? $"the Gateways of namespace {ns} are usually managed with the mesh, not with the services"
                : index.InputIsIncomplete is { } incomplete ? $"{incomplete}, which the linter does not read" : null;
            if (unknowable != null)
            {
                why += $"; {unknowable}, so it may be applied from elsewhere: if it is, list namespace {ns} under external.namespaces in .manifest-tools.yaml";
            }

            context.Report(route, parent.Name.Span, unknowable == null ? Severity.Error : Severity.Warning, route.Ref.ToString(), $"Gateway {ns}/{name}", why);
        }
    }
}
