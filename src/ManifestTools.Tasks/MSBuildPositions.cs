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
            string message = OneLine(finding.Message);
            int line = span.Line, column = span.Line > 0 ? span.Column : 0;
            int endLine = span.Line > 0 ? span.EndLine : 0, endColumn = span.Line > 0 ? span.EndColumn : 0;
            switch (finding.Severity)
            {
                case Severity.Error:
                    log.LogError(null, finding.Id, finding.Id, finding.File, line, column, endLine, endColumn, message);
                    break;
                case Severity.Warning:
                    log.LogWarning(null, finding.Id, finding.Id, finding.File, line, column, endLine, endColumn, message);
                    break;
                default:
                    log.LogMessage(null, finding.Id, finding.Id, finding.File, line, column, endLine, endColumn, MessageImportance.High, message);
                    break;
            }
        }

        /// <summary>
        /// One finding is one MSBuild message: the console logger prints every line of a message as an error of its
        /// own, so a declared value with a line break in it is shown escaped, as are other control characters.
        /// </summary>
        private static string OneLine(string message)
        {
            var builder = new System.Text.StringBuilder(message.Length);
            foreach (char c in message)
            {
                switch (c)
                {
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }
    }
}