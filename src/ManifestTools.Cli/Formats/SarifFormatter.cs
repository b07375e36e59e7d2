using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ManifestTools.Diagnostics;

namespace ManifestTools.Cli.Formats
{
    /// <summary>
    /// SARIF 2.1.0 as GitHub code scanning ingests it: every rule with its help, results with relative URIs
    /// under %SRCROOT% (the checkout root), so uploads from any runner path line up with the repository.
    /// </summary>
    internal sealed class SarifFormatter : IReportFormatter
    {
        private readonly string _toolVersion;

        public SarifFormatter(string toolVersion) => _toolVersion = toolVersion;

        public void Write(LintReport report, TextWriter output)
        {
            var rules = DiagnosticCatalog.Lint;
            var ruleIndex = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i);
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, JsonFormatter.WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();
                WriteTool(json, rules);
                json.WriteString("columnKind", "utf16CodeUnits");
                json.WriteStartArray("results");
                foreach (var d in report.Diagnostics)
                {
                    WriteResult(json, d, ruleIndex[d.Id]);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            output.Write('\n');
        }

        private void WriteTool(Utf8JsonWriter json, IReadOnlyList<DiagnosticDescriptor> rules)
        {
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "manifest-tools");
            json.WriteString("version", _toolVersion);
            json.WriteString("semanticVersion", _toolVersion);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Name);
                WriteText(json, "shortDescription", rule.Title);
                WriteText(json, "fullDescription", rule.Help);
                json.WriteStartObject("help");
                json.WriteString("text", rule.Help);
                json.WriteString("markdown", $"{rule.Help}\n\nSee [{rule.Id}]({rule.HelpAnchor}) in the rule documentation.");
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", SeverityNames.Sarif(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteStartArray("tags");
                json.WriteStringValue("kubernetes");
                json.WriteStringValue(rule.Id.StartsWith("MT1", StringComparison.Ordinal) ? "istio" : "manifest");
                json.WriteEndArray();
                json.WriteString("problem.severity", rule.DefaultSeverity == Severity.Info ? "recommendation" : SeverityNames.Lower(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteResult(Utf8JsonWriter json, ManifestDiagnostic d, int ruleIndex)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", d.Id);
            json.WriteNumber("ruleIndex", ruleIndex);
            json.WriteString("level", SeverityNames.Sarif(d.Severity));
            WriteText(json, "message", d.Message);
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            if (Path.IsPathRooted(d.File))
            {
                json.WriteString("uri", new Uri(d.File).AbsoluteUri);
            }
            else
            {
                json.WriteString("uri", string.Join("/", d.File.Split('/').Select(Uri.EscapeDataString)));
                json.WriteString("uriBaseId", "%SRCROOT%");
            }

            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", d.Span.Line);
            json.WriteNumber("startColumn", d.Span.Column);
            json.WriteNumber("endLine", Math.Max(d.Span.EndLine, d.Span.Line));
            json.WriteNumber("endColumn", d.Span.EndLine > d.Span.Line ? d.Span.EndColumn : Math.Max(d.Span.EndColumn, d.Span.Column));
            json.WriteEndObject();
            json.WriteEndObject();
            if (d.Subject != null)
            {
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("name", d.Subject.Name);
                json.WriteString("fullyQualifiedName", d.Subject.ToString());
                json.WriteString("kind", "resource");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteText(Utf8JsonWriter json, string name, string text)
        {
            json.WriteStartObject(name);
            json.WriteString("text", text);
            json.WriteEndObject();
        }
    }
}
