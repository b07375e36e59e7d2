using System.IO;

namespace ManifestTools.Cli.Formats
{
    /// <summary>GitHub Actions workflow commands, which annotate the pull request at each line.</summary>
    internal sealed class GitHubFormatter : IReportFormatter
    {
        public void Write(LintReport report, TextWriter output)
        {
            foreach (var d in report.Diagnostics)
            {
                var subject = d.Subject != null ? $" [{d.Subject}]" : string.Empty;
                output.WriteLine(
                    $"::{SeverityNames.GitHub(d.Severity)} file={Property(d.File)},line={d.Span.Line},col={d.Span.Column}," +
                    $"endLine={d.Span.EndLine},endColumn={d.Span.EndColumn},title={Property(d.Id + " " + d.Descriptor.Title)}::{Data(d.Message + subject)}");
            }

            output.WriteLine(TextFormatter.Summary(report));
        }

        // Escaping as the Actions runner's command parser expects (actions/toolkit core/command.ts).
        private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
    }
}
