using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class HttpRouteProtocolRuleTests
    {
        private const string HeaderRoute = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
                - name: products
                  match:
                    - headers: {page-source: {exact: products}}
                  route:
                    - destination: {host: reviews, subset: v1}
                      weight: 50
                    - destination: {host: reviews, subset: v2}
                      weight: 50
                - route:
                    - destination: {host: reviews, subset: v1}
            """;

        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> Findings(string ports, string vs = HeaderRoute) =>
            Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), Mesh.Service(ports: ports), Mesh.DestinationRule())),
                ("vs.yaml", vs)).Only("MT1020");

        [Fact]
        public void AHeaderRouteToATcpPort_IsReportedOncePerRoute_AtItsFirstDestination()
        {
            var d = Assert.Single(Findings("[{name: tcp-reviews, port: 9080}]"));

            Assert.Equal((Severity.Error, "vs.yaml", 12, 11), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("route http[0] \"products\" of VirtualService default/reviews matches on the request, but Service default/reviews declares " +
                         "no port of its host as HTTP: port 9080 is tcp (port name tcp-reviews), so the sidecars proxy it without reading HTTP and the " +
                         "match never applies; declare port 9080 as http (name http-…, or appProtocol: http), or route it with a tcp route", d.Message);
        }

        [Theory]
        [InlineData("[{name: http, port: 9080, appProtocol: tcp}]", "appProtocol tcp")]
        [InlineData("[{name: tls, port: 9080}]", "port name tls")]
        [InlineData("[{name: https-web, port: 9080}]", "port name https-web")]
        [InlineData("[{name: mongo, port: 9080}]", "port name mongo")]
        public void OtherDeclaredOpaqueProtocols_AreReported(string ports, string source)
        {
            Assert.Contains(source, Assert.Single(Findings(ports)).Message);
        }

        [Theory]
        [InlineData("[{name: http, port: 9080}]")]
        [InlineData("[{name: http2-web, port: 9080}]")]
        [InlineData("[{name: grpc, port: 9080}]")]
        [InlineData("[{name: grpc-web, port: 9080}]")]
        [InlineData("[{name: web, port: 9080}]")]
        [InlineData("[{port: 9080}]")]
        [InlineData("[{name: tcp, port: 9080, appProtocol: http}]")]
        [InlineData("[{name: tcp, port: 9080, appProtocol: kubernetes.io/h2c}]")]
        public void HttpFamilyUndeclaredAndDetectedPorts_AreSilent(string ports)
        {
            Assert.Empty(Findings(ports));
        }

        [Fact]
        public void RoutesWithoutRequestMatches_AndGatewayOnlyServices_AreSilent()
        {
            Assert.Empty(Findings("[{name: tcp, port: 9080}]", Mesh.VirtualService()));
            Assert.Empty(Findings("[{name: tcp, port: 9080}]", HeaderRoute.Replace("  hosts: [reviews]", "  hosts: [reviews]\n  gateways: [bookinfo-gateway]")));
        }

        [Fact]
        public void AServiceEntryPortsProtocol_IsItsDeclaration()
        {
            const string entry = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: db}
                spec:
                  hosts: [db.example.com]
                  ports: [{number: 5432, name: db, protocol: TCP}]
                  resolution: DNS
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: db}
                spec:
                  hosts: [db.example.com]
                  http:
                    - match: [{uri: {prefix: /}, headers: {x-tenant: {exact: a}}}]
                      route:
                        - destination: {host: db.example.com}
                """;

            Assert.Contains("ServiceEntry default/db declares no port of its host as HTTP: port 5432 is tcp (protocol TCP)", Assert.Single(Lint.Yaml(entry).Only("MT1020")).Message);
        }
    }
}
