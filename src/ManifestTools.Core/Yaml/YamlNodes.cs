using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Yaml
{
    /// <summary>
    /// A lightweight YAML node built straight from parser events. It lives only while one document is turned
    /// into the typed model, so it keeps nothing but values and positions.
    /// </summary>
    public abstract class YNode
    {
        protected YNode(SourceSpan span) => Span = span;

        public SourceSpan Span { get; }

        public abstract string KindName { get; }
    }

    public sealed class YScalar : YNode
    {
        public YScalar(string value, bool isPlain, SourceSpan span) : base(span)
        {
            Value = value;
            IsPlain = isPlain;
        }

        public string Value { get; }

        /// <summary>Plain (unquoted) scalars are the only ones YAML resolves to numbers, booleans or null.</summary>
        public bool IsPlain { get; }

        public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        public override string KindName => IsNull ? "null" : "a scalar";
    }

    public sealed class YSequence : YNode
    {
        public YSequence(List<YNode> items, SourceSpan span) : base(span) => Items = items;

        public List<YNode> Items { get; }

        public override string KindName => "a sequence";
    }

    public sealed class YMapping : YNode
    {
        public YMapping(List<KeyValuePair<YScalar, YNode>> entries, SourceSpan span) : base(span) => Entries = entries;

        /// <summary>Entries in document order; keys that are not scalars are dropped by the reader.</summary>
        public List<KeyValuePair<YScalar, YNode>> Entries { get; }

        public override string KindName => "a mapping";

        /// <summary>Linear lookup: Kubernetes mappings are small, and the reader caps every document's size.</summary>
        public bool TryGet(string key, out YScalar keyNode, out YNode value)
        {
            foreach (var entry in Entries)
            {
                if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                {
                    keyNode = entry.Key;
                    value = entry.Value;
                    return true;
                }
            }

            keyNode = null!;
            value = null!;
            return false;
        }
    }
}
