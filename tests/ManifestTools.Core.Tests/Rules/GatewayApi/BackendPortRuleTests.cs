using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class BackendPortRuleTests
    {
        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> LintRules(string rules) =>
            Lint.Files(("mesh.yaml", Canary.Workloads()), ("route.yaml", Canary.MeshRoute(rules))).Only("MT1103");

        [Fact]
        public void AServiceBackendWithoutAPort_IsAnError_AtItsName()
        {
            var d = Assert.Single(LintRules(Canary.Split.Replace("- name: reviews-v1\n          port: 9080\n", "- name: reviews-v1\n")));

            Assert.Equal((Severity.Error, 14, 11), (d.Severity, d.Span.Line, d.Span.Column));
            Assert.Equal("rules[0] of HTTPRoute shop/reviews sends to Service shop/reviews-v1 without a port, which a Service backendRef requires; " +
                         "set port: 9080", d.Message);
        }

        [Fact]
        public void APortTheServiceDoesNotExpose_IsAnError_AtThePort()
        {
            var d = Assert.Single(LintRules(Canary.Split.Replace("- name: reviews-v2\n          port: 9080", "- name: reviews-v2\n          port: 8080")));

            Assert.Equal((18, 11), (d.Span.Line, d.Span.Column));
            Assert.Equal("rules[0] of HTTPRoute shop/reviews sends to port 8080 of Service shop/reviews-v2, which exposes only 9080 (http); " +
                         "use one of its ports (the Service's port, not its targetPort)", d.Message);
        }

        [Fact]
        public void ExposedPorts_PlaceholderPorts_AndMissingServices_AreSilent()
        {
            var rules = Canary.Split + """

                - backendRefs:
                    - {name: reviews-v1, port: "${PORT}"}
                    - {name: reviews-v9}
            """;

            Assert.Empty(LintRules(rules));
        }
    }
}
