using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class DestinationSubsetDefinedRuleTests
    {
        private static string RouteTo(string host, string subset, string ns = "default") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: {{ns}}
            spec:
              hosts: [reviews]
              http:
                - route:
                    - destination:
                        host: {{host}}
                        subset: {{subset}}
            """;

        [Fact]
        public void ReportsUndefinedSubset_AtTheSubsetValue()
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())), ("vs.yaml", RouteTo("reviews", "v3")));

            var d = Assert.Single(diagnostics.Only("MT1003"));
            Assert.Equal((Severity.Error, "vs.yaml", 12, 21), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("VirtualService default/reviews", d.Subject?.ToString());
            Assert.Equal("A destination of route http[0] of VirtualService default/reviews routes to subset v3 of host " + Mesh.Fqdn +
                         ", but DestinationRule default/reviews defines only v1, v2", d.Message);
        }

        [Fact]
        public void CaseTypo_SuggestsTheDefinedSubset()
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), RouteTo("reviews", "V2"))).Only("MT1003"));

            Assert.EndsWith("defines only v1, v2 (did you mean v2?)", d.Message);
        }

        [Fact]
        public void KnownHostWithoutDestinationRule_IsReported()
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), RouteTo("reviews", "v1"))).Only("MT1003"));

            Assert.EndsWith("routes to subset v1 of host " + Mesh.Fqdn + ", but no DestinationRule for that host exists", d.Message);
        }

        [Fact]
        public void UnknownHost_IsLeftToMT1004()
        {
            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Backend(), RouteTo("ratings", "v1")));

            Assert.Empty(diagnostics.Only("MT1003"));
            Assert.Single(diagnostics.Only("MT1004"));
        }

        [Theory]
        [InlineData("reviews")]
        [InlineData(Mesh.Fqdn)]
        public void ShortAndFqdnHosts_FindTheSameDestinationRule(string host)
        {
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), RouteTo(host, "v2"))).Only("MT1003"));
        }

        [Fact]
        public void DestinationRuleInAnotherNamespace_CountsWhenItsHostIsFullyQualified()
        {
            var yaml = Mesh.Join(
                Mesh.Backend("prod"),
                Mesh.DestinationRule("reviews.prod.svc.cluster.local", ns: "mesh"),
                RouteTo("reviews.prod.svc.cluster.local", "v2", ns: "web"));

            Assert.Empty(Lint.Yaml(yaml).Only("MT1003"));
        }

        [Fact]
        public void ShortHostOfDestinationRuleInAnotherNamespace_NamesAnotherHost()
        {
            // "reviews" in namespace mesh means reviews.mesh.svc.cluster.local, not the Service in prod.
            var yaml = Mesh.Join(Mesh.Backend("prod"), Mesh.DestinationRule("reviews", ns: "mesh"), RouteTo("reviews", "v2", ns: "prod"));

            var diagnostics = Lint.Yaml(yaml);

            var d = Assert.Single(diagnostics.Only("MT1003"));
            Assert.EndsWith("subset v2 of host reviews.prod.svc.cluster.local, but no DestinationRule for that host exists", d.Message);
            Assert.Equal(Severity.Error, Assert.Single(diagnostics.Only("MT1004")).Severity);
        }

        [Fact]
        public void TheProxyNamespacesOwnRule_HidesARuleOfAThirdNamespace_AsPilotLooksRulesUp()
        {
            var extra = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews-canary
                  namespace: mesh
                spec:
                  host: reviews.default.svc.cluster.local
                  subsets: [{name: canary, labels: {version: v2}}]
                """;

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), extra, RouteTo("reviews", "v3"))).Only("MT1003"));

            Assert.EndsWith("but DestinationRule default/reviews defines only v1, v2", d.Message);
        }

        [Fact]
        public void SubsetsOfSeveralRulesOfTheProxysNamespace_AreListedTogether()
        {
            var extra = Mesh.DestinationRule().Replace("name: reviews", "name: reviews-canary").Replace("name: v1", "name: canary").Replace("- name: v2\n      labels: {version: v2}\n", string.Empty);

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), extra, RouteTo("reviews", "v3"))).Only("MT1003"));

            Assert.EndsWith("but DestinationRule default/reviews, DestinationRule default/reviews-canary define only v1, v2, canary", d.Message);
        }

        [Fact]
        public void AClientNamespacesRuleWithoutSubsets_ShadowsTheHostsRule()
        {
            const string client = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews-client, namespace: web}
                spec:
                  host: reviews.default.svc.cluster.local
                  trafficPolicy: {outlierDetection: {consecutive5xxErrors: 5}}
                """;

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), client, RouteTo(Mesh.Fqdn, "v1", ns: "web"))).Only("MT1003"));
            Assert.EndsWith("but DestinationRule web/reviews-client defines no subsets", d.Message);

            var elsewhere = client.Replace("namespace: web", "namespace: batch");
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), elsewhere, RouteTo(Mesh.Fqdn, "v1", ns: "web"))).Only("MT1003"));
        }

        [Fact]
        public void MirrorAndMirrorsDestination_AreChecked()
        {
            var vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - route:
                        - destination: {host: reviews, subset: v1}
                      mirror:
                        host: reviews
                        subset: shadow
                      mirrors:
                        - destination:
                            host: reviews
                            subset: v3
                """;

            var found = Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())), ("vs.yaml", vs)).Only("MT1003");

            Assert.Collection(found,
                d =>
                {
                    Assert.Equal((12, 17), (d.Span.Line, d.Span.Column));
                    Assert.StartsWith("A mirror of VirtualService default/reviews routes to subset shadow of host " + Mesh.Fqdn, d.Message);
                },
                d =>
                {
                    Assert.Equal((16, 21), (d.Span.Line, d.Span.Column));
                    Assert.StartsWith("A mirror of VirtualService default/reviews routes to subset v3 of host " + Mesh.Fqdn, d.Message);
                });
        }

        [Fact]
        public void TcpRoutes_AreChecked()
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), RouteTo("reviews", "v3").Replace("http:", "tcp:"))).Only("MT1003"));

            Assert.StartsWith("A destination of route tcp[0] of VirtualService default/reviews routes to subset v3", d.Message);
        }

        [Fact]
        public void WildcardDestinationRule_DefinesSubsetsForHostsItCovers()
        {
            var yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: api
                spec:
                  hosts: [api.example.com]
                  ports: [{number: 443, name: https, protocol: TLS}]
                  resolution: DNS
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: example
                spec:
                  host: "*.example.com"
                  subsets: [{name: eu, labels: {region: eu}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: api
                spec:
                  hosts: [api.example.com]
                  tls:
                    - match: [{sniHosts: [api.example.com]}]
                      route:
                        - destination: {host: api.example.com, subset: eu}
                          weight: 50
                        - destination: {host: api.example.com, subset: us}
                          weight: 50
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1003"));

            Assert.Equal((29, 56), (d.Span.Line, d.Span.Column));
            Assert.EndsWith("of host api.example.com, but DestinationRule default/example defines only eu", d.Message);
        }

        [Fact]
        public void ExactHostDestinationRule_ShadowsAWildcardOne()
        {
            // Istio applies only the most specific DestinationRule: the wildcard's subset v3 does not exist for reviews.
            var wildcard = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: all-default
                spec:
                  host: "*.default.svc.cluster.local"
                  subsets: [{name: v3, labels: {version: v3}}]
                """;

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), wildcard, RouteTo("reviews", "v3"))).Only("MT1003"));

            Assert.EndsWith("but DestinationRule default/reviews defines only v1, v2", d.Message);
        }

        [Fact]
        public void TheMostSpecificWildcardDestinationRuleApplies()
        {
            var rules = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: broad
                spec:
                  host: "*.svc.cluster.local"
                  subsets: [{name: v3, labels: {version: v3}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: namespace-wide
                spec:
                  host: "*.default.svc.cluster.local"
                  subsets: [{name: v1, labels: {version: v1}}]
                """;
            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Backend(), rules, RouteTo("reviews", "v1"), RouteTo("reviews", "v3").Replace("name: reviews", "name: reviews-v3"))).Only("MT1003");

            var d = Assert.Single(diagnostics);
            Assert.Contains("routes to subset v3", d.Message);
            Assert.EndsWith("but DestinationRule default/namespace-wide defines only v1", d.Message);
        }

        [Fact]
        public void DestinationWithoutSubset_NeedsNoDestinationRule()
        {
            var vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - route:
                        - destination: {host: reviews}
                """;

            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend(), vs)).Only("MT1003"));
        }

        [Fact]
        public void SuppressedByAnnotation()
        {
            var vs = RouteTo("reviews", "v3").Replace("  namespace: default\n", "  namespace: default\n  annotations: {manifest-tools.io/suppress: MT1003}\n");

            Assert.Contains("suppress", vs);
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), vs)).Only("MT1003"));
        }
    }
}
