using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>MT2002: a Service selector should match some pod template in the Service's namespace.</summary>
    public class ServiceSelectsPodsRuleTests
    {
        /// <summary>A Service whose <c>selector:</c> key is at line 6, column 3.</summary>
        private static string Service(string selector, string name = "ads", string? @namespace = null, string type = "ClusterIP") => $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {name}{(@namespace != null ? "\n  namespace: " + @namespace : string.Empty)}
            spec:
              selector: {selector}
              type: {type}
              ports:
                - port: 80
            """;

        private static string Deployment(string labels, string name = "ads", string @namespace = "default") => $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{name}}
              namespace: {{@namespace}}
            spec:
              selector: {matchLabels: {{labels}} }
              template: {metadata: {labels: {{labels}} } }
            """;

        private static ManifestDiagnostic SingleWarning(params string[] documents)
        {
            var warning = Assert.Single(Lint.Yaml(string.Join("\n---\n", documents)).Only("MT2002"));
            Assert.Equal(Severity.Warning, warning.Severity);
            return warning;
        }

        [Fact]
        public void AServiceWithNoPodsAtAllIsAWarningAtItsSelector()
        {
            var warning = SingleWarning(Service("{app: ads}"));

            Assert.Equal((6, 3), (warning.Span.Line, warning.Span.Column));
            Assert.Equal("Service ads selects app=ads, but no pod template in namespace default carries these labels", warning.Message);
            Assert.Equal("Service default/ads", warning.Subject?.ToString());
        }

        [Fact]
        public void ANearMissNamesTheClosestWorkload()
        {
            var warning = SingleWarning(Service("{app: ads, tier: backend}"), Deployment("{app: ads, tier: frontend}", "ads-web"), Deployment("{app: billing}", "billing"));

            Assert.Equal("Service ads selects app=ads,tier=backend, but no pod template in namespace default carries these labels; " +
                "the closest is Deployment ads-web with tier=frontend, but the Service wants tier=backend", warning.Message);
        }

        [Fact]
        public void PodsInAnotherNamespaceDoNotCount()
        {
            var warning = SingleWarning(Service("{app: ads}", @namespace: "shop"), Deployment("{app: ads}"));

            Assert.Equal((7, 3), (warning.Span.Line, warning.Span.Column));
            Assert.EndsWith("no pod template in namespace shop carries these labels", warning.Message);
        }

        [Fact]
        public void AMatchingDeploymentSilencesIt()
        {
            Assert.Empty(Lint.Yaml(Service("{app: ads}") + "\n---\n" + Deployment("{app: ads, version: v1}")));
        }

        [Fact]
        public void AMatchingBarePodOrJobTemplateCountsAsPods()
        {
            var pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: one-off\n  labels: {app: ads}\n";
            var job = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: batch\nspec:\n  template:\n    metadata:\n      labels: {app: batch}\n";

            Assert.Empty(Lint.Yaml(Service("{app: ads}") + "\n---\n" + pod).Only("MT2002"));
            Assert.Empty(Lint.Yaml(Service("{app: batch}") + "\n---\n" + job).Only("MT2002"));
        }

        [Fact]
        public void AServiceWithoutASelectorIsSilent()
        {
            var yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: manual\nspec:\n  ports: [{port: 80}]\n";

            Assert.Empty(Lint.Yaml(yaml));
        }

        [Fact]
        public void AnEmptySelectorIsSilent()
        {
            Assert.Empty(Lint.Yaml(Service("{}")).Only("MT2002"));
        }

        [Fact]
        public void AnExternalNameServiceIsSilentEvenWithASelector()
        {
            Assert.Empty(Lint.Yaml(Service("{app: ads}", type: "ExternalName")).Only("MT2002"));
        }

        [Fact]
        public void TheSuppressionAnnotationSilencesIt()
        {
            var yaml = Service("{app: ads}").Replace("  name: ads", "  name: ads\n  annotations: {manifest-tools.io/suppress: \"MT2002\"}");

            Assert.Empty(Lint.Yaml(yaml));
        }

        [Fact]
        public void EachServiceIsJudgedOnItsOwn()
        {
            var diagnostics = Lint.Yaml(string.Join("\n---\n", Service("{app: ads}"), Service("{app: web}", "web"), Deployment("{app: ads}")));

            var warning = Assert.Single(diagnostics.Only("MT2002"));
            Assert.StartsWith("Service web selects app=web", warning.Message);
            Assert.Equal(16, warning.Span.Line);
        }
    }
}
