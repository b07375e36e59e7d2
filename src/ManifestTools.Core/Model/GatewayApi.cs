using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    /// <summary>The API group of the Kubernetes Gateway API, and the defaults its references take.</summary>
    public static class GatewayApi
    {
        public const string Group = "gateway.networking.k8s.io";

        /// <summary>The group of Istio's own kinds a backendRef may name (<c>ServiceEntry</c>, <c>Hostname</c>).</summary>
        public const string IstioGroup = "networking.istio.io";

        /// <summary>The core Service: group <c>""</c>, or <c>core</c> as Linkerd's GAMMA examples write it.</summary>
        public static bool IsCoreService(string group, string kind) => (group.Length == 0 || group == "core") && kind == "Service";

        public static bool IsGateway(string group, string kind) => group == Group && kind == "Gateway";
    }

    /// <summary>
    /// One <c>parentRefs[]</c> entry: the Gateway (the edge) or the Service (GAMMA, the mesh) a route attaches to. Group
    /// and kind take the API's defaults (<c>gateway.networking.k8s.io</c>, <c>Gateway</c>); the namespace the route's.
    /// </summary>
    public sealed class ParentReference
    {
        public ParentReference(string group, string kind, Located<string> name, string @namespace, bool namespaceIsExplicit,
            Located<string>? sectionName, Located<int>? port, SourceSpan span)
        {
            Group = group;
            Kind = kind;
            Name = name;
            Namespace = @namespace;
            NamespaceIsExplicit = namespaceIsExplicit;
            SectionName = sectionName;
            Port = port;
            Span = span;
        }

        public string Group { get; }
        public string Kind { get; }

        /// <summary>The name; its span is the <c>name:</c> key.</summary>
        public Located<string> Name { get; }

        public string Namespace { get; }
        public bool NamespaceIsExplicit { get; }

        /// <summary>A listener's name (Gateway) or a port's name (Service); null for every one.</summary>
        public Located<string>? SectionName { get; }

        /// <summary>A listener's port (Gateway) or a Service port; null for every one.</summary>
        public Located<int>? Port { get; }

        public SourceSpan Span { get; }

        public bool IsGateway => GatewayApi.IsGateway(Group, Kind);

        /// <summary>
        /// A Service parent (GAMMA). The API's default group applies to a parentRef that gives only <c>kind: Service</c>,
        /// but Istio, and its own samples, take that for the core Service too.
        /// </summary>
        public bool IsService => GatewayApi.IsCoreService(Group, Kind) || (Kind == "Service" && Group == GatewayApi.Group);
    }

    /// <summary>
    /// One <c>backendRefs[]</c> entry of a route rule. Group and kind default to the core Service; the namespace to the
    /// route's; the weight to 1.
    /// </summary>
    public sealed class BackendReference
    {
        public BackendReference(string group, string kind, Located<string> name, string @namespace, Located<string>? namespaceField,
            Located<int>? port, bool portIsUnknown, Located<int>? weight, SourceSpan span)
        {
            Group = group;
            Kind = kind;
            Name = name;
            Namespace = @namespace;
            NamespaceField = namespaceField;
            Port = port;
            PortIsUnknown = portIsUnknown;
            Weight = weight;
            Span = span;
        }

        public string Group { get; }
        public string Kind { get; }

        /// <summary>The name; its span is the <c>name:</c> key.</summary>
        public Located<string> Name { get; }

        public string Namespace { get; }

        /// <summary>The <c>namespace:</c> field when written; null when the route's namespace applies.</summary>
        public Located<string>? NamespaceField { get; }

        public Located<int>? Port { get; }
        /// <summary>A <c>port</c> is written, but as a placeholder or a value that could not be read (MT0002).</summary>
        public bool PortIsUnknown { get; }

        /// <summary>The <c>weight:</c> field when written; the API's default is 1.</summary>
        public Located<int>? Weight { get; }

        /// <summary>The entry.</summary>
        public SourceSpan Span { get; }

        public int EffectiveWeight => Weight?.Value ?? 1;

        public bool IsService => GatewayApi.IsCoreService(Group, Kind);

        public string Describe() => Group.Length == 0 ? $"{Kind} {Namespace}/{Name.Value}" : $"{Kind}.{Group} {Namespace}/{Name.Value}";
    }

    /// <summary>
    /// One entry of a rule's <c>matches</c>, in a canonical form: two entries that match the same requests the same way
    /// have the same <see cref="Key"/>. Defaults are filled in (path <c>PathPrefix /</c>, type <c>Exact</c>), header
    /// names are lower-cased (they are case-insensitive), a prefix's trailing <c>/</c> is dropped (the API ignores it),
    /// and conditions are sorted.
    /// </summary>
    public sealed class KubeRouteMatch
    {
        public KubeRouteMatch(string key, bool isCatchAll, SourceSpan span)
        {
            Key = key;
            IsCatchAll = isCatchAll;
            Span = span;
        }

        public string Key { get; }

        /// <summary>True when every request matches: no condition, or only the path prefix <c>/</c>.</summary>
        public bool IsCatchAll { get; }

        public SourceSpan Span { get; }

        /// <summary>The key of an entry that matches every request: what a rule without <c>matches</c> has.</summary>
        public const string CatchAllKey = "*";
    }

    /// <summary>One <c>rules[]</c> entry of an HTTPRoute or GRPCRoute.</summary>
    public sealed class KubeRouteRule
    {
        public KubeRouteRule(int index, string? name, IReadOnlyList<KubeRouteMatch> matches, bool matchesUnreadable,
            IReadOnlyList<BackendReference> backends, bool weightsUnreadable, SourceSpan span, SourceSpan backendsSpan, bool responds)
        {
            Responds = responds;
            BackendsSpan = backendsSpan;
            Index = index;
            Name = name;
            Matches = matches;
            MatchesUnreadable = matchesUnreadable;
            Backends = backends;
            WeightsUnreadable = weightsUnreadable;
            Span = span;
        }

        public int Index { get; }
        public string? Name { get; }

        /// <summary>The written entries; empty when the rule has none, and so matches every request.</summary>
        public IReadOnlyList<KubeRouteMatch> Matches { get; }

        /// <summary>Some entry could not be read (MT0002), so what the rule matches is not known.</summary>
        public bool MatchesUnreadable { get; }

        public IReadOnlyList<BackendReference> Backends { get; }

        /// <summary>Some weight could not be read (MT0002), so the split is not known.</summary>
        public bool WeightsUnreadable { get; }

        /// <summary>The rule's first key (its <c>name</c> when it has one).</summary>
        public SourceSpan Span { get; }

        /// <summary>The <c>backendRefs</c> key, where findings about the split point; the rule's first key when absent.</summary>
        public SourceSpan BackendsSpan { get; }

        /// <summary>A filter answers the request itself (<c>RequestRedirect</c>): the rule needs no backend.</summary>
        public bool Responds { get; }

        /// <summary>True when the rule matches every request: it has no entries, or an entry without conditions.</summary>
        public bool IsCatchAll
        {
            get
            {
                if (Matches.Count == 0)
                {
                    return !MatchesUnreadable;
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

        /// <summary>"rules[1]", or "rules[1] (canary)" for a named rule.</summary>
        public string Describe() =>
            $"rules[{Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]" + (Name != null ? $" ({Name})" : string.Empty);
    }

    /// <summary>A gateway.networking.k8s.io HTTPRoute or GRPCRoute.</summary>
    public sealed class KubeRoute : ManifestObject
    {
        public KubeRoute(ObjectHeader header, IReadOnlyList<ParentReference> parents, IReadOnlyList<Located<string>> hostnames,
            IReadOnlyList<KubeRouteRule> rules, SourceSpan rulesSpan) : base(header)
        {
            RulesSpan = rulesSpan;
            Parents = parents;
            Hostnames = hostnames;
            Rules = rules;
        }

        public IReadOnlyList<ParentReference> Parents { get; }

        /// <summary><c>spec.hostnames</c>; empty means every hostname the parent's listeners accept.</summary>
        public IReadOnlyList<Located<string>> Hostnames { get; }

        public IReadOnlyList<KubeRouteRule> Rules { get; }

        /// <summary>The <c>rules</c> key, or the name when there is none.</summary>
        public SourceSpan RulesSpan { get; }

        public bool IsGrpc => Kind == "GRPCRoute";
    }

    /// <summary>A listener's <c>allowedRoutes</c>: which routes may attach to it.</summary>
    public sealed class AllowedRoutes
    {
        public AllowedRoutes(string from, bool fromIsWritten, LabelSelector? selector, IReadOnlyList<(string Group, string Kind)>? kinds, SourceSpan span)
        {
            FromIsWritten = fromIsWritten;
            From = from;
            Selector = selector;
            Kinds = kinds;
            Span = span;
        }

        /// <summary><c>namespaces.from</c>: <c>Same</c> (the default), <c>All</c> or <c>Selector</c>.</summary>
        public string From { get; }

        /// <summary>False when <see cref="From"/> is the default.</summary>
        public bool FromIsWritten { get; }

        /// <summary><c>namespaces.selector</c>, read when <see cref="From"/> is <c>Selector</c>.</summary>
        public LabelSelector? Selector { get; }

        /// <summary><c>kinds</c> as written; null when absent, and so every kind the listener's protocol supports.</summary>
        public IReadOnlyList<(string Group, string Kind)>? Kinds { get; }

        /// <summary>The <c>allowedRoutes</c> key, or the listener when there is none.</summary>
        public SourceSpan Span { get; }

        public static AllowedRoutes SameNamespace(SourceSpan span) => new AllowedRoutes("Same", false, null, null, span);
    }

    /// <summary>
    /// A gateway.networking.k8s.io ReferenceGrant: lets the kinds of the namespaces in <see cref="From"/> refer to the
    /// objects in <see cref="To"/> of the grant's own namespace.
    /// </summary>
    public sealed class ReferenceGrant : ManifestObject
    {
        public ReferenceGrant(ObjectHeader header, IReadOnlyList<(string Group, string Kind, string Namespace)> from,
            IReadOnlyList<(string Group, string Kind, string? Name)> to) : base(header)
        {
            From = from;
            To = to;
        }

        public IReadOnlyList<(string Group, string Kind, string Namespace)> From { get; }
        public IReadOnlyList<(string Group, string Kind, string? Name)> To { get; }

        /// <summary>True when a <paramref name="fromKind"/> of <paramref name="fromNamespace"/> may refer to the object.</summary>
        public bool Allows(string fromKind, string fromNamespace, string toGroup, string toKind, string toName)
        {
            bool from = false;
            foreach (var entry in From)
            {
                if (entry.Group == GatewayApi.Group && entry.Kind == fromKind &&
                    (entry.Namespace == fromNamespace || Placeholders.InName(entry.Namespace)))
                {
                    from = true;
                    break;
                }
            }

            if (!from)
            {
                return false;
            }

            foreach (var entry in To)
            {
                if (entry.Group == toGroup && entry.Kind == toKind && (entry.Name == null || entry.Name == toName || Placeholders.InName(entry.Name)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
