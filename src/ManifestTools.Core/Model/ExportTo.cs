using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    /// <summary>
    /// Istio's <c>exportTo</c>: the namespaces that see an object. <c>.</c> is the object's own namespace, <c>*</c> every
    /// namespace, <c>~</c> none; other entries name a namespace. An empty list means every namespace (the mesh default).
    /// Built once per object, so each question is a set lookup, however many namespaces the list names.
    /// </summary>
    public sealed class ExportTo
    {
        public const string Local = ".";
        public const string All = "*";
        public const string None = "~";

        public static readonly ExportTo Everywhere = new ExportTo(Array.Empty<Located<string>>(), null, fromAnnotation: false, allowsNone: false);

        private readonly HashSet<string> _namespaces = new HashSet<string>(StringComparer.Ordinal);
        private readonly bool _local;
        private readonly bool _everywhere;
        private readonly bool _nowhere;
        private IReadOnlyList<string>? _scope;

        /// <param name="allowsNone">
        /// Istio accepts <c>~</c> here: on a ServiceEntry and in the Service annotation, not on a VirtualService or a
        /// DestinationRule, whose validation rejects it.
        /// </param>
        public ExportTo(IReadOnlyList<Located<string>> values, SourceSpan? span, bool fromAnnotation, bool allowsNone)
        {
            Values = values;
            Span = span;
            FromAnnotation = fromAnnotation;
            AllowsNone = allowsNone;

            // An entry Istio rejects (MT1015) or a placeholder leaves the scope unknown: the object is taken as seen
            // everywhere, so one mistake is one finding, not one per reference.
            bool unknown = false, all = false, none = false;
            foreach (var entry in values)
            {
                var value = entry.Value;
                if (value == All)
                {
                    all = true;
                }
                else if (value == None)
                {
                    none = true;
                    unknown |= !allowsNone;
                }
                else if (value == Local)
                {
                    _local = true;
                }
                else if (Placeholders.In(value) || KubernetesNames.CheckDns1123Label(value) != null)
                {
                    unknown = true;
                }
                else
                {
                    _namespaces.Add(value);
                }
            }

            // Pilot reads the Service annotation into a set: * makes it public, else ~ hides it from every namespace. On
            // a ServiceEntry, ~ beside other entries is rejected (unknown above unless it stands alone).
            unknown |= none && !fromAnnotation && values.Count > 1;
            _everywhere = values.Count == 0 || unknown || all;
            _nowhere = !_everywhere && none;
        }

        /// <summary>The entries as written, each with its position.</summary>
        public IReadOnlyList<Located<string>> Values { get; }

        /// <summary>The <c>exportTo:</c> key, or the annotation's key; null when the object has none.</summary>
        public SourceSpan? Span { get; }

        /// <summary>Read from the Service annotation <c>networking.istio.io/exportTo</c>, not from a spec field.</summary>
        public bool FromAnnotation { get; }

        /// <summary>Istio accepts <c>~</c> (no namespace) in this exportTo.</summary>
        public bool AllowsNone { get; }

        public bool IsEverywhere => _everywhere;

        /// <summary>True when an object of <paramref name="ownNamespace"/> with this exportTo is seen from <paramref name="ns"/>.</summary>
        public bool IsVisibleTo(string ownNamespace, string ns) =>
            _everywhere || (!_nowhere && ((_local && ns == ownNamespace) || _namespaces.Contains(ns)));

        /// <summary>
        /// The namespaces whose view decides what a VirtualService of <paramref name="ownNamespace"/> reaches, as
        /// istioctl's analyzers take them: its own namespace when it is exported everywhere, else each namespace it is
        /// exported to. An object exported to none is looked at from its own namespace.
        /// </summary>
        public IReadOnlyList<string> Scope(string ownNamespace) => ScopeOrEverywhere(ownNamespace) ?? new[] { ownNamespace };

        /// <summary>The namespaces an object of <paramref name="ownNamespace"/> is exported to; null when it is exported everywhere.</summary>
        public IReadOnlyList<string>? ScopeOrEverywhere(string ownNamespace)
        {
            if (_everywhere)
            {
                return null;
            }

            if (_scope == null)
            {
                var scope = new List<string>(_namespaces.Count + 1);
                if (_local)
                {
                    scope.Add(ownNamespace);
                }

                foreach (var ns in _namespaces)
                {
                    if (!(_local && ns == ownNamespace))
                    {
                        scope.Add(ns);
                    }
                }

                scope.Sort(StringComparer.Ordinal);
                _scope = scope.Count > 0 ? (IReadOnlyList<string>)scope : new[] { ownNamespace };
            }

            return _scope;
        }

        /// <summary>
        /// True when some namespace in <paramref name="scope"/> sees an object of <paramref name="ownNamespace"/>; a null
        /// scope is every namespace, which sees anything exported somewhere.
        /// </summary>
        public bool IsVisibleToAny(string ownNamespace, IReadOnlyList<string>? scope)
        {
            if (_everywhere)
            {
                return true;
            }

            if (scope == null)
            {
                return !_nowhere && (_local || _namespaces.Count > 0);
            }

            for (int i = 0; i < scope.Count; i++)
            {
                if (IsVisibleTo(ownNamespace, scope[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
