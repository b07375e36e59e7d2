using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>MT2003: two controllers in one namespace whose selectors claim each other's pods.</summary>
    public class OverlappingSelectorsRuleTests
    {
        /// <summary>A controller whose <c>selector:</c> key is at line 7, column 3 of its document.</summary>
        private static string Controller(string name, string selector, string templateLabels, string kind = "Deployment", string @namespace = "default") => $$"""
            apiVersion: apps/v1
            kind: {{kind}}
            metadata:
              name: {{name}}
              namespace: {{@namespace}}
            spec:
              selector: {{selector}}
              template: {metadata: {labels: {{templateLabels}} } }
            """;

        private static string Documents(params string[] documents) => string.Join("\n---\n", documents);

        private static readonly string V1 = Controller("ads-v1", "{matchLabels: {app: ads, version: v1}}", "{app: ads, version: v1}");

        [Fact]
        public void ASecondVersionWhoseSelectorOmitsVersionIsReportedOnce()
        {
            var v2 = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ads-v2
                spec:
                  selector:
                    matchLabels:
                      app: ads
                  template:
                    metadata:
                      labels:
                        app: ads
                        version: v2
                """;

            var finding = Assert.Single(Lint.Yaml(Documents(V1, v2)));

            Assert.Equal(("MT2003", Severity.Error), (finding.Id, finding.Severity));
            Assert.Equal((15, 3), (finding.Span.Line, finding.Span.Column));
            Assert.Equal("the selector of Deployment default/ads-v2 (app=ads) also selects the pods of Deployment default/ads-v1; " +
                "add a label that tells them apart (such as version) to both selectors and templates", finding.Message);
            Assert.Equal("Deployment default/ads-v2", finding.Subject?.ToString());
        }

        [Fact]
        public void VersionInBothSelectorsKeepsThemApart()
        {
            var v2 = Controller("ads-v2", "{matchLabels: {app: ads, version: v2}}", "{app: ads, version: v2}");

            Assert.Empty(Lint.Yaml(Documents(V1, v2)));
        }

        [Fact]
        public void IdenticalSelectorsAreReportedOnceAtTheLaterObject()
        {
            var a = Controller("ads-a", "{matchLabels: {app: ads}}", "{app: ads}");
            var b = Controller("ads-b", "{matchLabels: {app: ads}}", "{app: ads}");

            var finding = Assert.Single(Lint.Yaml(Documents(a, b)).Only("MT2003"));

            Assert.Equal(16, finding.Span.Line);
            Assert.Contains("Deployment default/ads-b (app=ads) also selects the pods of Deployment default/ads-a", finding.Message);
        }

        [Fact]
        public void IdenticalControllersGiveOneFindingPerLaterSelector()
        {
            var docs = new[] { "a", "b", "c" }.Select(n => Controller(n, "{matchLabels: {app: ads}}", "{app: ads}")).ToArray();

            var findings = Lint.Yaml(Documents(docs)).Only("MT2003");

            // Each later copy names the first; N copies give N-1 findings, never N² pairs.
            Assert.Equal(new[] { "b/a", "c/a" }, findings.Select(f => f.Subject!.Name + "/" + f.Message.Split("the pods of Deployment default/")[1][0]).OrderBy(x => x));
        }

        [Fact]
        public void JobsNeverCount()
        {
            var job = """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: ads-migrate
                spec:
                  selector: {matchLabels: {app: ads}}
                  template: {metadata: {labels: {app: ads, version: v1}}}
                """;

            // The Deployment's selector matches the Job's pods and the Job's selector the Deployment's pods: neither counts.
            Assert.Empty(Lint.Yaml(Documents(Controller("ads", "{matchLabels: {app: ads}}", "{app: ads}"), job)).Only("MT2003"));
        }

        [Fact]
        public void BarePodsNeverCount()
        {
            var pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  labels: {app: ads, version: v1}\n";

            Assert.Empty(Lint.Yaml(Documents(Controller("ads", "{matchLabels: {app: ads}}", "{app: ads}"), pod)).Only("MT2003"));
        }

        [Fact]
        public void DifferentNamespacesNeverOverlap()
        {
            var a = Controller("ads", "{matchLabels: {app: ads}}", "{app: ads}", @namespace: "team-a");
            var b = Controller("ads", "{matchLabels: {app: ads}}", "{app: ads}", @namespace: "team-b");

            Assert.Empty(Lint.Yaml(Documents(a, b)));
        }

        [Fact]
        public void DifferentControllerKindsStillOverlap()
        {
            var set = Controller("ads-db", "{matchLabels: {app: ads}}", "{app: ads, role: db}", kind: "StatefulSet");
            var deployment = Controller("ads-web", "{matchLabels: {app: ads, role: web}}", "{app: ads, role: web}");

            var finding = Assert.Single(Lint.Yaml(Documents(set, deployment)).Only("MT2003"));

            Assert.Equal(7, finding.Span.Line);
            Assert.StartsWith("the selector of StatefulSet default/ads-db (app=ads) also selects the pods of Deployment default/ads-web", finding.Message);
        }

        [Fact]
        public void AnExpressionThatExcludesTheOtherVersionKeepsThemApart()
        {
            var v2 = Controller("ads-v2", "{matchLabels: {app: ads}, matchExpressions: [{key: version, operator: NotIn, values: [v1]}]}", "{app: ads, version: v2}");

            Assert.Empty(Lint.Yaml(Documents(V1, v2)).Only("MT2003"));
        }

        [Fact]
        public void OverlapAcrossFilesIsReportedInTheFileOfTheWideSelector()
        {
            var v2 = Controller("ads-v2", "{matchLabels: {app: ads}}", "{app: ads, version: v2}");

            var finding = Assert.Single(Lint.Files(("v2.yaml", v2), ("v1.yaml", V1)).Only("MT2003"));

            Assert.Equal(("v2.yaml", 7, 3), (finding.File, finding.Span.Line, finding.Span.Column));
        }

        [Fact]
        public void AnEmptySelectorIsLeftToTheSelectorRule()
        {
            var empty = Controller("ads-any", "{}", "{app: ads}");

            var diagnostics = Lint.Yaml(Documents(V1, empty));

            Assert.Empty(diagnostics.Only("MT2003"));
            Assert.Single(diagnostics.Only("MT2001"));
        }
    }
}
