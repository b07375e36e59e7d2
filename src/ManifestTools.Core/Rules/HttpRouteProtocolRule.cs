using System;
using System.Collections.Generic;
using System.Globalization;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1020: an http route of a mesh VirtualService that matches on the request (uri, headers, method) sends to a
    /// port of the VirtualService's own host whose declared protocol is not HTTP. The sidecar applies http routes on the
    /// listener of the port the client calls, which is the host's; when it is proxied as bytes, the match never applies.
    /// A destination on another host says nothing about that listener, and a gateway applies http routes after its
    /// own server's protocol, so neither is checked.
    /// </summary>
    public sealed class HttpRouteProtocolRule : IManifestRule
    {
        /// <summary>Protocols Istio proxies without reading HTTP (pkg/config/protocol): an explicit declaration, never a guess.</summary>
        internal static readonly HashSet<string> OpaqueProtocols = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "tcp", "tls", "https", "mongo", "mysql", "redis",
        };

        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.HttpRouteOnNonHttpPort;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            foreach (var service in index.VirtualServices)
            {
                if (!service.IsBoundToMesh || service.IsDelegate)
                {
                    continue;
                }

                foreach (var route in service.Routes)
                {
                    if (route.Protocol != "http" || !(ListenerPort(route, out int? listener) is true))
                    {
                        continue;
                    }

                    // A split between subsets sends every share to the same port: one finding per route and port.
                    HashSet<ServicePort>? reported = null;
                    foreach (var destination in route.Destinations)
                    {
                        var targets = index.TargetsOf(destination);
                        if (targets.Count == 0 || destination.PortIsPlaceholder || !index.IsHostOf(service, index.ResolvedHost(destination)))
                        {
                            continue;
                        }

                        // Every definition of the host is an alternative: report only when each declares the port opaque.
                        (ServicePort Port, string Protocol, Resolution.HostTarget Target)? first = null;
                        bool opaqueEverywhere = true;
                        foreach (var target in targets)
                        {
                            // The route applies on every port of its host unless its entries name one: each is a listener
                            // clients may call, so without a named port every one must be opaque.
                            bool isEntry = target.Entry != null;
                            var port = listener != null ? PortOf(target.Ports, listener) : AllOpaque(target.Ports, isEntry) ? PortOf(target.Ports, destination.Port?.Value) ?? target.Ports[0] : null;
                            var declared = port != null ? Declared(port, isEntry) : null;
                            if (declared == null || !OpaqueProtocols.Contains(declared))
                            {
                                opaqueEverywhere = false;
                                break;
                            }

                            first ??= (port!, declared, target);
                        }

                        if (opaqueEverywhere && first is { } found && (reported ??= new HashSet<ServicePort>()).Add(found.Port))
                        {
                            var number = found.Port.Port.ToString(CultureInfo.InvariantCulture);
                            var target = found.Target.Object;
                            var protocol = found.Protocol.ToLowerInvariant() + " " + Source(found.Port, found.Target.Entry != null);
                            var what = listener == null
                                ? $"matches on the request, but {target.Kind} {target.Namespace}/{target.Name} declares no port of its host as HTTP: port {number} is {protocol}"
                                : $"matches requests sent to port {number}, but {target.Kind} {target.Namespace}/{target.Name} declares it as {protocol}";
                            context.Report(service, destination.Port?.Span ?? destination.Span,
                                $"{Describe.Route(service, route)} {what}, so the sidecars proxy it without reading HTTP and the match never applies; " +
                                (found.Target.Entry != null
                                    ? $"declare port {number} as HTTP (protocol: HTTP), or route it with a tcp route"
                                    : $"declare port {number} as http (name http-…, or appProtocol: http), or route it with a tcp route"));
                        }
                    }
                }
            }
        }

        /// <summary>
        /// Whether the route matches requests on the sidecars (an entry that tests the request and applies on the mesh),
        /// and the port of the listener it matches on when its entries name one: a route that sends port 80 requests to
        /// port 443 (TLS origination) matches on the HTTP listener of port 80. Null when some entry names no port, or when
        /// entries name different ones, which is not judged.
        /// </summary>
        private static bool? ListenerPort(Route route, out int? port)
        {
            port = null;
            bool any = false, unnamed = false;
            foreach (var match in route.Matches)
            {
                if (!match.HasRequestConditions || !match.AppliesOnMesh)
                {
                    continue;
                }

                any = true;
                if (match.Port is int number)
                {
                    if (port != null && port != number)
                    {
                        return null;
                    }

                    port = number;
                }
                else
                {
                    unnamed = true;
                }
            }

            if (port != null && unnamed)
            {
                return null;
            }

            return any;
        }

        /// <summary>The port of a number (the listener's, or the destination's), or the host's only port when none is named.</summary>
        private static ServicePort? PortOf(IReadOnlyList<ServicePort> ports, int? number)
        {
            if (number is int named)
            {
                foreach (var port in ports)
                {
                    if (port.Port == named)
                    {
                        return port;
                    }
                }

                return null;
            }

            return ports.Count == 1 ? ports[0] : null;
        }

        private static bool AllOpaque(IReadOnlyList<ServicePort> ports, bool isEntry)
        {
            foreach (var port in ports)
            {
                if (!(Declared(port, isEntry) is { } declared) || !OpaqueProtocols.Contains(declared))
                {
                    return false;
                }
            }

            return ports.Count > 0;
        }

        /// <summary>
        /// The protocol a port declares: a Service port's appProtocol, else its name's prefix; a ServiceEntry port's
        /// protocol only (pilot reads no name there, and an empty protocol is detected). Null when nothing is declared.
        /// </summary>
        internal static string? Declared(ServicePort port, bool isEntry)
        {
            if (port.AppProtocol is { } appProtocol)
            {
                return appProtocol;
            }

            if (!isEntry && port.Name is { } name)
            {
                int dash = name.IndexOf('-');
                return dash < 0 ? name : name.Substring(0, dash);
            }

            return null;
        }

        /// <summary>Where the declaration is, in a message's words: "(appProtocol tcp)", "(port name tcp-db)".</summary>
        internal static string Source(ServicePort port, bool isEntry) =>
            port.AppProtocol is { } appProtocol ? $"({(isEntry ? "protocol" : "appProtocol")} {appProtocol})" : $"(port name {port.Name})";
    }
}
