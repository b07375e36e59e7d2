using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ManifestTools.Yaml;

namespace ManifestTools.Loading
{
    /// <summary>
    /// One text per value, whatever its layout: flow or block style, key order and quoting do not change it, so two
    /// route conditions compare by what they say.
    /// </summary>
    internal static class CanonicalYaml
    {
        public static string Of(YNode node)
        {
            var text = new StringBuilder();
            Write(node, text);
            return text.ToString();
        }

        private static void Write(YNode node, StringBuilder text)
        {
            switch (node)
            {
                case YScalar scalar:
                    text.Append(scalar.IsNull ? "null" : "\"" + scalar.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"");
                    break;
                case YSequence sequence:
                    text.Append('[');
                    for (int i = 0; i < sequence.Items.Count; i++)
                    {
                        if (i > 0)
                        {
                            text.Append(',');
                        }

                        Write(sequence.Items[i], text);
                    }

                    text.Append(']');
                    break;
                case YMapping mapping:
                    text.Append('{');
                    bool first = true;
                    // A string match is one entry ({exact: v}): no order to impose.
                    IEnumerable<KeyValuePair<YScalar, YNode>> entries = mapping.Entries.Count < 2
                        ? mapping.Entries
                        : mapping.Entries.OrderBy(e => e.Key.Value, StringComparer.Ordinal);
                    foreach (var entry in entries)
                    {
                        if (!first)
                        {
                            text.Append(',');
                        }

                        first = false;
                        Write(entry.Key, text);
                        text.Append(':');
                        Write(entry.Value, text);
                    }

                    text.Append('}');
                    break;
            }
        }
    }
}
