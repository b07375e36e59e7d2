using System.IO;
using System.Linq;

namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// The Istio Bookinfo sample of tests/corpus/realistic: its platform files (bookinfo.yaml, bookinfo-dualstack.yaml,
    /// bookinfo-psa.yaml) define the same Services and Deployments, and its two destination-rule-all files the same
    /// DestinationRules. They are alternatives, so linting them together reports no object against its own copy.
    /// </summary>
    public class BookinfoVariantsTests
    {
        private static readonly string Bookinfo = Path.Combine(RepoRoot.Path, "tests", "corpus", "realistic", "istio-samples", "bookinfo");

        [Fact]
        public void ThePlatformVariants_DoNotOverlapThemselves()
        {
            var (report, ioErrors) = ManifestLinter.LintPaths(new[] { Path.Combine(Bookinfo, "platform") }, new LintOptions());

            Assert.Empty(ioErrors);
            Assert.True(report.ObjectCount > 30, $"the three variants and the extra versions: {report.ObjectCount} objects");
            Assert.DoesNotContain(report.Diagnostics, d => d.Id == "MT2003");
        }

        [Fact]
        public void TheDestinationRuleVariants_DoNotDuplicateTheirSubsets()
        {
            var (report, ioErrors) = ManifestLinter.LintPaths(new[] { Bookinfo }, new LintOptions());

            Assert.Empty(ioErrors);
            Assert.DoesNotContain(report.Diagnostics, d => d.Id == "MT1008");
            Assert.DoesNotContain(report.Diagnostics, d => d.Id == "MT1001");
        }

        [Fact]
        public void ACopyOfAVariantWithAWideSelector_IsStillReported()
        {
            var bookinfo = File.ReadAllText(Path.Combine(Bookinfo, "platform", "bookinfo.yaml"));
            // reviews-v2 copied into a new file with the version label dropped from its selector only.
            int start = bookinfo.IndexOf("  name: reviews-v2\n", System.StringComparison.Ordinal);
            Assert.True(start > 0, "bookinfo.yaml defines reviews-v2");
            var wide = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: reviews-v2-canary
                  labels: {app: reviews, version: v2}
                spec:
                  selector:
                    matchLabels: {app: reviews}
                  template:
                    metadata:
                      labels: {app: reviews, version: v2}
                    spec:
                      containers: [{name: reviews, image: docker.io/istio/examples-bookinfo-reviews-v2:1.20.3}]
                """;

            var files = new[] { "bookinfo.yaml", "bookinfo-dualstack.yaml" }
                .Select(name => (Path.Combine("platform", name), File.ReadAllText(Path.Combine(Bookinfo, "platform", name))))
                .Append(("platform/reviews-v2-canary.yaml", wide))
                .ToArray();

            var d = Assert.Single(Lint.Files(files).Only("MT2003"));

            Assert.Equal(("platform/reviews-v2-canary.yaml", 7, 3), (d.File, d.Span.Line, d.Span.Column));
            Assert.StartsWith("the selector of Deployment default/reviews-v2-canary (app=reviews) also selects the pods of Deployment default/reviews-", d.Message);
        }
    }
}
