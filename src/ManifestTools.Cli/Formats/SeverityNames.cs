using ManifestTools.Diagnostics;

namespace ManifestTools.Cli.Formats
{
    internal static class SeverityNames
    {
        public static string Lower(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };

        public static string Sarif(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        };

        public static string GitHub(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
    }
}
