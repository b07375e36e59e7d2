using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class SubsetSelectsPodsRuleTests
    {
        [Fact]
        public void ReportsSubsetWithLabelTypo_NamingTheClosestDeployment()
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
                      labels:
                        version: V2
                """;

            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Backend()), ("dr.yaml", dr)).Only("MT1001"));

            Assert.Equal((Severity.Error, "dr.yaml", 11, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("DestinationRule default/reviews", d.Subject?.ToString());
            Assert.StartsWith("subset v2 of DestinationRule default/reviews selects no pod of Service reviews: ", d.Message);
            Assert.EndsWith("the closest is Deployment reviews-v2 with version=v2, but the subset wants version=V2", d.Message);
        }

        [Fact]
        public void ValidCanary_IsSilent()
        {
            Assert.Empty(Lint.Yaml(Mesh.Canary()).Only("MT1001"));
        }

        [Fact]
        public void SubsetLabelsMustSitOnPodsTheServiceSelects()
        {
            // A v3 pod exists, but it is not app=reviews, so the Service never routes to it.
            var other = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ratings-v3
                  labels: {app: ratings, version: v3}
                """;
            var dr = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  subsets:
                    - name: v3
                      labels: {version: v3}
                """;

            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), other)), ("dr.yaml", dr)).Only("MT1001"));

            Assert.Equal(("dr.yaml", 9, 7), (d.File, d.Span.Line, d.Span.Column));
            Assert.Contains("but the subset wants version=v3", d.Message);
            Assert.DoesNotContain("ratings", d.Message);
        }

        [Fact]
        public void BarePodsArePodSources()
        {
            var yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: reviews-canary
                  labels: {app: reviews, version: v2}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: reviews
                spec:
                  selector: {app: reviews}
                  ports: [{port: 9080}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  subsets:
                    - name: v2
                      labels: {version: v2}
                    - name: v3
                      labels: {version: v3}
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1001"));

            Assert.Equal((25, 7), (d.Span.Line, d.Span.Column));
            Assert.EndsWith("the closest is Pod reviews-canary with version=v2, but the subset wants version=v3", d.Message);
        }

        [Fact]
        public void DestinationRuleInAnotherNamespace_MatchesPodsInTheServiceNamespace()
        {
            // The DestinationRule lives in "mesh"; a v3 pod there must not satisfy a subset of a Service in "prod".
            var dr = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                  namespace: mesh
                spec:
                  host: reviews.prod.svc.cluster.local
                  subsets:
                    - name: v2
                      labels: {version: v2}
                    - name: v3
                      labels: {version: v3}
                """;
            var mesh = Mesh.Join(Mesh.Backend("prod"), Mesh.Deployment("v3", "mesh"));

            var diagnostics = Lint.Files(("mesh.yaml", mesh), ("dr.yaml", dr));

            var d = Assert.Single(diagnostics.Only("MT1001"));
            Assert.Equal(12, d.Span.Line);
            Assert.StartsWith("subset v3 of DestinationRule mesh/reviews selects no pod of Service reviews: ", d.Message);
            Assert.Empty(diagnostics.Only("MT1004"));
        }

        [Fact]
        public void ServiceEntryWithWorkloadSelector_MatchesTheSelectedPods()
        {
            var yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: reviews-internal
                spec:
                  hosts: [reviews.internal]
                  ports: [{number: 9080, name: http, protocol: HTTP}]
                  resolution: STATIC
                  workloadSelector:
                    labels: {app: reviews}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews-internal
                spec:
                  host: reviews.internal
                  subsets:
                    - name: v1
                      labels: {version: v1}
                    - name: v3
                      labels: {version: v3}
                """;

            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Backend()), ("se.yaml", yaml)).Only("MT1001"));

            Assert.Equal(("se.yaml", 22, 7), (d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("subset v3 of DestinationRule default/reviews-internal selects no pod of ServiceEntry reviews-internal: " +
                         "the closest is Deployment reviews-v1 with version=v1, but the subset wants version=v3", d.Message);
        }

        [Fact]
        public void ServiceEntryWithEndpoints_MatchesEndpointLabels()
        {
            var yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: payments
                spec:
                  hosts: [payments.example.com]
                  ports: [{number: 443, name: https, protocol: TLS}]
                  resolution: STATIC
                  endpoints:
                    - address: 10.0.0.1
                      labels: {version: v1}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: payments
                spec:
                  host: payments.example.com
                  subsets:
                    - name: v1
                      labels: {version: v1}
                    - name: v2
                      labels: {version: v2}
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1001"));

            Assert.Equal((23, 7), (d.Span.Line, d.Span.Column));
            Assert.Equal("subset v2 of DestinationRule default/payments selects no pod of ServiceEntry payments: no endpoint carries its labels; " +
                         "the closest is ServiceEntry payments with version=v1, but the subset wants version=v2", d.Message);
        }

        [Fact]
        public void WildcardServiceEntryWithoutEndpoints_IsSilent()
        {
            // DNS-resolved external hosts carry no labels to compare.
            var yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: example
                spec:
                  hosts: ["*.example.com"]
                  ports: [{number: 443, name: https, protocol: TLS}]
                  resolution: DNS
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: api
                spec:
                  host: api.example.com
                  subsets:
                    - name: eu
                      labels: {region: eu}
                """;

            var diagnostics = Lint.Yaml(yaml);

            Assert.Empty(diagnostics.Only("MT1001"));
            Assert.Empty(diagnostics.Only("MT1004"));
        }

        /// <summary>A DestinationRule whose subset v3 selects nothing, annotated with <paramref name="ids"/>.</summary>
        private static string AnnotatedRule(string ids) => $$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
              annotations:
                manifest-tools.io/suppress: "{{ids}}"
            spec:
              host: reviews
              subsets:
                - name: v3
                  labels: {version: v3}
            """;

        [Theory]
        [InlineData("MT1001")]
        [InlineData("MT1003, MT1001")]
        [InlineData("*")]
        public void SuppressedByAnnotation(string ids)
        {
            Assert.Empty(Lint.Files(("mesh.yaml", Mesh.Backend()), ("dr.yaml", AnnotatedRule(ids))).Only("MT1001"));
        }

        [Fact]
        public void SuppressingAnotherId_KeepsTheFinding()
        {
            Assert.Single(Lint.Files(("mesh.yaml", Mesh.Backend()), ("dr.yaml", AnnotatedRule("MT1003"))).Only("MT1001"));
        }

        [Fact]
        public void ListItems_AreCheckedAndReportedAtTheirOwnLines()
        {
            var yaml = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: reviews-v1}
                    spec:
                      selector: {matchLabels: {app: reviews, version: v1}}
                      template: {metadata: {labels: {app: reviews, version: v1}}}
                  - apiVersion: v1
                    kind: Service
                    metadata: {name: reviews}
                    spec: {selector: {app: reviews}, ports: [{port: 9080}]}
                  - apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata: {name: reviews}
                    spec:
                      host: reviews
                      subsets:
                        - name: v1
                          labels: {version: v1}
                        - name: v2
                          labels: {version: v2}
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1001"));

            Assert.Equal((23, 11), (d.Span.Line, d.Span.Column));
            Assert.EndsWith("the closest is Deployment reviews-v1 with version=v1, but the subset wants version=v2", d.Message);
        }

        [Fact]
        public void UnknownHost_IsLeftToMT1004()
        {
            Assert.Empty(Lint.Yaml(Mesh.DestinationRule(host: "ratings")).Only("MT1001"));
        }

        [Fact]
        public void ServiceWithoutSelector_IsSilent()
        {
            // Hand-managed endpoints: there are no pod templates to compare with.
            var yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: reviews
                spec:
                  ports: [{port: 9080}]
                """;

            Assert.Empty(Lint.Yaml(Mesh.Join(yaml, Mesh.DestinationRule())).Only("MT1001"));
        }
    }
}
