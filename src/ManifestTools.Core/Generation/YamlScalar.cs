using System;
using System.Globalization;
using System.Text;
using ManifestTools.Yaml;

namespace ManifestTools.Generation
{
    /// <summary>Writes a value as a YAML scalar that every YAML 1.1 and 1.2 reader types the same way.</summary>
    public static class YamlScalar
    {
        public static string Format(object? value)
        {
            switch (value)
            {
                case null:
                    return "null";
                case bool b:
                    return b ? "true" : "false";
                case int or long or short or byte or uint or ulong or ushort or sbyte:
                    return Convert.ToString(value, CultureInfo.InvariantCulture)!;
                default:
                    return String(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
            }
        }

        /// <summary>A string stays plain only when no reader could take it for a number, boolean or null, or for syntax.</summary>
        public static string String(string text) => IsPlainSafe(text) ? text : DoubleQuoted(text);

        private static bool IsPlainSafe(string text)
        {
            if (text.Length == 0 || !(char.IsLetter(text[0]) && text[0] < 128))
            {
                return false;
            }

            foreach (char c in text)
            {
                bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/';
                if (!allowed)
                {
                    return false;
                }
            }

            switch (text.ToLowerInvariant())
            {
                // YAML 1.1 booleans and null, which kubectl's reader still honours.
                case "y": case "n": case "yes": case "no": case "on": case "off": case "true": case "false": case "null":
                    return false;
                default:
                    return true;
            }
        }

        private static string DoubleQuoted(string text)
        {
            var builder = new StringBuilder(text.Length + 2).Append('"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    // No YAML form exists: go-yaml rejects the \ud800 escape too. A template error, at the call.
                    throw new ArgumentException($"the value holds a lone surrogate (U+{(int)c:X4}), which no YAML file can hold");
                }

                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        // Everything YAML does not allow raw (C0, DEL, C1, U+FFFE/U+FFFF), the YAML 1.1
                        // line breaks and the byte order mark: go-yaml rejects or re-reads these when they stand raw.
                        if (!YamlCharacters.IsPrintableInLine(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
