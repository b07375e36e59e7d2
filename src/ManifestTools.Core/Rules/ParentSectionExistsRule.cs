using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>MT1110: a parentRef's sectionName and port name a listener of its Gateway, or a port of its Service.</summary>
    public sealed class ParentSectionExistsRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ParentSectionNotFound;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (route, parent, gateways) in ParentGateways.Attached(index))
            {
                if ((parent.SectionName == null && parent.Port == null) || gateways.Any(g => ParentGateways.Selected(g, parent).Count > 0))
                {
                    continue;
                }

                var gateway = gateways[0];
                var listeners = Describe.List(gateway.Listeners.Select(l =>
                    (l.Name ?? "(unnamed)") + (l.Port is { } p ? " on port " + p.ToString(CultureInfo.InvariantCulture) : string.Empty)).ToList());
                var span = parent.SectionName?.Span ?? parent.Port?.Span ?? parent.Name.Span;
                context.Report(route, span,
                    $"{route.Ref} attaches to {Wanted(parent)} of {ParentGateways.Name(gateway)}, which has " +
                    (gateway.Listeners.Count == 0 ? "no listeners" : "listeners " + listeners) +
                    "; name one of its listeners (sectionName) and ports, or leave them out to attach to every listener");
            }

            foreach (var route in index.KubeRoutes)
            {
                foreach (var parent in route.Parents)
                {
                    if (!parent.IsService || (parent.SectionName == null && parent.Port == null) ||
                        (parent.SectionName is { } section && Placeholders.InName(section.Value)) ||
                        !(index.ServicesNamed(parent.Namespace, parent.Name.Value) is { Count: > 0 } services) ||
                        services.Any(s => s.PortsIncomplete || s.Ports.Count == 0) ||
                        services.Any(s => s.Ports.Any(p => (parent.SectionName == null || p.Name == parent.SectionName.Value.Value) &&
                                                           (parent.Port == null || p.Port == parent.Port.Value.Value))))
                    {
                        continue;
                    }

                    var service = services[0];
                    var ports = "ports " + Describe.List(service.Ports
                        .Select(p => p.Port.ToString(CultureInfo.InvariantCulture) + (p.Name != null ? $" ({p.Name})" : string.Empty)).ToList());
                    context.Report(route, parent.SectionName?.Span ?? parent.Port!.Value.Span,
                        $"{route.Ref} attaches to {Wanted(parent)} of Service {service.Namespace}/{service.Name}, which has {ports}; name one of its ports");
                }
            }
        }

        private static string Wanted(ParentReference parent)
        {
            var section = parent.SectionName is { } s ? (parent.IsService ? "port " : "listener ") + s.Value : null;
            var port = parent.Port is { } p ? "port " + p.Value.ToString(CultureInfo.InvariantCulture) : null;
            return section != null && port != null ? section + " on " + port : section ?? port!;
        }
    }
}
