using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class MeshRouteProtocolRuleTests
    {
        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> LintPorts(string ports, string parentPort = "port: 9080")
        {
            var workloads = Canary.Workloads().Replace("name: reviews\n  namespace: shop\nspec:\n  selector: {app: reviews}\n  ports: [{name: http, port: 9080}]",
                $"name: reviews\n  namespace: shop\nspec:\n  selector: {{app: reviews}}\n  ports: {ports}");
            var route = Canary.MeshRoute(Canary.Split).Replace("name: reviews\n      port: 9080", "name: reviews\n      " + parentPort);
            return Lint.Files(("mesh.yaml", workloads), ("route.yaml", route)).Only("MT1115");
        }

        [Fact]
        public void ARouteOnAPortNamedTcp_IsAnError_AtTheParentRefsPort()
        {
            var d = Assert.Single(LintPorts("[{name: tcp-main, port: 9080}]"));

            Assert.Equal((Severity.Error, "route.yaml", 11, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("HTTPRoute shop/reviews attaches to port 9080 of Service shop/reviews, which is declared tcp (port name tcp-main), so the mesh " +
                         "proxies it without reading its requests and the route's rules never apply; declare the port http (name it http or http-…, " +
                         "or set appProtocol: http), or attach the route to an HTTP port", d.Message);
        }

        [Theory]
        [InlineData("[{name: web, port: 9080, appProtocol: tcp}]", "declared tcp (appProtocol tcp)")]
        [InlineData("[{name: dns, port: 9080, protocol: UDP}]", "declared UDP (protocol UDP)")]
        public void AppProtocolAndUdp_AreReadToo(string ports, string declared) => Assert.Contains(declared, Assert.Single(LintPorts(ports)).Message);

        [Theory]
        [InlineData("[{name: http, port: 9080}]", "port: 9080")]
        [InlineData("[{name: web, port: 9080}]", "port: 9080")]
        [InlineData("[{name: tcp-metrics, port: 9090}, {name: http, port: 9080}]", "port: 9080")]
        [InlineData("[{name: tcp-metrics, port: 9090}, {name: http, port: 9080}]", "sectionName: http")]
        [InlineData("[{name: tcp-metrics, port: 9090}, {name: http, port: 9080}]", "namespace: shop")]
        [InlineData("[{name: tcp-main, port: \"${PORT}\"}]", "port: 9080")]
        public void HttpPorts_UndeclaredPorts_AndAnHttpPortAmongOthers_AreSilent(string ports, string parentPort)
        {
            Assert.Empty(LintPorts(ports, parentPort));
            Assert.Single(LintPorts("[{name: tcp-main, port: 9080}]", parentPort.Replace("sectionName: http", "sectionName: tcp-main")));
        }
    }
}
