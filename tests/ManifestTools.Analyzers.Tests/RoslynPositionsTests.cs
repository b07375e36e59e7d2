using ManifestTools.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ManifestTools.Analyzers.Tests
{
    public class RoslynPositionsTests
    {
        private static readonly SourceText Text = SourceText.From("kind: Service\nmetadata:\n  name: ads\n");

        [Fact]
        public void A_one_based_span_with_an_exclusive_end_becomes_zero_based_with_its_text_span()
        {
            var location = RoslynPositions.Location("/k8s/a.yaml", Text, new SourceSpan(3, 3, 3, 7));

            var lines = location.GetLineSpan();
            Assert.Equal("/k8s/a.yaml", lines.Path);
            Assert.Equal((2, 2, 2, 6), (lines.StartLinePosition.Line, lines.StartLinePosition.Character, lines.EndLinePosition.Line, lines.EndLinePosition.Character));
            Assert.Equal("name", Text.ToString(location.SourceSpan));
        }

        [Fact]
        public void Positions_outside_the_text_are_clamped_to_it()
        {
            // An unknown position (0,0), a column past the line's end and a line past the end of the text.
            Assert.Equal(new TextSpan(0, 0), RoslynPositions.Location("a", Text, SourceSpan.At(0, 0)).SourceSpan);
            Assert.Equal("Service", Text.ToString(RoslynPositions.Location("a", Text, new SourceSpan(1, 7, 1, 99)).SourceSpan));
            var pastEnd = RoslynPositions.Location("a", Text, new SourceSpan(9, 1, 9, 5));
            Assert.Equal(new TextSpan(Text.Length, 0), pastEnd.SourceSpan);
            Assert.Equal(3, pastEnd.GetLineSpan().StartLinePosition.Line);
        }

        [Fact]
        public void An_end_before_the_start_becomes_an_empty_span_at_the_start()
        {
            var location = RoslynPositions.Location("a", Text, new SourceSpan(2, 5, 1, 1));

            Assert.Equal(new TextSpan(Text.Lines[1].Start + 4, 0), location.SourceSpan);
        }
    }
}
