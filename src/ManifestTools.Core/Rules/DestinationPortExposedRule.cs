using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>MT1009: a destination port must be exposed by its host, and a multi-port host needs an explicit port.</summary>
    public sealed class DestinationPortExposedRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnexposedPort;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var (service, route, destination) in Describe.Destinations(index))
            {
                // Every definition of the host is an alternative: the port is fine when any of them exposes it.
                var targets = index.TargetsOf(destination);
                if (targets.Count == 0 || destination.PortIsPlaceholder || AnyWithUnknownPorts(targets))
                {
                    continue;
                }

                var target = targets[0];
                if (destination.Port is { } port)
                {
                    if (!AnyExposes(targets, port.Value))
                    {
                        context.Report(service, port.Span,
                            $"{Describe.Where(service, route)} sends to port {port.Value.ToString(CultureInfo.InvariantCulture)}, but {target.Object.Kind} {target.Object.Name} exposes only {Exposed(target)}");
                    }
                }
                else if (targets.All(t => t.Ports.Count > 1))
                {
                    context.Report(service, destination.Span,
                        $"{Describe.Where(service, route)} names no port, but {target.Object.Kind} {target.Object.Name} exposes several ({Exposed(target)}); set destination.port.number");
                }
            }
        }

        private static bool AnyWithUnknownPorts(IReadOnlyList<Resolution.HostTarget> targets)
        {
            for (int i = 0; i < targets.Count; i++)
            {
                if (!targets[i].PortsKnown)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyExposes(IReadOnlyList<Resolution.HostTarget> targets, int number)
        {
            for (int i = 0; i < targets.Count; i++)
            {
                if (Exposes(targets[i].Ports, number))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Exposes(IReadOnlyList<ServicePort> ports, int number)
        {
            for (int i = 0; i < ports.Count; i++)
            {
                if (ports[i].Port == number)
                {
                    return true;
                }
            }

            return false;
        }

        private static string Exposed(Resolution.HostTarget target) => string.Join(", ", target.Ports.Select(Format));

        private static string Format(ServicePort port) =>
            port.Port.ToString(CultureInfo.InvariantCulture) + (port.Name != null ? $" ({port.Name})" : string.Empty);
    }
}
