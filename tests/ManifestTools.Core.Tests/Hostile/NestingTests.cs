using System.Linq;
using System.Text;
using ManifestTools.Loading;
using ManifestTools.Yaml;

namespace ManifestTools.Tests.Hostile
{
    /// <summary>MT0003 for documents nested deeper than InputLimits.MaxDepth (128), however deep they go.</summary>
    public class NestingTests
    {
        private const int Deep = 10_000;

        private static ParsedFile Parse(string yaml, LintOptions? options = null) =>
            ManifestParser.ParseText("deep.yaml", yaml, options ?? new LintOptions());

        private static void AssertSingleDepthLimit(ParsedFile file, int line, int column)
        {
            var error = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0003", error.Id);
            Assert.Contains("deeper than 128 levels", error.Message);
            Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
            Assert.Empty(file.Objects);
        }

        [Fact]
        public void TenThousandNestedFlowSequences()
        {
            AssertSingleDepthLimit(Parse(new string('[', Deep) + new string(']', Deep)), 1, 129);
        }

        [Fact]
        public void TenThousandNestedFlowMappings()
        {
            var yaml = string.Concat(Enumerable.Repeat("{a: ", Deep)) + "1" + new string('}', Deep);

            AssertSingleDepthLimit(Parse(yaml), 1, 128 * 4 + 1);
        }

        [Fact]
        public void TenThousandNestedBlockSequences()
        {
            // "- - - x" nests one block sequence per dash on a single line.
            AssertSingleDepthLimit(Parse(string.Concat(Enumerable.Repeat("- ", Deep)) + "x\n"), 1, 2 * 128 + 1);
        }

        [Fact]
        public void DeeplyNestedBlockMappings()
        {
            var yaml = new StringBuilder();
            for (int i = 0; i < 1000; i++)
            {
                yaml.Append(' ', i).Append("a:\n");
            }

            yaml.Append(' ', 1000).Append("b: 1\n");

            AssertSingleDepthLimit(Parse(yaml.ToString()), 129, 129);
        }

        [Fact]
        public void TenThousandUnclosedBracketsStillEndInAFinding()
        {
            var file = Parse(new string('[', Deep));

            Assert.Equal("MT0003", file.Diagnostics[0].Id);
            Assert.All(file.Diagnostics, d => Assert.Contains(d.Id, new[] { "MT0001", "MT0003" }));
        }

        [Fact]
        public void TheDocumentAfterADeepOneIsStillLinted()
        {
            var yaml = new string('[', Deep) + new string(']', Deep) + "\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: After\n";

            var diagnostics = Lint.Yaml(yaml);

            Assert.Equal(1, Assert.Single(diagnostics.Only("MT0003")).Span.Line);
            Assert.Equal(6, Assert.Single(diagnostics.Only("MT2004")).Span.Line);
        }

        [Fact]
        public void NestingExactlyAtTheLimitIsAccepted()
        {
            var options = new LintOptions { Limits = new InputLimits { MaxDepth = 5 } };
            var atLimit = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: {a: {b: {c: d}}}\n";
            var overLimit = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: {a: {b: {c: {d: e}}}}\n";

            Assert.Empty(Parse(atLimit, options).Diagnostics);
            var error = Assert.Single(Parse(overLimit, options).Diagnostics);
            Assert.Equal(("MT0003", 6, 18), (error.Id, error.Span.Line, error.Span.Column));
        }
    }
}
