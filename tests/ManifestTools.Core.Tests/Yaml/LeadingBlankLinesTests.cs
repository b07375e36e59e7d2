using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;
using ManifestTools.Yaml;

namespace ManifestTools.Tests.Yaml
{
    /// <summary>
    /// Block scalars whose first lines hold only spaces, which YamlDotNet refuses and go-yaml reads (kubectl's verdicts
    /// are in <see cref="GoYamlAgreementTests"/>): the values, the positions around them, and the copy's safety checks.
    /// </summary>
    public class LeadingBlankLinesTests
    {
        private const string Header = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n";

        private static (YMapping Data, List<ManifestDiagnostic> Diagnostics) Read(string data)
        {
            var diagnostics = new List<ManifestDiagnostic>();
            var roots = new List<YNode>();
            new YamlDocumentReader("a.yaml", InputLimits.Default, diagnostics).Read(Header + data, roots.Add);
            var root = (YMapping)Assert.Single(roots);
            Assert.True(root.TryGet("data", out _, out var values));
            return ((YMapping)values, diagnostics);
        }

        private static string Value(YMapping data, string key)
        {
            Assert.True(data.TryGet(key, out _, out var value));
            return ((YScalar)value).Value;
        }

        [Fact]
        public void ABlankFirstLineIsAnEmptyLineOfTheScalar()
        {
            var (data, diagnostics) = Read("  script: |\n    \n    echo hi\n  next: x\n");

            Assert.Empty(diagnostics);
            Assert.Equal("\necho hi\n", Value(data, "script"));
            Assert.Equal("x", Value(data, "next"));
        }

        [Fact]
        public void PastAnExplicitIndentationTheSpacesAreText()
        {
            var (data, diagnostics) = Read("  script: |2\n      \n    echo hi\n  chomped: |2-\n       \n");

            Assert.Empty(diagnostics);
            Assert.Equal("  \necho hi\n", Value(data, "script"));
            Assert.Equal("   ", Value(data, "chomped"));
        }

        [Fact]
        public void TextInsideABlockScalarIsNeverChanged()
        {
            // The embedded file's own block scalar opens with a line of 8 spaces, 4 of them text of the outer scalar.
            var (data, diagnostics) = Read("  app.yaml: |\n    \n    server: |\n        \n      x\n");

            Assert.Empty(diagnostics);
            Assert.Equal("\nserver: |\n    \n  x\n", Value(data, "app.yaml"));
        }

        [Fact]
        public void PositionsAfterTheScalarDoNotMove()
        {
            var (data, _) = Read("  a: |\n      \n      one\n  b: |2\n        \n      two\n  c: \"three\"\n");

            Assert.True(data.TryGet("c", out var key, out var value));
            Assert.Equal((12, 3, 12, 4), (key.Span.Line, key.Span.Column, key.Span.EndLine, key.Span.EndColumn));
            Assert.Equal((12, 6, 12, 13), (value.Span.Line, value.Span.Column, value.Span.EndLine, value.Span.EndColumn));
            Assert.True(data.TryGet("b", out _, out var b));
            Assert.Equal((9, 6), (b.Span.Line, b.Span.Column));
        }

        [Fact]
        public void ABlankLineDeeperThanTheTextIsReportedWhereTheExtraSpacesAre()
        {
            var file = ManifestParser.ParseText("a.yaml", Header + "  script: |\n      \n    echo hi\n", new LintOptions());

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0001", error.Id);
            Assert.Equal((7, 5, 7, 7), (error.Span.Line, error.Span.Column, error.Span.EndLine, error.Span.EndColumn));
            Assert.Contains("6 spaces, more than the 4", error.Message);
            Assert.Equal("c", Assert.Single(file.Objects).Name);
        }

        [Fact]
        public void ATabInTheOpeningLinesIsReportedAtTheTab()
        {
            var file = ManifestParser.ParseText("a.yaml", Header + "  script: >\n    \n    \t\n    echo hi\n", new LintOptions());

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0001", error.Id);
            Assert.Equal((8, 5), (error.Span.Line, error.Span.Column));
            Assert.Contains("found a tab character where an indentation space is expected", error.Message);
        }

        [Fact]
        public void ATabAfterAnExplicitIndentationIsText()
        {
            var (data, diagnostics) = Read("  script: |2\n    \t\n    echo hi\n");

            Assert.Empty(diagnostics);
            Assert.Equal("\t\necho hi\n", Value(data, "script"));
        }

        [Fact]
        public void WhenAChangeWouldFallOutsideItsScalarTheFileIsReadAsItIs()
        {
            // "b: |2" inside the quoted value looks like a header; its letter for a space would land in the quoted text.
            var diagnostics = new List<ManifestDiagnostic>();
            var roots = new List<YNode>();
            string text = Header + "  a: |\n    \n    one\n  q: \"first\n    b: |2\n          \n    last\"\n";

            new YamlDocumentReader("a.yaml", InputLimits.Default, diagnostics).Read(text, roots.Add);

            Assert.Empty(roots);
            var error = Assert.Single(diagnostics);
            Assert.Equal((8, 1), (error.Span.Line, error.Span.Column));
            Assert.Contains("found extra spaces in first line", error.Message);
        }

        [Fact]
        public void AHeaderOnlyThisLineCannotPlaceEndsTheChanges()
        {
            // After "? |" the scalar's body may be indented as little as its key's mapping: what follows is left alone.
            var found = LeadingBlankLines.Find("a: |\n    \n    one\n? |\n    \n  x\n: y\nb: |\n    \n    two\n");

            Assert.NotNull(found);
            Assert.Equal("a: |\n\n    one\n? |\n    \n  x\n: y\nb: |\n    \n    two\n", found!.Text);
        }
    }
}
