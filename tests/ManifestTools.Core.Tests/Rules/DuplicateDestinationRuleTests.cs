using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class DuplicateDestinationRuleTests
    {
        /// <summary>One route with two destinations, written as flow mappings; the second "destination:" key is at 11:11.</summary>
        private static string Route(string first, string second, string protocol = "http") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              {{protocol}}:
                - route:
                    - destination: {{{first}}}
                      weight: 50
                    - destination: {{{second}}}
                      weight: 50
            """;

        [Fact]
        public void ReportsTheSecondEntry_AsAWarning()
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())),
                ("vs.yaml", Route("host: reviews, subset: v1", "host: reviews, subset: v1")));

            var d = Assert.Single(diagnostics.Only("MT1007"));
            Assert.Equal((Severity.Warning, "vs.yaml", 11, 11), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("VirtualService default/reviews", d.Subject?.ToString());
            Assert.Equal("route http[0] of VirtualService default/reviews lists destination reviews subset v1 twice", d.Message);
        }

        [Theory]
        [InlineData("host: reviews, subset: v1", "host: reviews.default.svc.cluster.local, subset: v1")]
        [InlineData("host: reviews.default.svc.cluster.local", "host: reviews")]
        [InlineData("host: reviews, port: {number: 9080}", "host: reviews, port: {number: 9080}")]
        public void ShortAndFqdnSpellingsOfOneDestination_AreDuplicates(string first, string second)
        {
            Assert.Single(Lint.Yaml(Route(first, second)).Only("MT1007"));
        }

        [Theory]
        [InlineData("host: reviews, subset: v1", "host: reviews, subset: v2")]
        [InlineData("host: reviews, port: {number: 9080}", "host: reviews, port: {number: 9090}")]
        [InlineData("host: reviews, subset: v1", "host: ratings, subset: v1")]
        [InlineData("host: reviews.default, subset: v1", "host: reviews.default.svc.cluster.local, subset: v1")]
        public void DifferentDestinations_AreSilent(string first, string second)
        {
            // "reviews.default" is taken as written by Istio: it is not the FQDN, whatever MT1004 says about it.
            Assert.Empty(Lint.Yaml(Route(first, second)).Only("MT1007"));
        }

        [Theory]
        [InlineData("tcp")]
        [InlineData("tls")]
        public void TcpAndTlsRoutes_AreChecked(string protocol)
        {
            var d = Assert.Single(Lint.Yaml(Route("host: reviews", "host: reviews", protocol)).Only("MT1007"));

            Assert.Equal((11, 11), (d.Span.Line, d.Span.Column));
            Assert.Equal($"route {protocol}[0] of VirtualService default/reviews lists destination reviews twice", d.Message);
        }

        [Fact]
        public void SameDestinationInDifferentRoutesOrAsMirror_IsSilent()
        {
            var yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - match: [{headers: {end-user: {exact: jason}}}]
                      route:
                        - destination: {host: reviews, subset: v2}
                      mirror: {host: reviews, subset: v2}
                    - route:
                        - destination: {host: reviews, subset: v2}
                """;

            Assert.Empty(Lint.Yaml(yaml).Only("MT1007"));
        }

        [Fact]
        public void SuppressedByAnnotation()
        {
            var yaml = Route("host: reviews", "host: reviews").Replace("  name: reviews\n", "  name: reviews\n  annotations: {manifest-tools.io/suppress: MT1007}\n");

            Assert.Contains("suppress", yaml);
            Assert.Empty(Lint.Yaml(yaml).Only("MT1007"));
        }
    }
}
