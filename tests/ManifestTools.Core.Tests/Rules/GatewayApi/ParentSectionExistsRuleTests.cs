using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class ParentSectionExistsRuleTests
    {
        private const string Listeners = """
                - name: http
                  port: 80
                  protocol: HTTP
                - name: https
                  port: 443
                  protocol: HTTPS
                  hostname: shop.example.com
            """;

        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> LintParent(string parent) =>
            Lint.Files(("mesh.yaml", Mesh.Join(Canary.Workloads(), Canary.Gateway(Listeners))), ("route.yaml", Canary.EdgeRoute(parent))).Only("MT1110");

        [Fact]
        public void AListenerTheGatewayDoesNotHave_IsAnError_AtSectionName()
        {
            var d = Assert.Single(LintParent("{name: edge, sectionName: htps}"));

            Assert.Equal((Severity.Error, "route.yaml", 7, 29), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("HTTPRoute shop/web attaches to listener htps of Gateway shop/edge, which has listeners http on port 80, https on port 443; " +
                         "name one of its listeners (sectionName) and ports, or leave them out to attach to every listener", d.Message);
        }

        [Fact]
        public void APortNoSelectedListenerHas_IsReported()
        {
            Assert.Contains("attaches to listener http on port 443 of Gateway shop/edge", Assert.Single(LintParent("{name: edge, sectionName: http, port: 443}")).Message);
        }

        [Theory]
        [InlineData("{name: edge}")]
        [InlineData("{name: edge, sectionName: https}")]
        [InlineData("{name: edge, port: 443}")]
        [InlineData("{name: edge, sectionName: \"${LISTENER}\"}")]
        public void ListenersTheGatewayHas_AreSilent(string parent) => Assert.Empty(LintParent(parent));

        [Fact]
        public void AServicePortTheServiceDoesNotExpose_IsReported()
        {
            var route = Canary.MeshRoute(Canary.Split).Replace("port: 9080\n  rules", "port: 8080\n  rules");

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), route)).Only("MT1110"));

            Assert.Equal("HTTPRoute shop/reviews attaches to port 8080 of Service shop/reviews, which has ports 9080 (http); name one of its ports", d.Message);
        }
    }
}
