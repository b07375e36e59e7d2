using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>MT2001: a workload's spec.selector must match its own pod template labels.</summary>
    public class SelectorMatchesTemplateRuleTests
    {
        /// <summary>A workload whose <c>selector:</c> key is at line 6, column 3.</summary>
        private static string Workload(string selector, string templateLabels, string kind = "Deployment", string apiVersion = "apps/v1") => $"""
            apiVersion: {apiVersion}
            kind: {kind}
            metadata:
              name: ads
            spec:
              selector: {selector}
              template:
                metadata:
                  labels: {templateLabels}
            """;

        private static ManifestDiagnostic SingleFinding(string yaml)
        {
            var diagnostic = Assert.Single(Lint.Yaml(yaml).Only("MT2001"));
            Assert.Equal(Severity.Error, diagnostic.Severity);
            return diagnostic;
        }

        [Fact]
        public void ADifferentValueIsReportedAtTheSelectorWithBothValues()
        {
            var finding = SingleFinding("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ads
                spec:
                  selector:
                    matchLabels:
                      app: ads
                      version: v1
                  template:
                    metadata:
                      labels:
                        app: ads
                        version: v2
                """);

            Assert.Equal(("test.yaml", 6, 3), (finding.File, finding.Span.Line, finding.Span.Column));
            Assert.Equal("the selector of Deployment default/ads does not match its pod template labels: it wants version=v1 but the template has version=v2", finding.Message);
            Assert.Equal("Deployment default/ads", finding.Subject?.ToString());
        }

        [Fact]
        public void AMissingLabelIsNamed()
        {
            var finding = SingleFinding(Workload("{matchLabels: {app: ads, track: stable}}", "{app: ads}"));

            Assert.EndsWith("it wants track=stable but the template has no label track", finding.Message);
        }

        [Fact]
        public void ATemplateWithoutLabelsFailsEveryLabel()
        {
            var finding = SingleFinding("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ads\nspec:\n  selector:\n    matchLabels: {app: ads}\n  template:\n    spec: {}\n");

            Assert.Equal((6, 3), (finding.Span.Line, finding.Span.Column));
            Assert.EndsWith("it wants app=ads but the template has no label app", finding.Message);
        }

        [Fact]
        public void SeveralProblemsAreListedInOneFinding()
        {
            var finding = SingleFinding(Workload(
                "{matchLabels: {app: ads, version: v1}, matchExpressions: [{key: tier, operator: Exists}]}", "{app: web, version: v1}"));

            Assert.EndsWith("it wants app=ads but the template has app=web; the template fails tier", finding.Message);
        }

        [Theory]
        [InlineData("{key: version, operator: In, values: [v1, v2]}", "{app: ads, version: v3}", "the template fails version in (v1,v2)")]
        [InlineData("{key: version, operator: NotIn, values: [canary]}", "{app: ads, version: canary}", "the template fails version notin (canary)")]
        [InlineData("{key: track, operator: Exists}", "{app: ads}", "the template fails track")]
        [InlineData("{key: debug, operator: DoesNotExist}", "{app: ads, debug: \"on\"}", "the template fails !debug")]
        public void AFailedExpressionIsReportedWithItsOperator(string expression, string templateLabels, string expected)
        {
            var finding = SingleFinding(Workload($"{{matchLabels: {{app: ads}}, matchExpressions: [{expression}]}}", templateLabels));

            Assert.Equal((6, 3), (finding.Span.Line, finding.Span.Column));
            Assert.EndsWith(": " + expected, finding.Message);
        }

        [Theory]
        [InlineData("{key: version, operator: In, values: [v1, v2]}", "{app: ads, version: v2}")]
        [InlineData("{key: version, operator: NotIn, values: [canary]}", "{app: ads, version: stable}")]
        [InlineData("{key: version, operator: NotIn, values: [canary]}", "{app: ads}")]
        [InlineData("{key: track, operator: Exists}", "{app: ads, track: \"\"}")]
        [InlineData("{key: debug, operator: DoesNotExist}", "{app: ads}")]
        public void ASatisfiedExpressionIsSilent(string expression, string templateLabels)
        {
            Assert.Empty(Lint.Yaml(Workload($"{{matchLabels: {{app: ads}}, matchExpressions: [{expression}]}}", templateLabels)).Only("MT2001"));
        }

        [Fact]
        public void OnlyExpressionsAndNoMatchLabelsIsFine()
        {
            Assert.Empty(Lint.Yaml(Workload("{matchExpressions: [{key: app, operator: In, values: [ads]}]}", "{app: ads}")).Only("MT2001"));
        }

        [Fact]
        public void ATemplateWithMoreLabelsThanTheSelectorIsFine()
        {
            Assert.Empty(Lint.Yaml(Workload("{matchLabels: {app: ads}}", "{app: ads, version: v1, team: growth}")));
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{matchLabels: {}}")]
        [InlineData("{matchLabels: {}, matchExpressions: []}")]
        public void AnEmptySelectorIsReported(string selector)
        {
            var finding = SingleFinding(Workload(selector, "{app: ads}"));

            Assert.Equal((6, 3), (finding.Span.Line, finding.Span.Column));
            Assert.Equal("the selector of Deployment default/ads does not match its pod template labels: the selector is empty, which would select every pod", finding.Message);
        }

        [Theory]
        [InlineData("StatefulSet", "apps/v1")]
        [InlineData("DaemonSet", "apps/v1")]
        [InlineData("ReplicaSet", "apps/v1")]
        [InlineData("Job", "batch/v1")]
        [InlineData("Rollout", "argoproj.io/v1alpha1")]
        public void OtherWorkloadKindsAreChecked(string kind, string apiVersion)
        {
            var finding = SingleFinding(Workload("{matchLabels: {app: ads}}", "{app: web}", kind, apiVersion));

            Assert.StartsWith($"the selector of {kind} default/ads does not", finding.Message);
            Assert.Equal(6, finding.Span.Line);
        }

        [Fact]
        public void ACronJobIsCheckedInsideItsJobTemplate()
        {
            var finding = SingleFinding("""
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      selector: {matchLabels: {job: report}}
                      template:
                        metadata:
                          labels: {job: reports}
                """);

            Assert.Equal((9, 7), (finding.Span.Line, finding.Span.Column));
        }

        [Fact]
        public void WorkloadsWithoutASelectorAreSilent()
        {
            var yaml = """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  template:
                    metadata:
                      labels: {job: migrate}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: debug
                  labels: {app: debug}
                """;

            Assert.Empty(Lint.Yaml(yaml));
        }

        [Fact]
        public void TheSuppressionAnnotationSilencesTheFinding()
        {
            var yaml = Workload("{matchLabels: {app: ads}}", "{app: web}").Replace("  name: ads", "  name: ads\n  annotations:\n    manifest-tools.io/suppress: MT2001");

            Assert.Empty(Lint.Yaml(yaml));
        }

        [Fact]
        public void EachMismatchedWorkloadIsReportedInItsOwnFile()
        {
            var diagnostics = Lint.Files(
                ("a.yaml", Workload("{matchLabels: {app: ads}}", "{app: web}")),
                ("b.yaml", Workload("{matchLabels: {app: ads}}", "{app: ads}").Replace("name: ads", "name: fine")),
                ("c.yaml", Workload("{matchLabels: {app: ads}}", "{app: api}").Replace("name: ads", "name: api"))).Only("MT2001");

            Assert.Equal(new[] { "a.yaml", "c.yaml" }, diagnostics.Select(d => d.File));
        }
    }
}
