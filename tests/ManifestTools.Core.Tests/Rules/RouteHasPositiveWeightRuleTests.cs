using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class RouteHasPositiveWeightRuleTests
    {
        [Theory]
        [InlineData(0, 0)]
        [InlineData(null, null)]
        [InlineData(0, null)]
        public void ReportsMultiDestinationRouteWithoutPositiveWeight_AtTheRouteKey(int? v1, int? v2)
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())), ("vs.yaml", Mesh.Split(v1, v2)));

            var d = Assert.Single(diagnostics.Only("MT1005"));
            Assert.Equal((Severity.Error, "vs.yaml", 8, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("VirtualService default/reviews", d.Subject?.ToString());
            Assert.Equal("route http[0] of VirtualService default/reviews has 2 destinations whose weights are all 0 or missing", d.Message);
        }

        [Theory]
        [InlineData(1, 0)]
        [InlineData(null, 100)]
        [InlineData(90, 10)]
        public void OnePositiveWeight_IsEnough(int? v1, int? v2)
        {
            Assert.Empty(Lint.Yaml(Mesh.Split(v1, v2)).Only("MT1005"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("weight: 0")]
        public void SingleDestination_IsSilent(string weight)
        {
            var yaml = $$"""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - route:
                        - destination: {host: reviews, subset: v1}
                          {{weight}}
                """;

            Assert.Empty(Lint.Yaml(yaml).Only("MT1005"));
        }

        [Theory]
        [InlineData("tcp")]
        [InlineData("tls")]
        public void TcpAndTlsRoutes_AreChecked(string protocol)
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Split(0, 0, protocol)).Only("MT1005"));

            Assert.Equal((8, 7), (d.Span.Line, d.Span.Column));
            Assert.StartsWith($"route {protocol}[0] of VirtualService default/reviews has 2 destinations", d.Message);
        }

        [Fact]
        public void CountsEveryDestination()
        {
            var yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - route:
                        - {destination: {host: reviews, subset: v1}, weight: 0}
                        - {destination: {host: reviews, subset: v2}, weight: 0}
                        - {destination: {host: reviews, subset: v3}}
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1005"));

            Assert.Contains(" has 3 destinations ", d.Message);
        }

        [Fact]
        public void SuppressedByAnnotation()
        {
            var yaml = Mesh.Split(0, 0).Replace("  name: reviews\n", "  name: reviews\n  annotations: {manifest-tools.io/suppress: \"MT1002,MT1005\"}\n");

            Assert.Contains("suppress", yaml);
            Assert.Empty(Lint.Yaml(yaml).Only("MT1005"));
        }
    }
}
