using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class WeightInRangeRuleTests
    {
        [Fact]
        public void ReportsEachWeightOutsideTheRange_AtTheWeightValue()
        {
            // 150 and -50 total 100, so only MT1006 speaks.
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())), ("vs.yaml", Mesh.Split(150, -50)));

            Assert.Collection(diagnostics.Only("MT1006"),
                d =>
                {
                    Assert.Equal((Severity.Error, "vs.yaml", 10, 19), (d.Severity, d.File, d.Span.Line, d.Span.Column));
                    Assert.Equal("VirtualService default/reviews", d.Subject?.ToString());
                    Assert.Equal("weight 150 of route http[0] of VirtualService default/reviews is outside 0..100", d.Message);
                },
                d =>
                {
                    Assert.Equal((Severity.Error, "vs.yaml", 12, 19), (d.Severity, d.File, d.Span.Line, d.Span.Column));
                    Assert.Equal("weight -50 of route http[0] of VirtualService default/reviews is outside 0..100", d.Message);
                });
            Assert.Empty(diagnostics.Only("MT1002"));
        }

        [Theory]
        [InlineData(0, 100)]
        [InlineData(100, 0)]
        [InlineData(null, 100)]
        public void BoundsAreInside(int? v1, int? v2)
        {
            Assert.Empty(Lint.Yaml(Mesh.Split(v1, v2)).Only("MT1006"));
        }

        [Theory]
        [InlineData("tcp")]
        [InlineData("tls")]
        public void TcpAndTlsRoutes_AreChecked(string protocol)
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Split(101, 0, protocol)).Only("MT1006"));

            Assert.Equal((10, 19), (d.Span.Line, d.Span.Column));
            Assert.Equal($"weight 101 of route {protocol}[0] of VirtualService default/reviews is outside 0..100", d.Message);
        }

        [Fact]
        public void SingleDestinationWeight_IsCheckedToo()
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
                        - destination: {host: reviews}
                          weight: -1
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1006"));

            Assert.Equal((10, 19), (d.Span.Line, d.Span.Column));
        }

        [Fact]
        public void SuppressedByAnnotation()
        {
            var yaml = Mesh.Split(150, -50).Replace("  name: reviews\n", "  name: reviews\n  annotations: {manifest-tools.io/suppress: MT1006}\n");

            Assert.Contains("suppress", yaml);
            Assert.Empty(Lint.Yaml(yaml).Only("MT1006"));
        }
    }
}
