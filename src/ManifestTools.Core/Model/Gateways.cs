using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    /// <summary>One <c>servers[]</c> entry of an Istio Gateway.</summary>
    public sealed class GatewayServer
    {
        public GatewayServer(int? portNumber, string? portName, string? protocol, IReadOnlyList<Located<string>> hosts, string? tlsMode,
            string? bind, SourceSpan span)
        {
            Bind = bind;
            PortNumber = portNumber;
            PortName = portName;
            Protocol = protocol;
            Hosts = hosts;
            TlsMode = tlsMode;
            Span = span;
        }

        /// <summary><c>port.number</c>; null when it is missing or a placeholder.</summary>
        public int? PortNumber { get; }

        public string? PortName { get; }

        /// <summary><c>port.protocol</c> as written (HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP, TLS).</summary>
        public string? Protocol { get; }

        /// <summary>
        /// <c>hosts</c>, each <c>[namespace/]dnsName</c>: the namespace part says which namespaces' VirtualServices may
        /// bind (<c>.</c> the Gateway's own, <c>*</c> or none written: any).
        /// </summary>
        public IReadOnlyList<Located<string>> Hosts { get; }

        /// <summary><c>tls.mode</c> (SIMPLE, MUTUAL, PASSTHROUGH, AUTO_PASSTHROUGH, ISTIO_MUTUAL, OPTIONAL_MUTUAL).</summary>
        public string? TlsMode { get; }

        /// <summary><c>bind</c>: the address the listener binds to; null for every address.</summary>
        public string? Bind { get; }

        /// <summary>The server entry.</summary>
        public SourceSpan Span { get; }
    }

    /// <summary>networking.istio.io Gateway: servers on the gateway workloads its selector chooses.</summary>
    public sealed class IstioGateway : ManifestObject
    {
        public IstioGateway(ObjectHeader header, LabelMap selector, IReadOnlyList<GatewayServer> servers) : base(header)
        {
            Selector = selector;
            Servers = servers;
        }

        /// <summary><c>spec.selector</c>: the gateway pods' labels; empty selects every gateway workload.</summary>
        public LabelMap Selector { get; }

        public IReadOnlyList<GatewayServer> Servers { get; }
    }

    /// <summary>One <c>listeners[]</c> entry of a Kubernetes Gateway.</summary>
    public sealed class GatewayListener
    {
        public GatewayListener(string? name, Located<string>? hostname, int? port, string? protocol, AllowedRoutes allowedRoutes, SourceSpan span)
        {
            AllowedRoutes = allowedRoutes;
            Name = name;
            Hostname = hostname;
            Port = port;
            Protocol = protocol;
            Span = span;
        }

        public string? Name { get; }

        /// <summary>The listener's hostname; null when it has none, and so accepts every host.</summary>
        public Located<string>? Hostname { get; }

        public int? Port { get; }
        public string? Protocol { get; }

        /// <summary>Which routes may attach; routes of the Gateway's own namespace when <c>allowedRoutes</c> is absent.</summary>
        public AllowedRoutes AllowedRoutes { get; }

        public SourceSpan Span { get; }
    }

    /// <summary>gateway.networking.k8s.io Gateway: its listeners, where VirtualServices bind and routes attach.</summary>
    public sealed class KubeGateway : ManifestObject
    {
        public KubeGateway(ObjectHeader header, IReadOnlyList<GatewayListener> listeners) : base(header) => Listeners = listeners;

        public IReadOnlyList<GatewayListener> Listeners { get; }
    }
}
