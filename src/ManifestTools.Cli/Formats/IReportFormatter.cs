using System.IO;

namespace ManifestTools.Cli.Formats
{
    internal interface IReportFormatter
    {
        void Write(LintReport report, TextWriter output);
    }
}
