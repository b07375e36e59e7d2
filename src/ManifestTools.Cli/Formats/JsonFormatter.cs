using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using ManifestTools.Diagnostics;

namespace ManifestTools.Cli.Formats
{
    /// <summary>A <c>diagnostics</c> array with exactly the documented fields, and a <c>summary</c>.</summary>
    internal sealed class JsonFormatter : IReportFormatter
    {
        internal static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Output is a file, never embedded in HTML.
        };

        public void Write(LintReport report, TextWriter output)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteStartArray("diagnostics");
                foreach (var d in report.Diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("id", d.Id);
                    json.WriteString("severity", SeverityNames.Lower(d.Severity));
                    json.WriteString("file", d.File);
                    json.WriteNumber("line", d.Span.Line);
                    json.WriteNumber("column", d.Span.Column);
                    WriteNullable(json, "kind", d.Subject?.Kind);
                    WriteNullable(json, "namespace", d.Subject?.Namespace);
                    WriteNullable(json, "name", d.Subject?.Name);
                    json.WriteString("message", d.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartObject("summary");
                json.WriteNumber("files", report.FileCount);
                json.WriteNumber("objects", report.ObjectCount);
                json.WriteNumber("errors", report.Diagnostics.Count(d => d.Severity == Severity.Error));
                json.WriteNumber("warnings", report.Diagnostics.Count(d => d.Severity == Severity.Warning));
                json.WriteNumber("infos", report.Diagnostics.Count(d => d.Severity == Severity.Info));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            output.Write('\n');
        }

        private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
        {
            if (value == null)
            {
                json.WriteNull(name);
            }
            else
            {
                json.WriteString(name, value);
            }
        }
    }
}
