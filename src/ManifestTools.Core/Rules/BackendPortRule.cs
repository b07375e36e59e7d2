using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>MT1103: a backendRef to a Service gives a port, and the backend exposes it.</summary>
    public sealed class BackendPortRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.BackendPortInvalid;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (route, rule, backend) in Describe.Backends(index))
            {
                var targets = index.BackendTargets(backend);
                if (targets == null || targets.Count == 0 || backend.PortIsUnknown || targets.Any(t => !t.PortsKnown))
                {
                    continue; // MT1101 reports a missing backend; a host whose ports are not all known has nothing to compare.
                }

                var target = targets[0];
                if (backend.Port is { } port)
                {
                    if (!targets.Any(t => t.Ports.Any(p => p.Port == port.Value)))
                    {
                        context.Report(route, port.Span,
                            $"{Describe.Rule(route, rule)} sends to port {Format(port.Value)} of {target.Object.Kind} {target.Object.Ref.Namespace}/{target.Object.Name}, " +
                            $"which exposes only {Exposed(target)}; use one of its ports (the Service's port, not its targetPort)");
                    }
                }
                else if (backend.IsService || backend.Kind == "Hostname")
                {
                    context.Report(route, backend.Name.Span,
                        $"{Describe.Rule(route, rule)} sends to {target.Object.Kind} {target.Object.Ref.Namespace}/{target.Object.Name} without a port, " +
                        $"which a {backend.Kind} backendRef requires; set port: {Format(target.Ports[0].Port)}" +
                        (target.Ports.Count > 1 ? $" (it exposes {Exposed(target)})" : string.Empty));
                }
            }
        }

        private static string Exposed(HostTarget target) => Describe.List(target.Ports.Select(p =>
            Format(p.Port) + (p.Name != null ? $" ({p.Name})" : string.Empty)).ToList());

        private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
