using System;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1112: some listener a route attaches to admits it, by its allowedRoutes namespaces and kinds and, without
    /// kinds, by its protocol. A namespace selector the input cannot evaluate (the Namespace is not in the input and the
    /// selector reads labels other than its name) admits the route.
    /// </summary>
    public sealed class ListenerAdmitsRouteRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ListenerRejectsRoute;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (route, parent, gateways) in ParentGateways.Attached(index))
            {
                string? reason = null;
                bool byNamespace = false, admitted = false, anyListener = false;
                foreach (var gateway in gateways)
                {
                    foreach (var listener in ParentGateways.Selected(gateway, parent))
                    {
                        anyListener = true;
                        var why = KindRejected(route, listener);
                        if (why == null)
                        {
                            why = NamespaceRejected(index, route, gateway, listener);
                            byNamespace |= why != null;
                        }

                        if (why == null)
                        {
                            admitted = true;
                            break;
                        }

                        reason ??= $"listener {listener.Name ?? "(unnamed)"} {why}";
                    }

                    if (admitted)
                    {
                        break;
                    }
                }

                if (admitted || !anyListener || Placeholders.InName(route.Namespace))
                {
                    continue; // MT1110 reports a parentRef that selects no listener.
                }

                // A kustomization that sets namespaces, or `kubectl apply -n` on a route that names none, may put the
                // route in the Gateway's namespace.
                var severity = byNamespace && (index.InputIsIncomplete != null || !route.Header.NamespaceIsExplicit) ? Severity.Warning : Severity.Error;
                context.Report(route, parent.Name.Span, severity,
                    $"{route.Ref} attaches to {ParentGateways.Name(gateways[0])}, but no listener it selects admits it: {reason}");
            }
        }

        private static string? KindRejected(KubeRoute route, GatewayListener listener)
        {
            if (listener.AllowedRoutes.Kinds is { } kinds)
            {
                return kinds.Any(k => ((k.Group.Length == 0 ? GatewayApi.Group : k.Group) == GatewayApi.Group && k.Kind == route.Kind) ||
                                      Placeholders.InName(k.Kind) || Placeholders.InName(k.Group))
                    ? null
                    : $"admits only {Describe.List(kinds.Select(k => k.Kind).ToList())} (allowedRoutes.kinds); add kind {route.Kind}";
            }

            var protocol = listener.Protocol;
            return protocol == null || string.Equals(protocol, "HTTP", StringComparison.OrdinalIgnoreCase) ||
                   string.Equals(protocol, "HTTPS", StringComparison.OrdinalIgnoreCase) || !IsStandard(protocol)
                ? null
                : $"has protocol {protocol}, which admits no {route.Kind}; attach to an HTTP or HTTPS listener";
        }

        /// <summary>The protocols the API defines; an implementation's own (with a domain prefix) is its to judge.</summary>
        private static bool IsStandard(string protocol) => protocol == "TLS" || protocol == "TCP" || protocol == "UDP";

        private static string? NamespaceRejected(Resolution.MeshIndex index, KubeRoute route, KubeGateway gateway, GatewayListener listener)
        {
            var allowed = listener.AllowedRoutes;
            switch (allowed.From)
            {
                case "Same":
                    return route.Namespace == gateway.Namespace || Placeholders.InName(gateway.Namespace)
                        ? null
                        : $"admits only routes of namespace {gateway.Namespace} (allowedRoutes.namespaces.from is Same{(allowed.FromIsWritten ? string.Empty : ", the default")}); set from: All, or a Selector that matches namespace {route.Namespace}";
                case "Selector" when allowed.Selector != null:
                    return index.SelectsNamespace(allowed.Selector, route.Namespace) == false
                        ? $"admits only namespaces its selector {allowed.Selector} matches, and namespace {route.Namespace} does not carry those labels; label the namespace, or widen the selector"
                        : null;
                default:
                    return null;
            }
        }
    }
}
