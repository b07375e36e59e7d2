using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    /// <summary>A string field together with where it was written.</summary>
    public readonly struct Located<T>
    {
        public Located(T value, SourceSpan span)
        {
            Value = value;
            Span = span;
        }

        public T Value { get; }
        public SourceSpan Span { get; }

        public override string ToString() => Value?.ToString() ?? string.Empty;
    }

    public sealed class ServiceEntryEndpoint
    {
        public ServiceEntryEndpoint(LabelMap labels) => Labels = labels;

        public LabelMap Labels { get; }
    }

    /// <summary>networking.istio.io ServiceEntry: hosts that count as known, with their ports and pod sources.</summary>
    public sealed class ServiceEntry : ManifestObject
    {
        public ServiceEntry(ObjectHeader header, IReadOnlyList<Located<string>> hosts, IReadOnlyList<ServicePort> ports,
            LabelMap? workloadSelector, IReadOnlyList<ServiceEntryEndpoint> endpoints, ExportTo exportTo)
            : base(header)
        {
            ExportTo = exportTo;
            Hosts = hosts;
            Ports = ports;
            WorkloadSelector = workloadSelector;
            Endpoints = endpoints;
        }

        public IReadOnlyList<Located<string>> Hosts { get; }
        public IReadOnlyList<ServicePort> Ports { get; }

        /// <summary>spec.workloadSelector.labels: the mesh pods this entry stands for.</summary>
        public LabelMap? WorkloadSelector { get; }

        public IReadOnlyList<ServiceEntryEndpoint> Endpoints { get; }

        public ExportTo ExportTo { get; }
    }

    public sealed class Subset
    {
        public Subset(Located<string> name, LabelMap labels)
        {
            Name = name;
            Labels = labels;
        }

        public Located<string> Name { get; }

        /// <summary>The subset's labels; <see cref="LabelMap.Span"/> is the <c>labels:</c> key.</summary>
        public LabelMap Labels { get; }
    }

    public sealed class DestinationRule : ManifestObject
    {
        public DestinationRule(ObjectHeader header, Located<string> host, IReadOnlyList<Subset> subsets, ExportTo exportTo) : base(header)
        {
            ExportTo = exportTo;
            Host = host;
            Subsets = subsets;
        }

        public Located<string> Host { get; }
        public IReadOnlyList<Subset> Subsets { get; }
        public ExportTo ExportTo { get; }
    }

    public sealed class Destination
    {
        public Destination(Located<string> host, Located<string>? subset, Located<int>? port, Located<int>? weight, SourceSpan span, bool portIsPlaceholder = false)
        {
            PortIsPlaceholder = portIsPlaceholder;
            Host = host;
            Subset = subset;
            Port = port;
            Weight = weight;
            Span = span;
        }

        public Located<string> Host { get; }
        public Located<string>? Subset { get; }
        public Located<int>? Port { get; }

        /// <summary><c>port.number</c> is a placeholder (<c>${PORT}</c>): some port is named, but which is not known.</summary>
        public bool PortIsPlaceholder { get; }

        /// <summary>Null for mirrors and for destinations that omit it.</summary>
        public Located<int>? Weight { get; }

        /// <summary>The <c>destination:</c> (or <c>mirror:</c>) key.</summary>
        public SourceSpan Span { get; }

        public string Describe() =>
            Host.Value + (Subset is { } subset ? " subset " + subset.Value : string.Empty) +
            (Port is { } port ? " port " + port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
    }

    /// <summary>One http, tcp or tls entry of a VirtualService: its matches and its <c>route:</c> list.</summary>
    public sealed class Route
    {
        public Route(string protocol, int index, string? name, IReadOnlyList<Destination> destinations, bool hasUnreadableWeight, SourceSpan span,
            IReadOnlyList<RouteMatch> matches, bool matchesUnreadable, SourceSpan entrySpan, bool isDelegate)
        {
            IsDelegate = isDelegate;
            Matches = matches;
            MatchesUnreadable = matchesUnreadable;
            EntrySpan = entrySpan;
            HasUnreadableWeight = hasUnreadableWeight;
            Protocol = protocol;
            Index = index;
            Name = name;
            Destinations = destinations;
            Span = span;
        }

        /// <summary>http, tcp or tls.</summary>
        public string Protocol { get; }

        public int Index { get; }
        public string? Name { get; }
        public IReadOnlyList<Destination> Destinations { get; }

        /// <summary>A weight was written but is not an integer (MT0002); sums over this route would mislead.</summary>
        public bool HasUnreadableWeight { get; }

        /// <summary>The <c>route:</c> key; the entry itself when it has none (a redirect, a delegate).</summary>
        public SourceSpan Span { get; }

        /// <summary>The entry's <c>name:</c>, or its first key when it has no name.</summary>
        public SourceSpan EntrySpan { get; }

        /// <summary>The <c>match</c> entries; empty when the route has none, and so matches every request.</summary>
        public IReadOnlyList<RouteMatch> Matches { get; }

        /// <summary>Some match entry could not be read (MT0002): what the route matches is not known.</summary>
        public bool MatchesUnreadable { get; }

        /// <summary>
        /// The route hands its requests to another VirtualService (<c>delegate</c>): the child's routes take its place,
        /// and a request none of them matches goes on to the next route.
        /// </summary>
        public bool IsDelegate { get; }

        /// <summary>Matches every request: no match list, or an entry without conditions.</summary>
        public bool IsCatchAll
        {
            get
            {
                if (MatchesUnreadable)
                {
                    return false;
                }

                if (Matches.Count == 0)
                {
                    return true;
                }

                foreach (var match in Matches)
                {
                    if (match.IsCatchAll)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary><c>http[0] (name "products")</c>: how messages name the route.</summary>
        public string Describe() => $"{Protocol}[{Index}]" + (Name != null ? $" \"{Name}\"" : string.Empty);

        /// <summary>The route's name, or <c>http[1]</c> when it has none: how the route-order messages name it.</summary>
        public string ShortName => Name ?? $"{Protocol}[{Index}]";
    }

    public sealed class VirtualService : ManifestObject
    {
        public VirtualService(ObjectHeader header, IReadOnlyList<Located<string>> hosts, IReadOnlyList<Route> routes, IReadOnlyList<Destination> mirrors,
            IReadOnlyList<Located<string>> gateways, ExportTo exportTo)
            : base(header)
        {
            Gateways = gateways;
            ExportTo = exportTo;
            Hosts = hosts;
            Routes = routes;
            Mirrors = mirrors;
        }

        public IReadOnlyList<Located<string>> Hosts { get; }
        public IReadOnlyList<Route> Routes { get; }

        /// <summary>Every <c>mirror</c> and <c>mirrors[].destination</c> of the http routes.</summary>
        public IReadOnlyList<Destination> Mirrors { get; }

        /// <summary><c>spec.gateways</c> as written; empty means the mesh only.</summary>
        public IReadOnlyList<Located<string>> Gateways { get; }

        public ExportTo ExportTo { get; }

        /// <summary>The reserved name of the mesh's sidecars, as a gateway.</summary>
        public const string MeshGateway = "mesh";

        /// <summary>
        /// A delegate: a VirtualService without hosts, whose routes another VirtualService's <c>delegate</c> takes in. It
        /// is bound to whatever its parent is bound to, so nothing about gateways or its own hosts is checked on it.
        /// </summary>
        public bool IsDelegate => Hosts.Count == 0;

        /// <summary>Applies to the sidecars: no gateways listed, or <c>mesh</c> among them.</summary>
        public bool IsBoundToMesh => NamesMesh(Gateways);

        /// <summary>
        /// True when a gateways list (<c>spec.gateways</c>, or a match's) applies on the sidecars: it is empty, or lists
        /// <c>mesh</c>.
        /// </summary>
        public static bool NamesMesh(IReadOnlyList<Located<string>> gateways)
        {
            if (gateways.Count == 0)
            {
                return true;
            }

            foreach (var gateway in gateways)
            {
                if (gateway.Value == MeshGateway)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
