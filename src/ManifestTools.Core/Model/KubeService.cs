using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    public sealed class ServicePort
    {
        public ServicePort(string? name, int port, SourceSpan span, PortReference? targetPort = null, string protocol = "TCP")
        {
            Name = name;
            Port = port;
            Span = span;
            TargetPort = targetPort;
            Protocol = protocol;
        }

        public string? Name { get; }
        public int Port { get; }

        /// <summary>The <c>port:</c> (Service) or <c>number:</c> (ServiceEntry) field.</summary>
        public SourceSpan Span { get; }

        /// <summary>A Service's targetPort; null when absent, which means the same number as <see cref="Port"/>.</summary>
        public PortReference? TargetPort { get; }

        /// <summary>TCP, UDP or SCTP, as written; TCP when absent.</summary>
        public string Protocol { get; }
    }

    /// <summary>A core/v1 Service.</summary>
    public sealed class KubeService : ManifestObject
    {
        public KubeService(ObjectHeader header, LabelMap? selector, IReadOnlyList<ServicePort> ports, string type)
            : base(header)
        {
            Selector = selector;
            Ports = ports;
            Type = type;
        }

        /// <summary>spec.selector; null when absent (endpoints are managed by hand, or ExternalName).</summary>
        public LabelMap? Selector { get; }

        public IReadOnlyList<ServicePort> Ports { get; }

        public string Type { get; }
    }
}
