using ManifestTools.Diagnostics;
using ManifestTools.Rules;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class HostnameAcceptedRuleTests
    {
        private const string Listeners = """
                - name: https
                  port: 443
                  protocol: HTTPS
                  hostname: "*.example.com"
            """;

        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> LintHostnames(string hostnames, string listeners = Listeners) =>
            Lint.Files(("mesh.yaml", Mesh.Join(Canary.Workloads(), Canary.Gateway(listeners))), ("route.yaml", Canary.EdgeRoute(hostnames: hostnames)))
                .Only("MT1111");

        [Fact]
        public void AHostnameNoListenerAccepts_IsAnError_AtTheFirstHostname()
        {
            var d = Assert.Single(LintHostnames("[shop.example.org]"));

            Assert.Equal((Severity.Error, "route.yaml", 8, 15), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("HTTPRoute shop/web has hostnames shop.example.org, but no listener of Gateway shop/edge it attaches to accepts any of them " +
                         "(its listeners accept *.example.com); add a hostname a listener accepts, or a listener for these hostnames", d.Message);
        }

        [Theory]
        [InlineData("[shop.example.com]")]
        [InlineData("[a.b.example.com]")]
        [InlineData("[\"*.example.com\"]")]
        [InlineData("[\"*.shop.example.com\"]")]
        [InlineData("[example.org, shop.example.com]")]
        [InlineData("[]")]
        public void HostnamesAListenerAccepts_AreSilent(string hostnames) => Assert.Empty(LintHostnames(hostnames));

        [Fact]
        public void AListenerWithoutHostname_AcceptsEveryHostname() =>
            Assert.Empty(LintHostnames("[shop.example.org]", "    - {name: http, port: 80, protocol: HTTP}"));

        [Theory]
        [InlineData("example.com", "*.example.com", false)]
        [InlineData("*.com", "a.example.com", true)]
        [InlineData("*.example.com", "*.a.example.com", true)]
        [InlineData("A.Example.com", "a.example.COM", true)]
        public void Intersect_FollowsTheApisWildcards(string a, string b, bool expected)
        {
            Assert.Equal(expected, HostnameAcceptedRule.Intersect(a, b));
            Assert.Equal(expected, HostnameAcceptedRule.Intersect(b, a));
        }
    }
}
