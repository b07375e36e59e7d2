using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>MT1017 (a route never used) and MT1018 (a match never used): Istio takes the first route that matches.</summary>
    public class RouteOrderTests
    {
        /// <summary>A VirtualService whose http routes are <paramref name="routes"/>, each a YAML list entry at indentation 2.</summary>
        private static string WithRoutes(string protocol, params string[] routes) => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              {{protocol}}:
            {{string.Join("\n", routes)}}
            """;

        private static string Route(string name, string match) =>
            $"  - name: {name}\n" + (match.Length > 0 ? $"    match: {match}\n" : string.Empty) +
            "    route:\n      - destination: {host: reviews, subset: v1}";

        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> Lint2(string vs) =>
            Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())), ("vs.yaml", vs));

        [Fact]
        public void TheDefaultRouteBeforeTheHeaderRoute_MakesTheCanaryRouteUnreachable()
        {
            const string vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - name: default
                      route:
                        - destination: {host: reviews, subset: v1}
                    - name: products
                      match:
                        - headers:
                            page-source: {exact: products}
                      route:
                        - destination: {host: reviews, subset: v1}
                          weight: 50
                        - destination: {host: reviews, subset: v2}
                          weight: 50
                """;

            var diagnostics = Lint2(vs);

            var d = Assert.Single(diagnostics.Only("MT1017"));
            Assert.Equal((Severity.Error, "vs.yaml", 11, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("route default of VirtualService default/reviews has no match and comes before route products, so route products " +
                         "is never used; move route default last", d.Message);
            Assert.Empty(diagnostics.Only("MT1018"));
        }

        [Fact]
        public void TheHeaderRouteFirst_IsSilent()
        {
            var vs = WithRoutes("http", Route("products", "[{headers: {page-source: {exact: products}}}]"), Route("default", ""));

            Assert.DoesNotContain(Lint2(vs), d => d.Id == "MT1017" || d.Id == "MT1018");
        }

        [Theory]
        [InlineData("[{uri: {prefix: /}}]")]
        [InlineData("[{}]")]
        [InlineData("[{name: all}]")]
        [InlineData("[]")]
        public void MatchesOfEveryRequest_AreCatchAlls(string match)
        {
            var vs = WithRoutes("http", Route("all", match), Route("api", "[{uri: {prefix: /api}}]"));

            Assert.Single(Lint2(vs).Only("MT1017"));
        }

        [Fact]
        public void EveryRouteAfterACatchAll_IsReported()
        {
            var vs = WithRoutes("http", Route("default", ""), Route("a", "[{uri: {prefix: /a}}]"), Route("b", "[{uri: {prefix: /b}}]"));

            var diagnostics = Lint2(vs).Only("MT1017");

            Assert.Equal(2, diagnostics.Count);
            Assert.Contains("so route a is never used", diagnostics[0].Message);
            Assert.Contains("so route b is never used", diagnostics[1].Message);
        }

        [Theory]
        [InlineData("[{uri: {prefix: /api}}]", "[{uri: {prefix: /api/v2}}]", "covered")]
        [InlineData("[{uri: {prefix: /api}}]", "[{uri: {exact: /api/users}}]", "covered")]
        [InlineData("[{uri: {exact: /login}}]", "[{uri: {exact: /login}}]", "repeated")]
        [InlineData("[{headers: {end-user: {exact: jason}}}]", "[{headers: {end-user: {exact: jason}}, uri: {prefix: /api}}]", "covered")]
        [InlineData("[{method: {exact: GET}}]", "[{method: {exact: GET}, uri: {prefix: /a}}]", "covered")]
        [InlineData("[{port: 8080}]", "[{port: 8080, uri: {prefix: /a}}]", "covered")]
        [InlineData("[{uri: {prefix: /api}, ignoreUriCase: true}]", "[{uri: {prefix: /API/v2}}]", "covered")]
        [InlineData("[{uri: {regex: \"/a.*\"}}]", "[{uri: {regex: \"/a.*\"}}]", "repeated")]
        [InlineData("[{name: first, uri: {prefix: /a}}]", "[{name: second, uri: {prefix: /a}}]", "repeated")]
        public void ARouteWhoseEveryMatchAnEarlierOneCovers_IsUnreachable(string first, string second, string how)
        {
            var vs = WithRoutes("http", Route("first", first), Route("second", second));

            var d = Assert.Single(Lint2(vs).Only("MT1017"));
            Assert.StartsWith($"route second of VirtualService default/reviews is never used: every match of it is {how} by an earlier route (match[0]", d.Message);
            Assert.EndsWith("of route first); remove it, or move it before route first", d.Message);
        }

        [Theory]
        [InlineData("[{uri: {prefix: /api/v2}}]", "[{uri: {prefix: /api}}]")]
        [InlineData("[{uri: {exact: /api}}]", "[{uri: {prefix: /api}}]")]
        [InlineData("[{uri: {regex: \"/a.*\"}}]", "[{uri: {prefix: /a}}]")]
        [InlineData("[{uri: {prefix: /a}}]", "[{uri: {regex: \"/a.*\"}}]")]
        [InlineData("[{headers: {end-user: {exact: jason}}}]", "[{headers: {end-user: {exact: mary}}}]")]
        [InlineData("[{headers: {end-user: {exact: jason}}, uri: {prefix: /a}}]", "[{headers: {end-user: {exact: jason}}}]")]
        [InlineData("[{method: {exact: GET}}]", "[{method: {exact: POST}}]")]
        [InlineData("[{uri: {prefix: /API}}]", "[{uri: {prefix: /api/v2}, ignoreUriCase: true}]")]
        [InlineData("[{uri: {prefix: /a}, gateways: [mesh]}]", "[{uri: {prefix: /a}}]")]
        [InlineData("[{sourceLabels: {app: web}}]", "[{sourceLabels: {app: api}}]")]
        public void ANarrowerOrDifferentEarlierMatch_IsSilent(string first, string second)
        {
            var vs = WithRoutes("http", Route("first", first), Route("second", second));

            Assert.DoesNotContain(Lint2(vs), d => d.Id == "MT1017" || d.Id == "MT1018");
        }

        [Fact]
        public void OneCoveredMatch_OfAReachableRoute_IsAWarning_AtTheMatch()
        {
            var vs = WithRoutes("http", Route("api", "[{uri: {prefix: /api}}]"), Route("mixed", "[{uri: {prefix: /api/v1}}, {uri: {prefix: /web}}]"));

            var diagnostics = Lint2(vs);

            Assert.Empty(diagnostics.Only("MT1017"));
            var d = Assert.Single(diagnostics.Only("MT1018"));
            Assert.Equal((Severity.Warning, 13, 13), (d.Severity, d.Span.Line, d.Span.Column));
            Assert.Equal("match[0] of route mixed of VirtualService default/reviews is covered by match[0] of route api, so it never applies; " +
                         "remove it, or move it into a route before api", d.Message);
        }

        [Fact]
        public void UnnamedRoutes_AreNamedByPosition()
        {
            const string vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - route:
                        - destination: {host: reviews, subset: v1}
                    - match: [{uri: {prefix: /a}}]
                      route:
                        - destination: {host: reviews, subset: v2}
                """;

            var d = Assert.Single(Lint2(vs).Only("MT1017"));
            Assert.Equal("route http[0] of VirtualService default/reviews has no match and comes before route http[1], so route http[1] is never used; " +
                         "move route http[0] last", d.Message);
            Assert.Equal((10, 7), (d.Span.Line, d.Span.Column));
        }

        [Fact]
        public void RoutesWithoutADestination_CountToo()
        {
            const string vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                spec:
                  hosts: [reviews]
                  http:
                    - name: old-paths
                      match: [{uri: {prefix: /old}}]
                      redirect: {uri: /new}
                    - name: legacy
                      match: [{uri: {prefix: /old/api}}]
                      route:
                        - destination: {host: reviews, subset: v1}
                """;

            Assert.Contains("every match of it is covered by an earlier route", Assert.Single(Lint2(vs).Only("MT1017")).Message);
        }

        [Theory]
        [InlineData("tcp", "[{port: 3306}]", "[{port: 3306}]")]
        [InlineData("tcp", "", "[{port: 3306}]")]
        [InlineData("tls", "[{sniHosts: [a.example.com], port: 443}]", "[{sniHosts: [a.example.com], port: 443}]")]
        public void TcpAndTlsRoutes_AreCheckedAlike(string protocol, string first, string second)
        {
            // TCP and TLS routes have no name: messages name them by position.
            static string Unnamed(string match) =>
                "  - " + (match.Length > 0 ? $"match: {match}\n    " : string.Empty) + "route:\n      - destination: {host: reviews, subset: v1}";

            var d = Assert.Single(Lint2(WithRoutes(protocol, Unnamed(first), Unnamed(second))).Only("MT1017"));
            Assert.Contains($"route {protocol}[1]", d.Message);
        }

        [Fact]
        public void AnUnreadableMatch_IsNeitherCoveredNorCovering()
        {
            var vs = WithRoutes("http", Route("first", "[not-a-mapping]"), Route("second", "[{uri: {prefix: /a}}]"));

            var diagnostics = Lint2(vs);

            Assert.Single(diagnostics.Only("MT0002"));
            Assert.DoesNotContain(diagnostics, d => d.Id == "MT1017" || d.Id == "MT1018");
        }

        [Fact]
        public void PastTheComparedWindow_ExactRepeatsAreStillFound()
        {
            var routes = Enumerable.Range(0, 3000).Select(i => Route("r" + i, $"[{{uri: {{exact: /p{i}}}}}]")).Append(Route("dup", "[{uri: {exact: /p7}}]")).ToArray();

            var d = Assert.Single(Lint2(WithRoutes("http", routes)).Only("MT1017"));
            Assert.Contains("route dup of VirtualService default/reviews is never used: every match of it is repeated", d.Message);
        }
    }
}
