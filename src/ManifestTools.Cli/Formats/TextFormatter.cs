using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Cli.Formats
{
    /// <summary><c>path(line,col): error MT1001: message [Kind namespace/name]</c>, the shape MSBuild and IDEs parse.</summary>
    internal sealed class TextFormatter : IReportFormatter
    {
        public void Write(LintReport report, TextWriter output)
        {
            foreach (var d in report.Diagnostics)
            {
                var subject = d.Subject != null ? $" [{d.Subject}]" : string.Empty;
                output.WriteLine($"{d.File}({d.Span.Line},{d.Span.Column}): {SeverityNames.Lower(d.Severity)} {d.Id}: {d.Message}{subject}");
            }

            output.WriteLine(Summary(report));
        }

        public static string Summary(LintReport report)
        {
            int errors = report.Diagnostics.Count(d => d.Severity == Severity.Error);
            int warnings = report.Diagnostics.Count(d => d.Severity == Severity.Warning);
            return $"{Count(errors, "error")}, {Count(warnings, "warning")} in {Count(report.FileCount, "file")} ({Count(report.ObjectCount, "object")})";
        }

        private static string Count(int n, string noun) => n + " " + noun + (n == 1 ? string.Empty : "s");
    }
}
