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
            foreach (var (service, destination, where) in Describe.Destinations(index))
            {
                var target = index.FindHost(index.Resolve(destination.Host.Value, service.Namespace));
                if (target == null || target.Ports.Count == 0)
                {
                    continue;
                }

                var exposed = string.Join(", ", target.Ports.Select(Format));
                if (destination.Port is { } port)
                {
                    if (!target.Ports.Any(p => p.Port == port.Value))
                    {
                        context.Report(service, port.Span,
                            $"{where} sends to port {port.Value.ToString(CultureInfo.InvariantCulture)}, but {target.Object.Kind} {target.Object.Name} exposes only {exposed}");
                    }
                }
                else if (target.Ports.Count > 1)
                {
                    context.Report(service, destination.Span,
                        $"{where} names no port, but {target.Object.Kind} {target.Object.Name} exposes several ({exposed}); set destination.port.number");
                }
            }
        }

        private static string Format(ServicePort port) =>
            port.Port.ToString(CultureInfo.InvariantCulture) + (port.Name != null ? $" ({port.Name})" : string.Empty);
    }
}
