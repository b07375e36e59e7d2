using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    /// <summary>MT1113 and MT1114: the Gateway API orders matches by specificity, so only an equal match hides another.</summary>
    public class RouteMatchOrderTests
    {
        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> LintRules(string rules, string kind = "HTTPRoute") =>
            Lint.Files(("mesh.yaml", Canary.Workloads()), ("route.yaml", Canary.MeshRoute(rules, kind: kind)));

        [Fact]
        public void TwoRulesWithoutMatches_TheSecondIsUnreachable_AtItsFirstKey()
        {
            var d = Assert.Single(LintRules(Canary.Split + "\n" + Canary.Split).Only("MT1114"));

            Assert.Equal((Severity.Error, "route.yaml", 20, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("every match of rules[1] of HTTPRoute shop/reviews repeats a match of rules[0], which takes its requests, so rules[1] of " +
                         "HTTPRoute shop/reviews is never used; two rules without matches both take every request: merge their backendRefs into one rule",
                d.Message);
        }

        [Fact]
        public void AHeaderRuleRepeated_WithTheHeaderNameInOtherCase_IsUnreachable()
        {
            var second = Canary.HeaderRule.Replace("name: end-user", "name: End-User").Replace("reviews-v2", "reviews-v1");

            var diagnostics = LintRules(Canary.HeaderRule + "\n" + second + "\n" + Canary.Split);

            Assert.Contains("every match of rules[1] of HTTPRoute shop/reviews repeats a match of rules[0]", Assert.Single(diagnostics.Only("MT1114")).Message);
            Assert.Empty(diagnostics.Only("MT1113"));
        }

        [Fact]
        public void OneRepeatedMatch_OfARuleWithOthers_IsAWarning_AtThatMatch()
        {
            var rules = """
                    - matches: [{path: {type: PathPrefix, value: /api/}}]
                      backendRefs: [{name: reviews-v1, port: 9080}]
                    - matches: [{path: {type: PathPrefix, value: /api}}, {path: {type: Exact, value: /login}}]
                      backendRefs: [{name: reviews-v2, port: 9080}]
                """;

            var d = Assert.Single(LintRules(rules).Only("MT1113"));

            Assert.Equal((Severity.Warning, 15, 17), (d.Severity, d.Span.Line, d.Span.Column));
            Assert.Equal("matches[0] of rules[1] of HTTPRoute shop/reviews repeats matches[0] of rules[0], which takes every request it matches; remove it",
                d.Message);
        }

        [Fact]
        public void ADefaultRuleBeforeAHeaderRule_IsFine_BecauseSpecificityDecides()
        {
            var diagnostics = LintRules(Canary.Split + "\n" + Canary.HeaderRule);

            Assert.Empty(diagnostics.Only("MT1113"));
            Assert.Empty(diagnostics.Only("MT1114"));
        }

        [Theory]
        [InlineData("[{path: {value: /a}}]", "[{path: {value: /a}, method: GET}]")]
        [InlineData("[{path: {value: /a}}]", "[{path: {type: Exact, value: /a}}]")]
        [InlineData("[{headers: [{name: x, value: \"1\"}]}]", "[{headers: [{name: x, value: \"1\", type: RegularExpression}]}]")]
        [InlineData("[{queryParams: [{name: X, value: \"1\"}]}]", "[{queryParams: [{name: x, value: \"1\"}]}]")]
        [InlineData("[{path: {value: /a}}]", "[{path: {value: /a}, headers: [{name: x, value: \"1\"}]}]")]
        public void MatchesThatDiffer_AreSilent(string first, string second)
        {
            var rules = $$"""
                    - matches: {{first}}
                      backendRefs: [{name: reviews-v1, port: 9080}]
                    - matches: {{second}}
                      backendRefs: [{name: reviews-v2, port: 9080}]
                """;

            var diagnostics = LintRules(rules);

            Assert.Empty(diagnostics.Only("MT1113"));
            Assert.Empty(diagnostics.Only("MT1114"));
        }

        [Fact]
        public void GrpcMethodMatches_AreComparedToo()
        {
            var rules = """
                    - matches: [{method: {service: shop.Reviews, method: Get}}]
                      backendRefs: [{name: reviews-v2, port: 9080}]
                    - matches: [{method: {type: Exact, service: shop.Reviews, method: Get}}]
                      backendRefs: [{name: reviews-v1, port: 9080}]
                    - backendRefs: [{name: reviews-v1, port: 9080}]
                """;

            Assert.Single(LintRules(rules, kind: "GRPCRoute").Only("MT1114"));
        }

        [Fact]
        public void UnreadableMatches_LeaveTheRouteUnjudged()
        {
            var rules = """
                    - matches: [{path: {value: 5}}]
                      backendRefs: [{name: reviews-v1, port: 9080}]
                    - backendRefs: [{name: reviews-v1, port: 9080}]
                    - backendRefs: [{name: reviews-v2, port: 9080}]
                """;

            var diagnostics = LintRules(rules);

            Assert.NotEmpty(diagnostics.Only("MT0002"));
            Assert.Empty(diagnostics.Only("MT1114"));
        }
    }
}
