using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class HostResolvesRuleTests
    {
        private const string ExampleEntry = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: example
            spec:
              hosts: ["*.example.com", payments.internal]
              ports: [{number: 443, name: https, protocol: TLS}]
              resolution: DNS
            """;

        /// <summary>A VirtualService in <paramref name="ns"/> with one destination; its "host:" key is at 11:13.</summary>
        private static string RouteTo(string host, string ns = "default", string protocol = "http") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: {{ns}}
            spec:
              hosts: [reviews]
              {{protocol}}:
                - route:
                    - destination:
                        host: {{host}}
            """;

        [Fact]
        public void UnknownDestinationHost_IsAnErrorAtTheHostKey()
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Backend()), ("vs.yaml", RouteTo("ratings")));

            var d = Assert.Single(diagnostics.Only("MT1004"));
            Assert.Equal((Severity.Error, "vs.yaml", 11, 13), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("VirtualService default/reviews", d.Subject?.ToString());
            Assert.Equal("A destination of route http[0] of VirtualService default/reviews names host ratings, which resolves to " +
                         "ratings.default.svc.cluster.local: no Service or ServiceEntry in the input defines it", d.Message);
        }

        [Fact]
        public void UnknownDestinationRuleHost_InANamespaceTheInputHolds_IsAnErrorAsForARoute()
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Backend()), ("dr.yaml", Mesh.DestinationRule(host: "ratings")));

            var d = Assert.Single(diagnostics.Only("MT1004"));
            Assert.Equal((Severity.Error, "dr.yaml", 7, 3), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("DestinationRule default/reviews", d.Subject?.ToString());
            Assert.Equal("DestinationRule default/reviews names host ratings, which resolves to " +
                         "ratings.default.svc.cluster.local: no Service or ServiceEntry in the input defines it", d.Message);
        }

        [Fact]
        public void NameDotNamespace_IsNotExpanded()
        {
            // Istio takes any host with a dot as written, so "reviews.prod" is not reviews.prod.svc.cluster.local.
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), RouteTo("reviews.prod"))).Only("MT1004"));

            Assert.Equal(Severity.Error, d.Severity);
            Assert.EndsWith("names host reviews.prod, which resolves to reviews.prod: no Service or ServiceEntry in the input defines it; " +
                            "did you mean reviews.prod.svc.cluster.local? (Istio expands only names without a dot)", d.Message);
        }

        [Fact]
        public void ShortHost_ResolvesInTheReferringNamespace()
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), RouteTo("reviews", ns: "web"))).Only("MT1004"));

            Assert.EndsWith("names host reviews, which resolves to reviews.web.svc.cluster.local: no Service or ServiceEntry in the input defines it; " +
                            "did you mean reviews.prod.svc.cluster.local?", d.Message);
        }

        [Fact]
        public void MistypedFullName_HintsTheServiceWithoutTheShortNameNote()
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), RouteTo("reviews.prdo.svc.cluster.local"))).Only("MT1004"));

            Assert.EndsWith("did you mean reviews.prod.svc.cluster.local?", d.Message);
        }

        [Theory]
        [InlineData("reviews", "prod")]
        [InlineData("reviews.prod.svc.cluster.local", "web")]
        [InlineData("reviews.prod.svc.cluster.local", "prod")]
        public void ShortHostInSameNamespace_AndFqdnFromAnyNamespace_Resolve(string host, string ns)
        {
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), RouteTo(host, ns))).Only("MT1004"));
        }

        [Fact]
        public void DestinationRuleWithShortHost_InAnotherNamespaceThanTheService_IsAnErrorThatNamesTheService()
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), Mesh.DestinationRule(ns: "mesh"))).Only("MT1004"));

            Assert.Equal(Severity.Error, d.Severity);
            Assert.Contains("resolves to reviews.mesh.svc.cluster.local", d.Message);
            Assert.EndsWith("did you mean reviews.prod.svc.cluster.local?", d.Message);
        }

        [Fact]
        public void DestinationRuleWithFqdnHost_InAnotherNamespace_IsSilent()
        {
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), Mesh.DestinationRule("reviews.prod.svc.cluster.local", ns: "mesh"))).Only("MT1004"));
        }

        [Theory]
        [InlineData("payments.internal")]
        [InlineData("api.example.com")]
        [InlineData("eu.api.example.com")]
        public void ServiceEntryHosts_ExactAndWildcard_AreKnown(string host)
        {
            var diagnostics = Lint.Yaml(Mesh.Join(ExampleEntry, RouteTo(host), Mesh.DestinationRule(host)));

            Assert.Empty(diagnostics.Only("MT1004"));
        }

        [Theory]
        [InlineData("example.com")]
        [InlineData("api.example.org")]
        [InlineData("payments")]
        public void HostsOutsideTheServiceEntry_AreUnknown(string host)
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(ExampleEntry, RouteTo(host))).Only("MT1004"));

            Assert.Contains($"names host {host}, ", d.Message);
        }

        [Fact]
        public void WildcardDestinationRuleHost_IsSilent()
        {
            Assert.Empty(Lint.Yaml(Mesh.DestinationRule("*.example.com")).Only("MT1004"));
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
                        - destination: {host: reviews}
                      mirror: {host: reviews-shadow}
                      mirrors:
                        - destination:
                            host: reviews-audit
                """;

            var found = Lint.Files(("mesh.yaml", Mesh.Backend()), ("vs.yaml", vs)).Only("MT1004");

            Assert.Collection(found,
                d =>
                {
                    Assert.Equal((10, 16), (d.Span.Line, d.Span.Column));
                    Assert.StartsWith("A mirror of VirtualService default/reviews names host reviews-shadow, ", d.Message);
                },
                d =>
                {
                    Assert.Equal((13, 13), (d.Span.Line, d.Span.Column));
                    Assert.StartsWith("A mirror of VirtualService default/reviews names host reviews-audit, ", d.Message);
                });
        }

        [Theory]
        [InlineData("tcp")]
        [InlineData("tls")]
        public void TcpAndTlsDestinations_AreChecked(string protocol)
        {
            var d = Assert.Single(Lint.Yaml(RouteTo("ratings", protocol: protocol)).Only("MT1004"));

            Assert.Equal((11, 13), (d.Span.Line, d.Span.Column));
            Assert.StartsWith($"A destination of route {protocol}[0] of VirtualService default/reviews names host ratings", d.Message);
        }

        [Fact]
        public void ListItems_AreReportedAtTheirOwnLines()
        {
            var yaml = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata: {name: reviews, namespace: shop}
                    spec:
                      hosts: [reviews]
                      http:
                        - route:
                            - destination: {host: ratings}
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1004"));

            Assert.Equal((11, 29), (d.Span.Line, d.Span.Column));
            Assert.Equal("VirtualService shop/reviews", d.Subject?.ToString());
        }

        [Theory]
        [InlineData("MT1004")]
        [InlineData("*")]
        public void SuppressedOnTheReferringObject(string ids)
        {
            var annotation = $"  annotations: {{manifest-tools.io/suppress: \"{ids}\"}}\n";
            var vs = RouteTo("ratings").Replace("  namespace: default\n", "  namespace: default\n" + annotation);
            var dr = Mesh.DestinationRule("ratings").Replace("  namespace: default\n", "  namespace: default\n" + annotation);

            Assert.Empty(Lint.Yaml(Mesh.Join(vs, dr)).Only("MT1004"));
        }

        [Fact]
        public void SuppressionOnTheDestinationRule_DoesNotSilenceTheVirtualService()
        {
            var dr = Mesh.DestinationRule("ratings").Replace("  namespace: default\n", "  namespace: default\n  annotations: {manifest-tools.io/suppress: MT1004}\n");

            var d = Assert.Single(Lint.Yaml(Mesh.Join(RouteTo("ratings"), dr)).Only("MT1004"));

            Assert.Equal("VirtualService default/reviews", d.Subject?.ToString());
        }
    }
}
