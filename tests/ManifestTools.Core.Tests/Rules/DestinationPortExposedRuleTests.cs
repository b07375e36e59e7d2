using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class DestinationPortExposedRuleTests
    {
        private const string TwoPorts = "[{name: http, port: 9080}, {name: grpc, port: 9090}]";

        /// <summary>
        /// A VirtualService in <paramref name="ns"/> with one destination; its "destination:" key is at 10:11 and
        /// the port number, if any, at 12:28.
        /// </summary>
        private static string RouteTo(string host, int? port = null, string ns = "default", string protocol = "http") => $$"""
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
                        {{Port(port)}}
            """;

        private static string Port(int? port) =>
            port is { } p ? "port: {number: " + p.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}" : string.Empty;

        [Fact]
        public void ReportsPortTheServiceDoesNotExpose_AtThePortNumber()
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Backend()), ("vs.yaml", RouteTo("reviews", 8080)));

            var d = Assert.Single(diagnostics.Only("MT1009"));
            Assert.Equal((Severity.Error, "vs.yaml", 12, 28), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("VirtualService default/reviews", d.Subject?.ToString());
            Assert.Equal("A destination of route http[0] of VirtualService default/reviews sends to port 8080, " +
                         "but Service reviews exposes only 9080 (http)", d.Message);
        }

        [Fact]
        public void MultiPortServiceWithoutPort_IsReportedAtTheDestinationKey()
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Service(ports: TwoPorts)), ("vs.yaml", RouteTo("reviews")));

            var d = Assert.Single(diagnostics.Only("MT1009"));
            Assert.Equal((Severity.Error, "vs.yaml", 10, 11), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("A destination of route http[0] of VirtualService default/reviews names no port, but Service reviews exposes several " +
                         "(9080 (http), 9090 (grpc)); set destination.port.number", d.Message);
        }

        [Theory]
        [InlineData(TwoPorts, 9090)]
        [InlineData(TwoPorts, 9080)]
        [InlineData("[{name: http, port: 9080}]", 9080)]
        [InlineData("[{name: http, port: 9080}]", null)]
        [InlineData("[{port: 9080}]", null)]
        public void ExposedOrSinglePort_IsSilent(string ports, int? port)
        {
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Service(ports: ports), RouteTo("reviews", port))).Only("MT1009"));
        }

        [Fact]
        public void AServiceWithAPortWrittenAsAPlaceholder_IsNotJudged()
        {
            var service = Mesh.Join(Mesh.Deployment("v1"), Mesh.Service(ports: "[{name: http, port: \"${HTTP_PORT}\"}, {name: metrics, port: 9090}]"));

            Assert.Empty(Lint.Files(("mesh.yaml", service), ("vs.yaml", RouteTo("reviews", 8080))).Only("MT1009"));
            Assert.Single(Lint.Files(("mesh.yaml", service.Replace("\"${HTTP_PORT}\"", "9080")), ("vs.yaml", RouteTo("reviews", 8080))).Only("MT1009"));
        }

        [Fact]
        public void UnnamedPort_IsListedByNumberOnly()
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Service(ports: "[{port: 9080}]"), RouteTo("reviews", 80))).Only("MT1009"));

            Assert.EndsWith("but Service reviews exposes only 9080", d.Message);
        }

        [Fact]
        public void FqdnHostInAnotherNamespace_IsCheckedAgainstThatService()
        {
            var yaml = Mesh.Join(Mesh.Backend("prod"), RouteTo("reviews.prod.svc.cluster.local", 8080, ns: "web"));

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1009"));

            Assert.StartsWith("A destination of route http[0] of VirtualService web/reviews sends to port 8080, but Service reviews exposes only 9080", d.Message);
        }

        [Theory]
        [InlineData("api.example.com")]
        [InlineData("payments.internal")]
        public void ServiceEntryPorts_ExactAndWildcardHosts(string host)
        {
            var entry = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: ["*.example.com", payments.internal]
                  ports: [{number: 443, name: https, protocol: TLS}]
                  resolution: DNS
                """;

            var diagnostics = Lint.Yaml(Mesh.Join(entry, RouteTo(host, 80), RouteTo(host, 443).Replace("name: reviews", "name: fine")));

            var d = Assert.Single(diagnostics.Only("MT1009"));
            Assert.EndsWith("sends to port 80, but ServiceEntry external exposes only 443 (https)", d.Message);
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
                        - destination: {host: reviews, port: {number: 9080}}
                      mirror:
                        host: reviews
                        port:
                          number: 8080
                      mirrors:
                        - destination: {host: reviews}
                """;

            var found = Lint.Files(("mesh.yaml", Mesh.Service(ports: TwoPorts)), ("vs.yaml", vs)).Only("MT1009");

            Assert.Collection(found,
                d =>
                {
                    Assert.Equal((13, 19), (d.Span.Line, d.Span.Column));
                    Assert.StartsWith("A mirror of VirtualService default/reviews sends to port 8080, ", d.Message);
                },
                d =>
                {
                    Assert.Equal((15, 11), (d.Span.Line, d.Span.Column));
                    Assert.StartsWith("A mirror of VirtualService default/reviews names no port, ", d.Message);
                });
        }

        [Theory]
        [InlineData("tcp")]
        [InlineData("tls")]
        public void TcpAndTlsRoutes_AreChecked(string protocol)
        {
            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Service()), ("vs.yaml", RouteTo("reviews", 8080, protocol: protocol))).Only("MT1009"));

            Assert.Equal((12, 28), (d.Span.Line, d.Span.Column));
            Assert.StartsWith($"A destination of route {protocol}[0] of VirtualService default/reviews sends to port 8080", d.Message);
        }

        [Fact]
        public void UnknownHostOrServiceWithoutPorts_IsSilent()
        {
            var portless = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ratings
                spec:
                  selector: {app: ratings}
                """;
            var yaml = Mesh.Join(portless, RouteTo("ratings", 8080), RouteTo("details", 8080).Replace("name: reviews", "name: details"));

            Assert.Empty(Lint.Yaml(yaml).Only("MT1009"));
        }

        [Fact]
        public void SuppressedByAnnotation()
        {
            var vs = RouteTo("reviews", 8080).Replace("  namespace: default\n", "  namespace: default\n  annotations: {manifest-tools.io/suppress: \"*\"}\n");

            Assert.Contains("suppress", vs);
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend(), vs)).Only("MT1009"));
        }
    }
}
