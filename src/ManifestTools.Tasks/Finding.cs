using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tasks
{
    /// <summary>
    /// A finding as the tasks keep it between builds. Generation and linting write their findings to a file that the
    /// report target replays on every build, so warnings do not vanish when the work itself is skipped as up to date.
    /// </summary>
    internal sealed class Finding
    {
        public Finding(Severity severity, string id, string file, SourceSpan span, string message)
        {
            Severity = severity;
            Id = id;
            File = file;
            Span = span;
            Message = message;
        }

        public Severity Severity { get; }
        public string Id { get; }
        public string File { get; }
        public SourceSpan Span { get; }
        public string Message { get; }

        public static Finding From(ManifestDiagnostic diagnostic) =>
            new Finding(diagnostic.Severity, diagnostic.Id, diagnostic.File, diagnostic.Span, diagnostic.Message);

        /// <summary>Writes the findings, or deletes the file when there are none: the report target only checks that it exists.</summary>
        public static void WriteAll(string path, IEnumerable<Finding> findings)
        {
            var lines = findings.Select(Format).ToList();
            if (lines.Count == 0)
            {
                if (System.IO.File.Exists(path))
                {
                    System.IO.File.Delete(path);
                }

                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            System.IO.File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        }

        public static IEnumerable<Finding> ReadAll(string path)
        {
            if (!System.IO.File.Exists(path))
            {
                yield break;
            }

            foreach (var line in System.IO.File.ReadAllLines(path, Encoding.UTF8))
            {
                var fields = line.Split('\t');
                if (fields.Length == 8 && Enum.TryParse(fields[0], out Severity severity))
                {
                    yield return new Finding(severity, fields[1], Unescape(fields[2]),
                        new SourceSpan(Int(fields[3]), Int(fields[4]), Int(fields[5]), Int(fields[6])), Unescape(fields[7]));
                }
            }
        }

        private static string Format(Finding f) => string.Join("\t",
            f.Severity.ToString(), f.Id, Escape(f.File),
            Str(f.Span.Line), Str(f.Span.Column), Str(f.Span.EndLine), Str(f.Span.EndColumn), Escape(f.Message));

        private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static int Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : 0;

        private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

        private static string Unescape(string text)
        {
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    char next = text[++i];
                    builder.Append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
                }
                else
                {
                    builder.Append(text[i]);
                }
            }

            return builder.ToString();
        }
    }
}
