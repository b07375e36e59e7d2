using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class DuplicateSubsetRuleTests
    {
        /// <summary>A DestinationRule with a single subset v2; its "name:" key is at 10:7.</summary>
        private static string CanaryRule(string name, string host, string ns = "default", string annotations = "{}") => $$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: {{name}}
              namespace: {{ns}}
              annotations: {{annotations}}
            spec:
              host: {{host}}
              subsets:
                - name: v2
                  labels: {version: v2}
            """;

        [Fact]
        public void ReportsSubsetRepeatedInOneDestinationRule_AtTheSecondName()
        {
            var dr = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  subsets:
                    - name: v1
                      labels: {version: v1}
                    - name: v2
                      labels: {version: v2}
                    - name: v1
                      labels: {version: v2}
                """;

            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Backend()), ("dr.yaml", dr)).Only("MT1008"));

            Assert.Equal((Severity.Error, "dr.yaml", 12, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("DestinationRule default/reviews", d.Subject?.ToString());
            Assert.Equal("subset v1 for host " + Mesh.Fqdn + " is defined twice: in DestinationRule default/reviews and in the same DestinationRule again", d.Message);
        }

        [Theory]
        [InlineData("reviews")]
        [InlineData(Mesh.Fqdn)]
        public void SameHostInTwoDestinationRulesOfOneNamespace_IsReportedOnTheLaterOne(string host)
        {
            var diagnostics = Lint.Files(
                ("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())),
                ("dr.yaml", CanaryRule("reviews-canary", host)));

            var d = Assert.Single(diagnostics.Only("MT1008"));
            Assert.Equal(("dr.yaml", 10, 7), (d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("DestinationRule default/reviews-canary", d.Subject?.ToString());
            Assert.Equal("subset v2 for host " + Mesh.Fqdn + " is defined twice: " +
                         "in DestinationRule default/reviews and in DestinationRule default/reviews-canary", d.Message);
        }

        [Fact]
        public void DestinationRulesInDifferentNamespaces_AreNotMerged()
        {
            var yaml = Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), CanaryRule("reviews-canary", Mesh.Fqdn, ns: "mesh"));

            Assert.Empty(Lint.Yaml(yaml).Only("MT1008"));
        }

        [Fact]
        public void SameSubsetNameForDifferentHosts_IsSilent()
        {
            // "reviews.default" is taken as written, so it is a different host from the FQDN.
            var yaml = Mesh.Join(Mesh.DestinationRule(), CanaryRule("ratings", "ratings"), CanaryRule("reviews-dotted", "reviews.default"));

            Assert.Empty(Lint.Yaml(yaml).Only("MT1008"));
        }

        [Fact]
        public void ListItems_AreReportedAtTheirOwnLines()
        {
            var yaml = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata: {name: a}
                    spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}]}
                  - apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata: {name: b}
                    spec:
                      host: reviews
                      subsets:
                        - name: v1
                          labels: {version: v1}
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1008"));

            Assert.Equal((14, 11), (d.Span.Line, d.Span.Column));
            Assert.EndsWith("in DestinationRule default/a and in DestinationRule default/b", d.Message);
        }

        [Theory]
        [InlineData("MT1008")]
        [InlineData("*")]
        public void SuppressedOnTheLaterDestinationRule(string ids)
        {
            var later = CanaryRule("reviews-canary", "reviews", annotations: $"{{manifest-tools.io/suppress: \"{ids}\"}}");

            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), later)).Only("MT1008"));
        }

        [Fact]
        public void SuppressionOnTheEarlierDestinationRule_DoesNotHideTheFinding()
        {
            var earlier = CanaryRule("reviews-a", "reviews", annotations: "{manifest-tools.io/suppress: MT1008}");

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), earlier, CanaryRule("reviews-b", "reviews"))).Only("MT1008"));

            Assert.Equal("DestinationRule default/reviews-b", d.Subject?.ToString());
        }
    }
}
