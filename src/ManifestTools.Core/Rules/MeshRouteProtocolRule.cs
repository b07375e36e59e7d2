using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1115: an HTTPRoute or GRPCRoute attached to a Service applies on ports the mesh reads as HTTP. When every port
    /// it attaches to (the parentRef's, else all of the Service's) is declared as another protocol, or is UDP, its rules
    /// never apply. The declaration is read as MT1020 reads it: appProtocol, else the name's prefix; never a guess.
    /// </summary>
    public sealed class MeshRouteProtocolRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.MeshRouteOnNonHttpPort;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var route in index.KubeRoutes)
            {
                foreach (var parent in route.Parents)
                {
                    if (!parent.IsService || (parent.SectionName is { } s && Placeholders.InName(s.Value)) ||
                        !(index.ServicesNamed(parent.Namespace, parent.Name.Value) is { Count: > 0 } services) || services.Any(v => v.PortsIncomplete))
                    {
                        continue;
                    }

                    // Every definition of the Service is an alternative: report only when each declares the ports opaque.
                    (ServicePort Port, string Protocol, KubeService Service)? first = null;
                    bool opaqueEverywhere = true;
                    foreach (var service in services)
                    {
                        var ports = service.Ports.Where(p => (parent.Port == null || p.Port == parent.Port.Value.Value) &&
                                                             (parent.SectionName == null || p.Name == parent.SectionName.Value.Value)).ToList();
                        var opaque = ports.Select(p => (Port: p, Protocol: Opaque(p))).ToList();
                        if (opaque.Count == 0 || opaque.Any(o => o.Protocol == null))
                        {
                            opaqueEverywhere = false; // MT1110 reports a port the Service does not have.
                            break;
                        }

                        first ??= (opaque[0].Port, opaque[0].Protocol!, service);
                    }

                    if (opaqueEverywhere && first is { } found)
                    {
                        var span = parent.Port?.Span ?? parent.SectionName?.Span ?? parent.Name.Span;
                        context.Report(route, span, route.Ref.ToString(), found.Port.Port.ToString(CultureInfo.InvariantCulture),
                            found.Service.Namespace + "/" + found.Service.Name, found.Protocol,
                            found.Protocol == "UDP" ? "(protocol UDP)" : HttpRouteProtocolRule.Source(found.Port, isEntry: false));
                    }
                }
            }
        }

        /// <summary>The protocol a port is proxied as, when it is not HTTP; null when it is HTTP or not declared.</summary>
        private static string? Opaque(ServicePort port)
        {
            if (string.Equals(port.Protocol, "UDP", System.StringComparison.OrdinalIgnoreCase))
            {
                return "UDP";
            }

            return HttpRouteProtocolRule.Declared(port, isEntry: false) is { } declared && HttpRouteProtocolRule.OpaqueProtocols.Contains(declared)
                ? declared
                : null;
        }
    }
}
