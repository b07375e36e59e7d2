using ManifestTools.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ManifestTools.Tasks
{
    /// <summary>The one place this adapter turns core findings into MSBuild messages.</summary>
    internal static class MSBuildPositions
    {
        /// <summary>
        /// Core spans are 1-based with an exclusive end, which is what MSBuild and the compiler print, so only an unknown
        /// line (0) needs care: MSBuild then reports at the file alone.
        /// </summary>
        public static void Log(TaskLoggingHelper log, Finding finding)
        {
            var span = finding.Span;
            int line = span.Line, column = span.Line > 0 ? span.Column : 0;
            int endLine = span.Line > 0 ? span.EndLine : 0, endColumn = span.Line > 0 ? span.EndColumn : 0;
            switch (finding.Severity)
            {
                case Severity.Error:
                    log.LogError(null, finding.Id, finding.Id, finding.File, line, column, endLine, endColumn, finding.Message);
                    break;
                case Severity.Warning:
                    log.LogWarning(null, finding.Id, finding.Id, finding.File, line, column, endLine, endColumn, finding.Message);
                    break;
                default:
                    log.LogMessage(null, finding.Id, finding.Id, finding.File, line, column, endLine, endColumn, MessageImportance.High, finding.Message);
                    break;
            }
        }
    }
}
