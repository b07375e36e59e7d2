using ManifestTools.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ManifestTools.Analyzers
{
    /// <summary>The one place this adapter turns core spans into Roslyn locations.</summary>
    internal static class RoslynPositions
    {
        /// <summary>
        /// Core spans are 1-based with an exclusive end; Roslyn's line positions are 0-based. Positions are clamped to
        /// the text, so a span past a line's end or an unknown line (0) still yields a valid location.
        /// </summary>
        public static Location Location(string path, SourceText text, SourceSpan span)
        {
            var start = Clamp(text, span.Line - 1, span.Column - 1);
            var end = Clamp(text, span.EndLine - 1, span.EndColumn - 1);
            if (end.Position < start.Position)
            {
                end = start;
            }

            return Microsoft.CodeAnalysis.Location.Create(path, TextSpan.FromBounds(start.Position, end.Position),
                new LinePositionSpan(start.LinePosition, end.LinePosition));
        }

        private static (int Position, LinePosition LinePosition) Clamp(SourceText text, int line, int column)
        {
            if (line < 0)
            {
                line = 0;
                column = 0;
            }
            else if (line >= text.Lines.Count)
            {
                line = text.Lines.Count - 1;
                column = int.MaxValue;
            }

            var textLine = text.Lines[line];
            int clamped = column < 0 ? 0 : column > textLine.Span.Length ? textLine.Span.Length : column;
            return (textLine.Start + clamped, new LinePosition(line, clamped));
        }
    }
}
