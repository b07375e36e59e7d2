using System.Globalization;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class RouteWeightsTotal100RuleTests
    {
        [Theory]
        [InlineData(90, 20, "add up to 110, not 100: 90 (v1) + 20 (v2)")]
        [InlineData(50, 49, "add up to 99, not 100: 50 (v1) + 49 (v2)")]
        [InlineData(90, null, "add up to 90, not 100: 90 (v1) + 0 (v2, no weight)")]
        [InlineData(null, 60, "add up to 60, not 100: 0 (v1, no weight) + 60 (v2)")]
        public void ReportsTotalOtherThan100_AtTheRouteKey(int? v1, int? v2, string expected)
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())), ("vs.yaml", Mesh.Split(v1, v2)));

            var d = Assert.Single(diagnostics.Only("MT1002"));
            Assert.Equal((Severity.Error, "vs.yaml", 8, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("VirtualService default/reviews", d.Subject?.ToString());
            Assert.Equal("the weights of route http[0] of VirtualService default/reviews " + expected, d.Message);
        }

        [Theory]
        [InlineData(null, null)]
        [InlineData(0, 0)]
        public void AllZeroMultiDestinationRoute_IsMT1005Only(int? v1, int? v2)
        {
            var diagnostics = Lint.Yaml(Mesh.Split(v1, v2));

            Assert.Empty(diagnostics.Only("MT1002"));
            Assert.Single(diagnostics.Only("MT1005"));
        }

        [Theory]
        [InlineData(90, 10)]
        [InlineData(100, 0)]
        [InlineData(0, 100)]
        public void TotalOf100_IsSilent(int v1, int v2)
        {
            Assert.Empty(Lint.Yaml(Mesh.Split(v1, v2)).Only("MT1002"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("weight: 100")]
        [InlineData("weight: 0")]
        public void SingleDestination_WithoutWeightOrWithAnyZeroOr100_IsSilent(string weight)
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

            Assert.Empty(Lint.Yaml(yaml).Only("MT1002"));
        }

        [Fact]
        public void SingleDestinationWithPartialWeight_IsReported()
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
                        - destination: {host: reviews, subset: v1}
                          weight: 50
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1002"));
            Assert.EndsWith("add up to 50, not 100: 50 (v1)", d.Message);
        }

        [Fact]
        public void ThreeWaySplitOf100_IsSilent()
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
                        - {destination: {host: reviews, subset: v1}, weight: 50}
                        - {destination: {host: reviews, subset: v2}, weight: 25}
                        - {destination: {host: reviews, subset: v3}, weight: 25}
                """;

            Assert.Empty(Lint.Yaml(yaml).Only("MT1002"));
        }

        [Fact]
        public void MessageDoesNotDependOnTheCurrentCulture()
        {
            // sv-SE writes negative numbers with U+2212; messages must read the same on every machine.
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("sv-SE");
                var d = Assert.Single(Lint.Yaml(Mesh.Split(150, -60)).Only("MT1002"));

                Assert.EndsWith("add up to 90, not 100: 150 (v1) + -60 (v2)", d.Message);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        [Theory]
        [InlineData("tcp")]
        [InlineData("tls")]
        public void TcpAndTlsRoutes_AreChecked(string protocol)
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Split(60, 60, protocol)).Only("MT1002"));

            Assert.Equal((8, 7), (d.Span.Line, d.Span.Column));
            Assert.StartsWith($"the weights of route {protocol}[0] of VirtualService default/reviews add up to 120", d.Message);
        }

        [Fact]
        public void MessageNamesTheRoute_AndCountsEntriesWithoutRoute()
        {
            // http[0] only redirects; the faulty route is http[1] and carries a name.
            var yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                  namespace: shop
                spec:
                  hosts: [reviews]
                  http:
                    - match: [{uri: {prefix: /old}}]
                      redirect: {uri: /new}
                    - name: canary
                      route:
                        - destination: {host: reviews, subset: v1}
                          weight: 80
                        - destination: {host: reviews, subset: v2}
                          weight: 30
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1002"));

            Assert.Equal((12, 7), (d.Span.Line, d.Span.Column));
            Assert.StartsWith("the weights of route http[1] \"canary\" of VirtualService shop/reviews add up to 110", d.Message);
        }

        [Fact]
        public void EachRouteIsTotalledOnItsOwn()
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
                        - {destination: {host: reviews, subset: v1}, weight: 50}
                        - {destination: {host: reviews, subset: v2}, weight: 50}
                    - route:
                        - {destination: {host: reviews, subset: v1}, weight: 50}
                        - {destination: {host: reviews, subset: v2}, weight: 40}
                """;

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1002"));

            Assert.Equal(11, d.Span.Line);
            Assert.Contains("route http[1] ", d.Message);
        }

        [Theory]
        [InlineData("\"10\"")]
        [InlineData("ten")]
        public void UnreadableWeight_IsReportedOnlyAsMT0002(string weight)
        {
            var yaml = Mesh.Split(90, 10).Replace("weight: 10", "weight: " + weight);

            var diagnostics = Lint.Yaml(yaml);

            Assert.Single(diagnostics.Only("MT0002"));
            Assert.Empty(diagnostics.Only("MT1002"));
            Assert.Empty(diagnostics.Only("MT1005"));
        }

        [Theory]
        [InlineData("MT1002")]
        [InlineData("mt1002")]
        [InlineData("MT1001;\tMT1002")]
        [InlineData("*")]
        public void SuppressedByAnnotation(string ids)
        {
            var yaml = Mesh.Split(90, 20).Replace("  name: reviews\n", $"  name: reviews\n  annotations: {{manifest-tools.io/suppress: \"{ids}\"}}\n");

            Assert.Contains("annotations", yaml);
            Assert.Empty(Lint.Yaml(yaml).Only("MT1002"));
        }

        [Theory]
        [InlineData("default")]
        [InlineData("prod")]
        public void ValidCanary_YieldsNoDiagnosticsAtAll(string ns)
        {
            Assert.Empty(Lint.Yaml(Mesh.Canary(ns)));
        }

        [Fact]
        public void HeaderRoute5050WithDefaultToV1_YieldsNoDiagnosticsAtAll()
        {
            var vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - name: testers
                      match: [{headers: {end-user: {exact: jason}}}]
                      route:
                        - destination: {host: reviews, subset: v1}
                          weight: 50
                        - destination: {host: reviews.default.svc.cluster.local, subset: v2}
                          weight: 50
                    - name: default
                      route:
                        - destination: {host: reviews, subset: v1}
                """;

            Assert.Empty(Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())), ("vs.yaml", vs)));
        }
    }
}
