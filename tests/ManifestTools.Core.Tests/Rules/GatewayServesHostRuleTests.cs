using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class GatewayServesHostRuleTests
    {
        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> LintEdge(string gatewayHosts, string vsHosts,
            string gatewayNamespace = "default", string gateways = "[bookinfo-gateway]") =>
            Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Canary(), Gateways.Gateway(ns: gatewayNamespace, hosts: gatewayHosts))),
                ("vs.yaml", Gateways.Edge(gateways, vsHosts))).Only("MT1013");

        [Fact]
        public void NoHostInCommon_IsAnError_AtTheGatewayEntry_ListingBothSides()
        {
            var d = Assert.Single(LintEdge("[\"shop.example.com\"]", "[bookinfo.example.com]"));

            Assert.Equal((Severity.Error, "vs.yaml", 7, 14), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("VirtualService default/bookinfo is bound to gateway default/bookinfo-gateway, but none of its hosts (bookinfo.example.com) " +
                         "matches a host that default/bookinfo-gateway serves to namespace default (it serves shop.example.com); add a matching " +
                         "host to the Gateway, or fix the VirtualService's hosts", d.Message);
        }

        [Theory]
        [InlineData("[\"bookinfo.example.com\"]", "[bookinfo.example.com]")]
        [InlineData("[\"*\"]", "[bookinfo.example.com]")]
        [InlineData("[\"*.example.com\"]", "[bookinfo.example.com]")]
        [InlineData("[\"bookinfo.example.com\"]", "[\"*.example.com\"]")]
        [InlineData("[\"*.example.com\"]", "[\"*.shop.example.com\"]")]
        [InlineData("[\"*/bookinfo.example.com\"]", "[bookinfo.example.com]")]
        [InlineData("[\"./bookinfo.example.com\"]", "[bookinfo.example.com]")]
        [InlineData("[\"default/bookinfo.example.com\"]", "[bookinfo.example.com]")]
        [InlineData("[\"other.example.com\", \"bookinfo.example.com\"]", "[bookinfo.example.com]")]
        [InlineData("[\"reviews.default.svc.cluster.local\"]", "[reviews]")]
        [InlineData("[\"${HOST}\"]", "[bookinfo.example.com]")]
        public void HostsTheGatewayServesToTheNamespace_AreSilent(string gatewayHosts, string vsHosts)
        {
            Assert.Empty(LintEdge(gatewayHosts, vsHosts));
        }

        [Theory]
        [InlineData("[\"*.example.com\"]", "[example.com]")]
        [InlineData("[\"prod/bookinfo.example.com\"]", "[bookinfo.example.com]")]
        [InlineData("[\"*.example.org\"]", "[\"*.example.com\"]")]
        public void HostsTheGatewayDoesNotServeToTheNamespace_AreReported(string gatewayHosts, string vsHosts)
        {
            Assert.Single(LintEdge(gatewayHosts, vsHosts));
        }

        [Fact]
        public void DotMeansTheGatewaysNamespace_NotTheVirtualServices()
        {
            Assert.Single(LintEdge("[\"./bookinfo.example.com\"]", "[bookinfo.example.com]", "istio-system", "[istio-system/bookinfo-gateway]"));
            Assert.Empty(LintEdge("[\"default/bookinfo.example.com\"]", "[bookinfo.example.com]", "istio-system", "[istio-system/bookinfo-gateway]"));
        }

        [Theory]
        [InlineData("[{name: http, port: 80, protocol: HTTP}]", "")]
        [InlineData("[{name: http, port: 80, protocol: HTTP, hostname: \"*.example.com\"}]", "")]
        [InlineData("[{name: http, port: 80, protocol: HTTP, hostname: shop.example.com}]", "MT1013")]
        public void KubernetesGatewayListeners_WithoutAHostname_AcceptEveryHost(string listeners, string expected)
        {
            var gateway = $$"""
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: bookinfo-gateway, namespace: default}
                spec:
                  gatewayClassName: istio
                  listeners: {{listeners}}
                """;

            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Canary(), gateway, Gateways.Edge())).Only("MT1013");

            Assert.Equal(expected, string.Join(",", System.Linq.Enumerable.Select(diagnostics, d => d.Id)));
        }

        [Fact]
        public void AMissingGateway_IsLeftToMT1010()
        {
            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Canary(), Gateways.Gateway(), Gateways.Edge("[missing-gateway]")));

            Assert.Empty(diagnostics.Only("MT1013"));
            Assert.Single(diagnostics.Only("MT1010"));
        }

        [Fact]
        public void AnyDefinitionThatServesTheHost_IsEnough()
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Canary()),
                ("staging/gateway.yaml", Gateways.Gateway(hosts: "[\"staging.example.com\"]")),
                ("prod/gateway.yaml", Gateways.Gateway(hosts: "[\"bookinfo.example.com\"]")),
                ("vs.yaml", Gateways.Edge()));

            Assert.Empty(diagnostics.Only("MT1013"));
        }
    }
}
