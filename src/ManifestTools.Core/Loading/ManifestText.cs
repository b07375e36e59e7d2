using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ManifestTools.Diagnostics;

namespace ManifestTools.Loading
{
    /// <summary>Whether a file that could not be read as YAML was meant to be a manifest.</summary>
    internal static class ManifestText
    {
        /// <summary>An <c>apiVersion:</c> or <c>kind:</c> key at the start of a line or of a flow mapping entry (YAML), or a <c>"kind":</c> key anywhere (JSON).</summary>
        private static readonly Regex Key = new Regex(
            @"(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)(?:apiVersion|kind|""apiVersion""|""kind""|'apiVersion'|'kind')[ \t]*:|""(?:apiVersion|kind)""[ \t\r\n]*:",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>A Jinja statement line (<c>{% if x %}</c>): never YAML, so a file that has one is a template.</summary>
        private static readonly Regex StatementLine = new Regex(@"^[ \t]*\{%", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>
        /// True for a Go or Jinja template that has not been rendered: a finding stands on a line that holds a template
        /// action (<c>{{ … }}</c>, <c>{% … %}</c>), or the file does not parse and has Jinja statement lines. A file
        /// whose actions sit in a block scalar (an Alertmanager template in a ConfigMap) parses, so its findings stay.
        /// </summary>
        public static bool IsUnrenderedTemplate(string text, IReadOnlyList<ManifestDiagnostic> diagnostics)
        {
            if (diagnostics.Count == 0 || (text.IndexOf("{{", StringComparison.Ordinal) < 0 && text.IndexOf("{%", StringComparison.Ordinal) < 0))
            {
                return false;
            }

            var lines = text.Split('\n');
            foreach (var d in diagnostics)
            {
                if (d.Span.Line >= 1 && d.Span.Line <= lines.Length &&
                    (lines[d.Span.Line - 1].IndexOf("{{", StringComparison.Ordinal) >= 0 || lines[d.Span.Line - 1].IndexOf("{%", StringComparison.Ordinal) >= 0))
                {
                    return true;
                }
            }

            bool unparsed = false;
            foreach (var d in diagnostics)
            {
                unparsed |= d.Id == DiagnosticCatalog.YamlSyntax.Id;
            }

            return unparsed && StatementLine.IsMatch(text);
        }

        /// <summary>How much of a file is searched: a manifest names its kind near the top.</summary>
        private const int Head = 1 << 20;

        public static bool DeclaresKind(string text) => Key.IsMatch(text.Length > Head ? text.Substring(0, Head) : text);

        /// <summary>For bytes that are not UTF-8: the keys are ASCII, so each byte is read as one character.</summary>
        public static bool DeclaresKind(byte[] bytes, int count)
        {
            var chars = new char[System.Math.Min(count, Head)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return DeclaresKind(new string(chars));
        }
    }
}
