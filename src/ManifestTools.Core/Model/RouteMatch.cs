using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    /// <summary>The <c>uri</c> condition of an HTTP match: exact, prefix or regex, with <c>ignoreUriCase</c>.</summary>
    public sealed class UriCondition
    {
        public UriCondition(string kind, string value, bool ignoreCase)
        {
            Kind = kind;
            Value = value;
            IgnoreCase = ignoreCase;
        }

        /// <summary>exact, prefix or regex.</summary>
        public string Kind { get; }

        public string Value { get; }
        public bool IgnoreCase { get; }

        /// <summary>
        /// True when every path this condition matches is matched by <paramref name="other"/>'s coverer, this one: an
        /// equal condition, or a prefix that begins the other's exact path or prefix (Envoy compares prefixes as strings,
        /// so <c>/api</c> also covers <c>/apiv2</c>). A regex covers only the same regex.
        /// </summary>
        public bool Covers(UriCondition other)
        {
            if (!IgnoreCase && other.IgnoreCase)
            {
                return false;
            }

            var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            switch (Kind)
            {
                case "prefix":
                    return other.Kind != "regex" && other.Value.StartsWith(Value, comparison);
                default:
                    return other.Kind == Kind && string.Equals(other.Value, Value, comparison);
            }
        }

    }

    /// <summary>
    /// One entry of a route's <c>match</c> list. Istio ANDs its conditions; a route matches when any entry does. Each
    /// condition is kept in a canonical form, so two entries compare by what they match, not by how they are written.
    /// </summary>
    public sealed class RouteMatch
    {
        public RouteMatch(string? name, SourceSpan span, UriCondition? uri, IReadOnlyList<KeyValuePair<string, string>> conditions,
            IReadOnlyList<Located<string>> gateways, bool hasRequestConditions, int? port)
        {
            Port = port;
            Name = name;
            Span = span;
            Uri = uri;
            Conditions = conditions;
            Gateways = gateways;
            HasRequestConditions = hasRequestConditions;
        }

        public string? Name { get; }

        /// <summary>The match entry.</summary>
        public SourceSpan Span { get; }

        /// <summary>The path condition; null when the entry has none, or only the prefix <c>/</c> that every path has.</summary>
        public UriCondition? Uri { get; }

        /// <summary>
        /// Every other condition: one per header, query parameter and source label (<c>headers.end-user</c>), and one per
        /// other field (<c>method</c>, <c>port</c>, <c>gateways</c>, <c>sniHosts</c>), each with its canonical value, in
        /// ordinal order of the keys. A match holds a handful, so a sorted array is smaller than any dictionary.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string>> Conditions { get; }

        /// <summary><c>match.gateways</c>: the gateways this entry applies on.</summary>
        public IReadOnlyList<Located<string>> Gateways { get; }

        /// <summary><c>port</c>: the port the request was sent to, when the entry names one.</summary>
        public int? Port { get; }

        /// <summary>The entry applies on the sidecars: it names no gateways, or names <c>mesh</c>.</summary>
        public bool AppliesOnMesh => VirtualService.NamesMesh(Gateways);

        /// <summary>The entry tests the request itself (uri, headers, method, query, scheme, authority): HTTP only.</summary>
        public bool HasRequestConditions { get; }

        /// <summary>Matches every request: no condition at all.</summary>
        public bool IsCatchAll => Uri == null && Conditions.Count == 0;

        /// <summary>
        /// True when every request <paramref name="later"/> matches is matched by this entry: each of this entry's
        /// conditions is also a condition of the later one (the same header with the same value, the same method, the same
        /// port), and its path condition covers the later one's.
        /// </summary>
        public bool Covers(RouteMatch later)
        {
            if (Uri != null && (later.Uri == null || !Uri.Covers(later.Uri)))
            {
                return false;
            }

            // Both lists are in key order: one walk over the two decides whether the later one holds every condition.
            int j = 0;
            var theirs = later.Conditions;
            foreach (var condition in Conditions)
            {
                while (j < theirs.Count && string.CompareOrdinal(theirs[j].Key, condition.Key) < 0)
                {
                    j++;
                }

                if (j == theirs.Count || theirs[j].Key != condition.Key || theirs[j].Value != condition.Value)
                {
                    return false;
                }

                j++;
            }

            return true;
        }

        // Both route-order rules ask for it; rules run in parallel, and a race only computes the same string twice.
        private string? _key;

        /// <summary>What the entry matches, canonically: equal keys mean duplicate entries.</summary>
        public string Key => _key ??= BuildKey();

        private string BuildKey()
        {
            var key = new System.Text.StringBuilder();
            if (Uri != null)
            {
                key.Append("uri=").Append(Uri.Kind).Append(':').Append(Uri.IgnoreCase ? "i:" : string.Empty).Append(Uri.Value);
            }

            foreach (var condition in Conditions)
            {
                key.Append('\n').Append(condition.Key).Append('=').Append(condition.Value);
            }

            return key.ToString();
        }
    }
}
