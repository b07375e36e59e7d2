using ManifestTools.Model;

namespace ManifestTools.Resolution
{
    /// <summary>What a host names: a Service or a ServiceEntry. Exactly one of the two is set.</summary>
    public sealed class HostTarget
    {
        public HostTarget(KubeService service)
        {
            Service = service;
            Object = service;
        }

        public HostTarget(ServiceEntry entry)
        {
            Entry = entry;
            Object = entry;
        }

        public KubeService? Service { get; }
        public ServiceEntry? Entry { get; }
        public ManifestObject Object { get; }

        public System.Collections.Generic.IReadOnlyList<ServicePort> Ports => Service?.Ports ?? Entry!.Ports;

        /// <summary>True when every port is known: none is missing, and none is written as a placeholder.</summary>
        public bool PortsKnown => Ports.Count > 0 && Service?.PortsIncomplete != true;

        /// <summary>The Service's exportTo annotation, or the ServiceEntry's exportTo.</summary>
        public ExportTo ExportTo => Service?.ExportTo ?? Entry!.ExportTo;

        /// <summary>True when a sidecar of some namespace in <paramref name="scope"/> (null: of any namespace) sees this host.</summary>
        public bool IsVisibleToAny(System.Collections.Generic.IReadOnlyList<string>? scope) => ExportTo.IsVisibleToAny(Object.Namespace, scope);
    }
}
