using System.Collections.Generic;
using System.Globalization;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Yaml;

namespace ManifestTools.Loading
{
    /// <summary>
    /// Typed access to fields of a <see cref="YMapping"/>. A field of the wrong type is reported as MT0002 with its
    /// path and treated as absent, so one bad field never hides the rest of the object.
    /// </summary>
    internal sealed class FieldReader
    {
        private readonly string _file;
        private readonly List<ManifestDiagnostic> _diagnostics;

        public FieldReader(string file, List<ManifestDiagnostic> diagnostics)
        {
            _file = file;
            _diagnostics = diagnostics;
        }

        /// <summary>The object being read, named in MT0002 messages once its identity is known.</summary>
        public ObjectRef? Subject { get; set; }

        public int ErrorCount { get; private set; }

        public void Error(SourceSpan span, string message)
        {
            ErrorCount++;
            var what = Subject != null ? Subject + ": " : string.Empty;
            _diagnostics.Add(new ManifestDiagnostic(DiagnosticCatalog.InvalidObject, DiagnosticCatalog.InvalidObject.DefaultSeverity,
                _file, span, what + message, Subject));
        }

        public YMapping? Mapping(YMapping? parent, string key, FieldPath path) => Typed<YMapping>(parent, key, path, "a mapping", out _);

        public YMapping? Mapping(YMapping? parent, string key, FieldPath path, out SourceSpan keySpan) =>
            Typed<YMapping>(parent, key, path, "a mapping", out keySpan);

        public YSequence? Sequence(YMapping? parent, string key, FieldPath path) => Typed<YSequence>(parent, key, path, "a sequence", out _);

        public IEnumerable<(YMapping Item, FieldPath Path)> MappingItems(YMapping? parent, string key, FieldPath path)
        {
            var sequence = Sequence(parent, key, path);
            if (sequence == null)
            {
                yield break;
            }

            for (int i = 0; i < sequence.Items.Count; i++)
            {
                var itemPath = path.Index(i);
                if (sequence.Items[i] is YMapping mapping)
                {
                    yield return (mapping, itemPath);
                }
                else
                {
                    Error(sequence.Items[i].Span, $"{itemPath} must be a mapping, not {sequence.Items[i].KindName}");
                }
            }
        }

        /// <summary>A string field. Plain scalars that YAML resolves to a number or boolean are rejected, as the API server does.</summary>
        public Located<string>? String(YMapping? parent, string key, FieldPath path)
        {
            var scalar = Typed<YScalar>(parent, key, path, "a string", out _);
            if (scalar == null)
            {
                return null;
            }

            if (scalar.IsPlain && YamlScalars.IsNonString(scalar.Value))
            {
                Error(scalar.Span, $"{path} must be a string, but {scalar.Value} is read as {YamlScalars.Describe(scalar.Value)}; quote it: \"{scalar.Value}\"");
                return null;
            }

            return new Located<string>(scalar.Value, scalar.Span);
        }

        public Located<int>? Integer(YMapping? parent, string key, FieldPath path)
        {
            var scalar = Typed<YScalar>(parent, key, path, "an integer", out _);
            if (scalar == null)
            {
                return null;
            }

            if (scalar.IsPlain && YamlScalars.TryParseInteger(scalar.Value, out int value))
            {
                return new Located<int>(value, scalar.Span);
            }

            if (Placeholders.In(scalar.Value))
            {
                return null; // Substituted before the file is applied: the number is not known, and not wrong.
            }

            Error(scalar.Span, $"{path} must be an integer, not {(scalar.IsPlain ? scalar.Value : "the string \"" + scalar.Value + "\"")}");
            return null;
        }

        /// <summary>An int-or-string field such as targetPort: a plain integer is a number, anything else a port name.</summary>
        public PortReference? PortReference(YMapping? parent, string key, FieldPath path)
        {
            var scalar = Typed<YScalar>(parent, key, path, "a port number or name", out _);
            if (scalar == null)
            {
                return null;
            }

            return scalar.IsPlain && YamlScalars.TryParseInteger(scalar.Value, out int number)
                ? new PortReference(number, null, scalar.Span)
                : new PortReference(0, scalar.Value, scalar.Span);
        }

        public List<Located<string>> Strings(YMapping? parent, string key, FieldPath path)
        {
            var result = new List<Located<string>>();
            var sequence = Sequence(parent, key, path);
            if (sequence == null)
            {
                return result;
            }

            for (int i = 0; i < sequence.Items.Count; i++)
            {
                if (sequence.Items[i] is YScalar scalar && !scalar.IsNull)
                {
                    result.Add(new Located<string>(scalar.Value, scalar.Span));
                }
                else
                {
                    Error(sequence.Items[i].Span, $"{path}[{i}] must be a string, not {sequence.Items[i].KindName}");
                }
            }

            return result;
        }

        /// <summary>A map[string]string such as labels. Values must be strings: <c>version: 1.0</c> is rejected.</summary>
        public LabelMap? Labels(YMapping? parent, string key, FieldPath path)
        {
            var mapping = Typed<YMapping>(parent, key, path, "a mapping of strings", out var keySpan);
            if (mapping == null)
            {
                return null;
            }

            var labels = new List<Label>(mapping.Entries.Count);
            foreach (var entry in mapping.Entries)
            {
                if (!(entry.Value is YScalar value))
                {
                    Error(entry.Value.Span, $"{path}.{entry.Key.Value} must be a string, not {entry.Value.KindName}");
                    continue;
                }

                if (value.IsPlain && !value.IsNull && YamlScalars.IsNonString(value.Value))
                {
                    Error(value.Span, $"{path}.{entry.Key.Value} must be a string, but {value.Value} is read as {YamlScalars.Describe(value.Value)}; quote it: \"{value.Value}\"");
                    continue;
                }

                labels.Add(new Label(entry.Key.Value, value.IsNull ? string.Empty : value.Value, entry.Key.Span, value.Span));
            }

            return new LabelMap(labels, keySpan);
        }

        /// <summary>True when <c>parent[key]</c> is a scalar holding a placeholder such as <c>${PORT}</c>.</summary>
        public static bool HoldsPlaceholder(YMapping? parent, string key) =>
            parent != null && parent.TryGet(key, out _, out var node) && node is YScalar scalar && Placeholders.In(scalar.Value);

        public static SourceSpan KeySpan(YMapping parent, string key, SourceSpan fallback) =>
            parent.TryGet(key, out var keyNode, out _) ? keyNode.Span : fallback;

        private T? Typed<T>(YMapping? parent, string key, FieldPath path, string expected, out SourceSpan keySpan)
            where T : YNode
        {
            keySpan = default;
            if (parent == null || !parent.TryGet(key, out var keyNode, out var node))
            {
                return null;
            }

            keySpan = keyNode.Span;
            if (node is T typed && !(node is YScalar nullScalar && nullScalar.IsNull))
            {
                return typed;
            }

            if (node is YScalar scalar && scalar.IsNull)
            {
                return null; // JSON null decodes to the zero value, which the API treats as absent.
            }

            Error(node.Span, $"{path} must be {expected}, not {node.KindName}");
            return null;
        }
    }

    /// <summary>How Kubernetes' YAML decoder (YAML 1.1 rules) resolves plain scalars.</summary>
    internal static class YamlScalars
    {
        private static readonly HashSet<string> Booleans = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF",
        };

        private static bool MayStartNonString(char c) =>
            (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || "yYnNtTfFoO".IndexOf(c) >= 0;

        public static bool TryParseInteger(string text, out int value) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        public static bool IsNonString(string text) => Describe(text) != null;

        public static string? Describe(string text)
        {
            if (text.Length == 0 || text == "~" || text == "null" || text == "Null" || text == "NULL")
            {
                return "null";
            }

            if (!MayStartNonString(text[0]))
            {
                return null; // Nearly every value ("advertisements", "v1"): no parsing needed.
            }

            if (Booleans.Contains(text))
            {
                return "a boolean";
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ||
                (text.StartsWith("0x", System.StringComparison.Ordinal) && text.Length > 2 &&
                 long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _)))
            {
                return "a number";
            }

            if (char.IsDigit(text[text.Length - 1]) || text.EndsWith(".", System.StringComparison.Ordinal) || text.EndsWith("inf", System.StringComparison.OrdinalIgnoreCase))
            {
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text == ".inf" || text == "-.inf" || text == ".nan")
                {
                    return "a number";
                }
            }

            return null;
        }
    }
}
