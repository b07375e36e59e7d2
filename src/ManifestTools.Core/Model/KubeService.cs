using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    public sealed class ServicePort
    {
        public ServicePort(string? name, int port, SourceSpan span, PortReference? targetPort = null, string protocol = "TCP", string? appProtocol = null)
        {
            AppProtocol = appProtocol;
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

        /// <summary>
        /// The application protocol declared outright: a Service port's <c>appProtocol</c>, or a ServiceEntry port's
        /// <c>protocol</c> (HTTP, GRPC, TCP…). Null when none is; for a Service port, Istio then reads the name's prefix.
        /// </summary>
        public string? AppProtocol { get; }
    }

    /// <summary>A core/v1 Service.</summary>
    public sealed class KubeService : ManifestObject
    {
        public KubeService(ObjectHeader header, LabelMap? selector, IReadOnlyList<ServicePort> ports, string type, ExportTo exportTo,
            bool portsIncomplete = false)
            : base(header)
        {
            PortsIncomplete = portsIncomplete;
            ExportTo = exportTo;
            Selector = selector;
            Ports = ports;
            Type = type;
        }

        /// <summary>spec.selector; null when absent (endpoints are managed by hand, or ExternalName).</summary>
        public LabelMap? Selector { get; }

        public IReadOnlyList<ServicePort> Ports { get; }

        /// <summary>Some port's number is a placeholder (<c>${PORT}</c>), so <see cref="Ports"/> is not the whole list.</summary>
        public bool PortsIncomplete { get; }

        public string Type { get; }

        /// <summary>The annotation <c>networking.istio.io/exportTo</c>: which namespaces' sidecars see the Service.</summary>
        public ExportTo ExportTo { get; }
    }
}
