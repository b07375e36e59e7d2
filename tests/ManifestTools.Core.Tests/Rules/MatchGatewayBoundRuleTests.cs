using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class MatchGatewayBoundRuleTests
    {
        private static string WithMatch(string gateways, string matchGateways) => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: bookinfo
            spec:
              hosts: [bookinfo.example.com, reviews]
              gateways: {{gateways}}
              http:
                - match:
                    - gateways: {{matchGateways}}
                  route:
                    - destination: {host: reviews, subset: v1}
            """;

        private static string Input(string vs) =>
            Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), Gateways.Gateway(), Gateways.Gateway("other-gateway", hosts: "[\"*\"]", port: 8080), vs);

        [Fact]
        public void AMatchOnAGatewayTheServiceIsNotBoundTo_IsReported_AtTheMatchEntry()
        {
            var diagnostics = Lint.Files(("mesh.yaml", Input(string.Empty)), ("vs.yaml", WithMatch("[bookinfo-gateway]", "[other-gateway]")));

            var d = Assert.Single(diagnostics.Only("MT1011"));
            Assert.Equal((Severity.Error, "vs.yaml", 10, 22), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("match[0] of route http[0] of VirtualService default/bookinfo applies on gateway other-gateway, but VirtualService " +
                         "default/bookinfo is not bound to it (it is bound to bookinfo-gateway), so the match never applies; add other-gateway " +
                         "to spec.gateways, or fix the name", d.Message);
        }

        [Fact]
        public void MeshInAMatch_OfAServiceBoundOnlyToAGateway_IsReported()
        {
            var d = Assert.Single(Lint.Yaml(Input(WithMatch("[bookinfo-gateway]", "[mesh]"))).Only("MT1011"));

            Assert.Contains("applies on gateway mesh", d.Message);
        }

        [Fact]
        public void AGatewayInAMatch_OfAServiceWithoutGateways_IsReported_AsMeshOnly()
        {
            var d = Assert.Single(Lint.Yaml(Input(WithMatch("[]", "[bookinfo-gateway]"))).Only("MT1011"));

            Assert.Contains("(it has no spec.gateways, so it applies on the mesh only)", d.Message);
        }

        [Fact]
        public void AShortNameForABoundGatewayOfAnotherNamespace_NamesTheBoundOne()
        {
            var input = Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), Gateways.Gateway(ns: "istio-ingress"),
                WithMatch("[istio-ingress/bookinfo-gateway]", "[bookinfo-gateway]"));

            var d = Assert.Single(Lint.Yaml(input).Only("MT1011"));

            Assert.EndsWith("so the match never applies; write istio-ingress/bookinfo-gateway, as spec.gateways does (written short, " +
                            "bookinfo-gateway means default/bookinfo-gateway)", d.Message);
        }

        [Fact]
        public void AWrittenNamespaceInTheMatch_IsNotCalledShort()
        {
            var input = Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), Gateways.Gateway(ns: "edge"), Gateways.Gateway(ns: "istio-ingress"),
                WithMatch("[edge/bookinfo-gateway, mesh]", "[istio-ingress/bookinfo-gateway]"));

            var d = Assert.Single(Lint.Yaml(input).Only("MT1011"));

            Assert.EndsWith("write edge/bookinfo-gateway, as spec.gateways does, or bind the VirtualService to istio-ingress/bookinfo-gateway", d.Message);
        }

        [Theory]
        [InlineData("[bookinfo-gateway]", "[bookinfo-gateway]")]
        [InlineData("[default/bookinfo-gateway]", "[bookinfo-gateway]")]
        [InlineData("[bookinfo-gateway, mesh]", "[mesh]")]
        [InlineData("[]", "[mesh]")]
        [InlineData("[bookinfo-gateway, other-gateway]", "[other-gateway, ./bookinfo-gateway]")]
        public void MatchesOnBoundGateways_AreSilent(string gateways, string matchGateways)
        {
            Assert.Empty(Lint.Yaml(Input(WithMatch(gateways, matchGateways))).Only("MT1011"));
        }
    }
}
