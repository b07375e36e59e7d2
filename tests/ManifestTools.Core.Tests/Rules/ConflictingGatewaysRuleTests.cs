using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class ConflictingGatewaysRuleTests
    {
        [Fact]
        public void SameSelectorPortAndHost_ReportsTheSecondGateway_AtItsHost()
        {
            var diagnostics = Lint.Files(("gateways/a.yaml", Gateways.Gateway("a", protocol: "HTTPS")), ("gateways/b.yaml", Gateways.Gateway("b", protocol: "HTTPS")));

            var d = Assert.Single(diagnostics.Only("MT1014"));
            Assert.Equal((Severity.Error, "gateways/b.yaml", 10, 15), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("Gateway default/b serves host bookinfo.example.com on port 80 of the gateway workloads istio=ingressgateway, as " +
                         "Gateway default/a already does; merge the servers into one Gateway, or serve another port or host", d.Message);
        }

        [Theory]
        [InlineData("[\"*\"]", "[\"*\"]")]
        [InlineData("[\"*.example.com\"]", "[\"*.example.com\"]")]
        [InlineData("[\"BookInfo.example.com\"]", "[\"bookinfo.example.com\"]")]
        [InlineData("[\"*/bookinfo.example.com\"]", "[\"bookinfo.example.com\"]")]
        [InlineData("[\"default/bookinfo.example.com\"]", "[\"./bookinfo.example.com\"]")]
        public void OverlappingHosts_Conflict(string first, string second)
        {
            Assert.Single(Lint.Yaml(Mesh.Join(Gateways.Gateway("a", protocol: "HTTPS", hosts: first), Gateways.Gateway("b", protocol: "HTTPS", hosts: second))).Only("MT1014"));
        }

        [Theory]
        [InlineData("bookinfo.example.com", 80, "{istio: ingressgateway}", "shop.example.com", 80, "{istio: ingressgateway}")]
        [InlineData("bookinfo.example.com", 80, "{istio: ingressgateway}", "bookinfo.example.com", 443, "{istio: ingressgateway}")]
        [InlineData("bookinfo.example.com", 80, "{istio: ingressgateway}", "bookinfo.example.com", 80, "{istio: internal-gateway}")]
        [InlineData("bookinfo.example.com", 80, "{istio: ingressgateway}", "bookinfo.example.com", 80, "{istio: ingressgateway, tier: edge}")]
        [InlineData("prod/bookinfo.example.com", 80, "{istio: ingressgateway}", "staging/bookinfo.example.com", 80, "{istio: ingressgateway}")]
        [InlineData("*.example.org", 80, "{istio: ingressgateway}", "*.example.com", 80, "{istio: ingressgateway}")]
        [InlineData("*", 80, "{istio: ingressgateway}", "bookinfo.example.com", 80, "{istio: ingressgateway}")]
        [InlineData("*.example.com", 443, "{istio: ingressgateway}", "bookinfo.example.com", 443, "{istio: ingressgateway}")]
        public void DifferentHostsPortsOrWorkloads_AndAWildcardBesideANameUnderIt_AreSilent(string firstHost, int firstPort, string firstSelector, string secondHost, int secondPort, string secondSelector)
        {
            var yaml = Mesh.Join(
                Gateways.Gateway("a", protocol: "HTTPS", hosts: $"[\"{firstHost}\"]", port: firstPort, selector: firstSelector),
                Gateways.Gateway("b", protocol: "HTTPS", hosts: $"[\"{secondHost}\"]", port: secondPort, selector: secondSelector));

            Assert.Empty(Lint.Yaml(yaml).Only("MT1014"));
        }

        [Fact]
        public void PlainHttpServersOfOnePort_AreMerged_NotConflicting()
        {
            // Bookinfo's gateway and the cert-manager gateway of Istio's samples both serve * on port 80.
            var bookinfo = Gateways.Gateway("bookinfo-gateway", hosts: "[\"*\"]");
            var certManager = Gateways.Gateway("cert-manager-gateway", ns: "istio-system", hosts: "[\"*\"]");

            Assert.Empty(Lint.Yaml(Mesh.Join(bookinfo, certManager)).Only("MT1014"));
        }

        [Fact]
        public void DifferentBindAddresses_AreSilent()
        {
            var a = Gateways.Gateway("a", protocol: "HTTPS").Replace("    - port:", "    - bind: 10.0.0.10\n      port:");
            var b = Gateways.Gateway("b", protocol: "HTTPS").Replace("    - port:", "    - bind: 10.0.0.11\n      port:");

            Assert.Empty(Lint.Yaml(Mesh.Join(a, b)).Only("MT1014"));
            Assert.Single(Lint.Yaml(Mesh.Join(a, b.Replace("10.0.0.11", "10.0.0.10"))).Only("MT1014"));
        }

        [Fact]
        public void TheSameGatewayInTwoFiles_IsOneObject()
        {
            Assert.Empty(Lint.Files(("staging/gateway.yaml", Gateways.Gateway(protocol: "HTTPS")), ("prod/gateway.yaml", Gateways.Gateway(protocol: "HTTPS"))).Only("MT1014"));
        }

        [Fact]
        public void GatewaysInDifferentFolders_AreAWarning()
        {
            var d = Assert.Single(Lint.Files(("clusters/east/a.yaml", Gateways.Gateway("a", protocol: "HTTPS")), ("clusters/west/b.yaml", Gateways.Gateway("b", protocol: "HTTPS"))).Only("MT1014"));

            Assert.Equal(Severity.Warning, d.Severity);
        }

        [Fact]
        public void ManyGateways_EachReportedOnce()
        {
            var gateways = Enumerable.Range(0, 5).Select(i => Gateways.Gateway("g" + i, hosts: "[\"*\"]", protocol: "HTTPS")).ToArray();

            var diagnostics = Lint.Yaml(Mesh.Join(gateways)).Only("MT1014");

            Assert.Equal(new[] { "Gateway default/g1", "Gateway default/g2", "Gateway default/g3", "Gateway default/g4" },
                diagnostics.Select(d => d.Subject!.ToString()));
            Assert.All(diagnostics, d => Assert.Contains("as Gateway default/g0 already does", d.Message));
        }
    }
}
