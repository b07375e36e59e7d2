using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    public sealed class SelectorRequirement
    {
        public SelectorRequirement(string key, string @operator, IReadOnlyList<string> values)
        {
            Key = key;
            Operator = @operator;
            Values = values;
        }

        public string Key { get; }

        /// <summary>In, NotIn, Exists or DoesNotExist, as metav1.LabelSelectorRequirement defines.</summary>
        public string Operator { get; }

        public IReadOnlyList<string> Values { get; }

        public bool Matches(LabelMap labels)
        {
            bool has = labels.TryGetValue(Key, out var value);
            switch (Operator)
            {
                case "In": return has && Values.Contains(value, StringComparer.Ordinal);
                case "NotIn": return !has || !Values.Contains(value, StringComparer.Ordinal);
                case "Exists": return has;
                case "DoesNotExist": return !has;
                default: return false;
            }
        }

        public override string ToString() => Operator switch
        {
            "Exists" => Key,
            "DoesNotExist" => "!" + Key,
            _ => $"{Key} {Operator.ToLowerInvariant()} ({string.Join(",", Values)})",
        };
    }

    /// <summary>A metav1.LabelSelector: matchLabels plus matchExpressions, all of which must hold.</summary>
    public sealed class LabelSelector
    {
        public LabelSelector(LabelMap matchLabels, IReadOnlyList<SelectorRequirement> matchExpressions, SourceSpan span)
        {
            MatchLabels = matchLabels;
            MatchExpressions = matchExpressions;
            Span = span;
        }

        public LabelMap MatchLabels { get; }
        public IReadOnlyList<SelectorRequirement> MatchExpressions { get; }

        /// <summary>The position of the <c>selector:</c> key.</summary>
        public SourceSpan Span { get; }

        public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

        public bool Matches(LabelMap labels) =>
            MatchLabels.IsSubsetOf(labels) && MatchExpressions.All(requirement => requirement.Matches(labels));

        public override string ToString()
        {
            var parts = new List<string>();
            if (MatchLabels.Count > 0)
            {
                parts.Add(MatchLabels.ToString());
            }

            parts.AddRange(MatchExpressions.Select(e => e.ToString()));
            return parts.Count == 0 ? "everything" : string.Join(",", parts);
        }
    }
}
