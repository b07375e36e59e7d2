using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Loading
{
    /// <summary>MT0001: where YAML goes wrong, and that the rest of the input is still linted.</summary>
    public class SyntaxErrorTests
    {
        private static ParsedFile Parse(string yaml) => ManifestParser.ParseText("test.yaml", yaml, new LintOptions());

        private const string BrokenMiddle = """
            apiVersion: v1
            kind: Service
            metadata:
              name: Before
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: broken
              labels: @oops
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: After
            """;

        [Fact]
        public void ABrokenSecondDocumentIsReportedAtTheParsersLineAndColumn()
        {
            var error = Assert.Single(Parse(BrokenMiddle).Diagnostics);

            Assert.Equal("MT0001", error.Id);
            Assert.Equal(Severity.Error, error.Severity);
            Assert.Equal("test.yaml", error.File);
            Assert.Equal((10, 11), (error.Span.Line, error.Span.Column));
            Assert.Contains("cannot start any token", error.Message);
            Assert.DoesNotContain("Line:", error.Message);
            Assert.Null(error.Subject);
        }

        [Fact]
        public void TheDocumentsAroundABrokenOneAreStillLinted()
        {
            var file = Parse(BrokenMiddle);
            Assert.Equal(new[] { "Before", "After" }, file.Objects.Select(o => o.Name));

            // Both Services have invalid names: the rules ran on the first and on the third document.
            var names = Lint.Yaml(BrokenMiddle).Only("MT2004");
            Assert.Equal(new[] { 4, 15 }, names.Select(d => d.Span.Line));
        }

        [Fact]
        public void ABrokenFileDoesNotStopTheOtherFiles()
        {
            var diagnostics = Lint.Files(
                ("broken.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: \"unterminated\n"),
                ("good.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: Upper\n"));

            var syntax = Assert.Single(diagnostics.Only("MT0001"));
            Assert.Equal(("broken.yaml", 4, 9), (syntax.File, syntax.Span.Line, syntax.Span.Column));
            var name = Assert.Single(diagnostics.Only("MT2004"));
            Assert.Equal(("good.yaml", 4), (name.File, name.Span.Line));
        }

        [Fact]
        public void ATabUsedAsIndentationIsReportedOnItsOwnLine()
        {
            var file = Parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: b\n");

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0001", error.Id);
            Assert.Contains("tab", error.Message);
            Assert.Equal((9, 1), (error.Span.Line, error.Span.Column));
            Assert.Equal("a", Assert.Single(file.Objects).Name);
        }

        [Fact]
        public void BadIndentationIsReportedWhereTheStrayKeyStarts()
        {
            var error = Assert.Single(Parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                 labels: {}
                """).Diagnostics);

            Assert.Equal("MT0001", error.Id);
            Assert.Equal((5, 2), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void AnAliasWithoutAnAnchorIsASyntaxErrorAtTheAlias()
        {
            var error = Assert.Single(Parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  labels: *missing
                """).Diagnostics);

            Assert.Equal("MT0001", error.Id);
            Assert.Contains("*missing", error.Message);
            Assert.Equal((5, 11), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void ADuplicateKeyIsReportedAtTheSecondKeyAndTheObjectIsStillRead()
        {
            var file = Parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: first
                  namespace: shop
                  name: second
                """);

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0001", error.Id);
            Assert.Contains("duplicate key 'name'", error.Message);
            Assert.Contains("line 4", error.Message);
            Assert.Equal((6, 3), (error.Span.Line, error.Span.Column));
            Assert.Equal("second", Assert.Single(file.Objects).Name);
        }

        [Fact]
        public void ADuplicateKeyInAFlowMappingIsReported()
        {
            var error = Assert.Single(Parse("{apiVersion: v1, kind: ConfigMap, metadata: {name: a}, kind: Secret}").Diagnostics);

            Assert.Equal("MT0001", error.Id);
            Assert.Equal((1, 56), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void TheSameKeyInDifferentMappingsIsNotADuplicate()
        {
            var file = Parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: a
                  labels:
                    name: a
                spec:
                  selector:
                    name: a
                """);

            Assert.Empty(file.Diagnostics);
        }
    }
}
