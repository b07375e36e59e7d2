using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    public readonly struct Label
    {
        public Label(string key, string value, SourceSpan keySpan, SourceSpan valueSpan)
        {
            Key = key;
            Value = value;
            KeySpan = keySpan;
            ValueSpan = valueSpan;
        }

        public string Key { get; }
        public string Value { get; }
        public SourceSpan KeySpan { get; }
        public SourceSpan ValueSpan { get; }

        public override string ToString() => Key + "=" + Value;
    }

    /// <summary>A label set that remembers where each label and the map itself were written.</summary>
    public sealed class LabelMap : IReadOnlyCollection<Label>
    {
        private readonly List<Label> _labels;
        private Dictionary<string, string>? _index;

        public LabelMap(List<Label> labels, SourceSpan span)
        {
            _labels = labels;
            Span = span;
        }

        public static LabelMap Empty { get; } = new LabelMap(new List<Label>(), default);

        /// <summary>The position of the field's key (<c>labels:</c>, <c>matchLabels:</c>, <c>selector:</c>).</summary>
        public SourceSpan Span { get; }

        public int Count => _labels.Count;

        public bool TryGetValue(string key, out string value)
        {
            if (_labels.Count > 8)
            {
                // Matching a selector looks up every label: index large maps so that stays linear, not quadratic.
                // Rules run in parallel: publish the index once, whichever thread builds it first.
                var index = _index ?? System.Threading.Interlocked.CompareExchange(ref _index, BuildIndex(_labels), null) ?? _index;
                if (index.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = string.Empty;
                return false;
            }

            foreach (var label in _labels)
            {
                if (string.Equals(label.Key, key, StringComparison.Ordinal))
                {
                    value = label.Value;
                    return true;
                }
            }

            value = string.Empty;
            return false;
        }

        /// <summary>These labels laid over <paramref name="below"/>: its labels of other keys are added, and these win where both have a key.</summary>
        public LabelMap Over(LabelMap below)
        {
            var labels = new List<Label>(_labels);
            foreach (var label in below)
            {
                if (!TryGetValue(label.Key, out _))
                {
                    labels.Add(label);
                }
            }

            return new LabelMap(labels, Span);
        }

        /// <summary>Both label sets at once, or null when they want different values for one key (nothing can carry both).</summary>
        public LabelMap? Union(LabelMap other)
        {
            var labels = new List<Label>(_labels);
            foreach (var label in other)
            {
                if (!TryGetValue(label.Key, out var value))
                {
                    labels.Add(label);
                }
                else if (!string.Equals(value, label.Value, StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return new LabelMap(labels, Span);
        }

        /// <summary>True when every label here is carried, with the same value, by <paramref name="other"/>.</summary>
        public bool IsSubsetOf(LabelMap other)
        {
            foreach (var label in _labels)
            {
                if (!other.TryGetValue(label.Key, out var value) || !string.Equals(value, label.Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The first label of a key wins, as in the linear scan.</summary>
        private static Dictionary<string, string> BuildIndex(List<Label> labels)
        {
            var index = new Dictionary<string, string>(labels.Count, StringComparer.Ordinal);
            foreach (var label in labels)
            {
                if (!index.ContainsKey(label.Key))
                {
                    index.Add(label.Key, label.Value);
                }
            }

            return index;
        }

        /// <summary>A struct enumerator: the rules walk label maps in their inner loops, where a boxed one allocates per loop.</summary>
        public List<Label>.Enumerator GetEnumerator() => _labels.GetEnumerator();

        IEnumerator<Label> IEnumerable<Label>.GetEnumerator() => _labels.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _labels.GetEnumerator();

        /// <summary><c>app=ads,version=v2</c>, sorted by key so messages are stable.</summary>
        public override string ToString() => Format(_labels);

        public static string Format(IEnumerable<Label> labels) =>
            string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.ToString()));
    }
}
