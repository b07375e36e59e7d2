using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    /// <summary>
    /// Istio's <c>exportTo</c>: the namespaces that see an object. <c>.</c> is the object's own namespace, <c>*</c> every
    /// namespace, <c>~</c> none; other entries name a namespace. An empty list means every namespace (the mesh default).
    /// </summary>
    public sealed class ExportTo
    {
        public const string Local = ".";
        public const string All = "*";
        public const string None = "~";

        public static readonly ExportTo Everywhere = new ExportTo(Array.Empty<Located<string>>(), null, fromAnnotation: false, allowsNone: false);

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
            foreach (var value in values)
            {
                if (Placeholders.In(value.Value) || (value.Value == None && !allowsNone) ||
                    (value.Value != Local && value.Value != All && value.Value != None && KubernetesNames.CheckDns1123Label(value.Value) != null))
                {
                    _unknown = true;
                }
            }
        }

        // An entry Istio rejects (MT1015) or a placeholder leaves the scope unknown: the object is taken as seen
        // everywhere, so one typo is one finding, not one per reference.
        private readonly bool _unknown;

        /// <summary>The entries as written, each with its position.</summary>
        public IReadOnlyList<Located<string>> Values { get; }

        /// <summary>The <c>exportTo:</c> key, or the annotation's key; null when the object has none.</summary>
        public SourceSpan? Span { get; }

        /// <summary>Read from the Service annotation <c>networking.istio.io/exportTo</c>, not from a spec field.</summary>
        public bool FromAnnotation { get; }

        /// <summary>Istio accepts <c>~</c> (no namespace) in this exportTo.</summary>
        public bool AllowsNone { get; }

        public bool IsEverywhere
        {
            get
            {
                if (Values.Count == 0 || _unknown)
                {
                    return true;
                }

                foreach (var value in Values)
                {
                    if (value.Value == All)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>True when an object of <paramref name="ownNamespace"/> with this exportTo is seen from <paramref name="ns"/>.</summary>
        public bool IsVisibleTo(string ownNamespace, string ns)
        {
            if (IsEverywhere)
            {
                return true;
            }

            foreach (var value in Values)
            {
                if ((value.Value == Local && ns == ownNamespace) || value.Value == ns)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The namespaces whose view decides what a VirtualService of <paramref name="ownNamespace"/> reaches, as
        /// istioctl's analyzers take them: its own namespace when it is exported everywhere, else each namespace it is
        /// exported to. An object exported to none (which Istio rejects) is looked at from its own namespace.
        /// </summary>
        public IReadOnlyList<string> Scope(string ownNamespace)
        {
            return ScopeOrEverywhere(ownNamespace) ?? new[] { ownNamespace };
        }

        /// <summary>
        /// The namespaces an object of <paramref name="ownNamespace"/> is exported to; null when it is exported everywhere.
        /// </summary>
        public IReadOnlyList<string>? ScopeOrEverywhere(string ownNamespace)
        {
            if (IsEverywhere)
            {
                return null;
            }

            var scope = new List<string>(Values.Count);
            foreach (var value in Values)
            {
                var ns = value.Value == Local ? ownNamespace : value.Value;
                if (ns != None && !scope.Contains(ns))
                {
                    scope.Add(ns);
                }
            }

            return scope.Count > 0 ? (IReadOnlyList<string>)scope : new[] { ownNamespace };
        }

        /// <summary>
        /// True when some namespace in <paramref name="scope"/> sees an object of <paramref name="ownNamespace"/>; a null
        /// scope is every namespace, which sees anything exported somewhere.
        /// </summary>
        public bool IsVisibleToAny(string ownNamespace, IReadOnlyList<string>? scope)
        {
            if (scope == null)
            {
                foreach (var value in Values)
                {
                    if (value.Value != None)
                    {
                        return true;
                    }
                }

                return Values.Count == 0;
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
