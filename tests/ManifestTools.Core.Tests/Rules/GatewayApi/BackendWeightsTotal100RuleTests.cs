using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class BackendWeightsTotal100RuleTests
    {
        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> LintRules(string rules, string id = "MT1104") =>
            Lint.Files(("mesh.yaml", Canary.Workloads()), ("route.yaml", Canary.MeshRoute(rules))).Only(id);

        [Fact]
        public void WeightsOf80And30_AreAnError_AtBackendRefs()
        {
            var d = Assert.Single(LintRules(Canary.Split.Replace("weight: 90", "weight: 80").Replace("weight: 10", "weight: 30")));

            Assert.Equal((Severity.Error, 13, 7), (d.Severity, d.Span.Line, d.Span.Column));
            Assert.Equal("the weights of rules[0] of HTTPRoute shop/reviews add up to 110, not 100: 80 (reviews-v1) + 30 (reviews-v2)", d.Message);
        }

        [Fact]
        public void AMissingWeight_CountsAsTheDefault1()
        {
            var d = Assert.Single(LintRules(Canary.Split.Replace("\n          weight: 10", string.Empty)));

            Assert.Contains("add up to 91, not 100: 90 (reviews-v1) + 1 (reviews-v2, no weight: the default 1)", d.Message);
        }

        [Theory]
        [InlineData(90, 10)]
        [InlineData(100, 0)]
        [InlineData(50, 50)]
        public void WeightsThatAddUpTo100_AreSilent(int first, int second)
        {
            var rules = Canary.Split.Replace("weight: 90", "weight: " + first).Replace("weight: 10", "weight: " + second);

            Assert.Empty(LintRules(rules));
        }

        [Fact]
        public void ABackendRefThatCannotBeRead_LeavesTheSplitToMT0002()
        {
            var rules = """
                    - backendRefs:
                        - {name: reviews-v1, port: 9080, weight: 50}
                        - {port: 9080, weight: 50}
                        - 5
                """;

            var diagnostics = Lint.Files(("mesh.yaml", Canary.Workloads()), ("route.yaml", Canary.MeshRoute(rules)));

            Assert.Equal(2, diagnostics.Only("MT0002").Count);
            Assert.Empty(diagnostics.Only("MT1104"));
        }

        [Fact]
        public void AHugeSplit_IsDescribedInOneLine()
        {
            var backends = string.Concat(System.Linq.Enumerable.Range(0, 500).Select(i => $"            - {{name: reviews-v1, port: 9080, weight: {i % 2}}}\n"));
            var rules = "    - backendRefs:\n" + backends.Replace("            -", "        -");

            var d = Assert.Single(LintRules(rules));

            Assert.EndsWith("+ 492 more", d.Message);
            Assert.True(d.Message.Length < 400, d.Message);
        }

        [Fact]
        public void EqualImplicitWeights_ASingleWeightedBackend_AndAllZero_AreNotThisRulesFinding()
        {
            var rules = """
                    - backendRefs:
                        - {name: reviews-v1, port: 9080}
                        - {name: reviews-v2, port: 9080}
                    - matches: [{path: {value: /a}}]
                      backendRefs:
                        - {name: reviews-v2, port: 9080, weight: 5}
                    - matches: [{path: {value: /b}}]
                      backendRefs:
                        - {name: reviews-v1, port: 9080, weight: 0}
                        - {name: reviews-v2, port: 9080, weight: 0}
                """;

            Assert.Empty(LintRules(rules));
            var zero = Assert.Single(LintRules(rules, "MT1105"));
            Assert.Equal("every backendRef of rules[2] of HTTPRoute shop/reviews has weight 0, so every request it matches gets 500; " +
                         "give the backend that should serve a positive weight", zero.Message);
            Assert.Equal(Severity.Error, zero.Severity);
        }
    }
}
