using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class MeshRouteCatchAllRuleTests
    {
        [Fact]
        public void AServiceRouteWithOnlyAHeaderRule_IsAnError_AtRules()
        {
            var d = Assert.Single(Lint.Files(("mesh.yaml", Canary.Workloads()), ("route.yaml", Canary.MeshRoute(Canary.HeaderRule))).Only("MT1108"));

            Assert.Equal((Severity.Error, "route.yaml", 12, 3), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("HTTPRoute shop/reviews is attached to Service reviews, but none of its rules matches every request, so requests to reviews " +
                         "that match no rule fail with 404; add a rule without matches that sends to the stable version", d.Message);
        }

        [Fact]
        public void AGrpcRouteWithOnlyMethodMatches_IsReported()
        {
            var rules = """
                    - matches: [{method: {service: shop.Reviews, method: Get}}]
                      backendRefs: [{name: reviews-v2, port: 9080}]
                """;

            Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(rules, kind: "GRPCRoute"))).Only("MT1108"));
        }

        [Theory]
        [InlineData("    - backendRefs: [{name: reviews-v1, port: 9080}]")]
        [InlineData("    - matches: [{path: {type: PathPrefix, value: /}}]\n      backendRefs: [{name: reviews-v1, port: 9080}]")]
        [InlineData("    - matches: [{path: {value: /}}, {headers: [{name: x, value: y}]}]\n      backendRefs: [{name: reviews-v1, port: 9080}]")]
        public void AHeaderRuleWithACatchAllRule_IsSilent_InEitherOrder(string catchAll)
        {
            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(catchAll + "\n" + Canary.HeaderRule))).Only("MT1108"));
            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(Canary.HeaderRule + "\n" + catchAll))).Only("MT1108"));
        }

        [Fact]
        public void ACatchAllInAnotherRouteOfTheSameNamespace_Counts_ButNotInAVariantOfTheSameRoute()
        {
            var fallback = Canary.MeshRoute("    - backendRefs: [{name: reviews-v1, port: 9080}]", name: "reviews-default");
            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(Canary.HeaderRule), fallback)).Only("MT1108"));

            var variant = Canary.MeshRoute("    - backendRefs: [{name: reviews-v1, port: 9080}]");
            var d = Assert.Single(Lint.Files(("mesh.yaml", Canary.Workloads()), ("a/route.yaml", Canary.MeshRoute(Canary.HeaderRule)), ("b/route.yaml", variant))
                .Only("MT1108"));
            Assert.Equal("a/route.yaml", d.File);
        }

        [Fact]
        public void ACatchAllOfAnotherNamespacesRoute_DoesNotCount_AndAGatewayRouteNeedsNone()
        {
            var consumer = Canary.MeshRoute("    - backendRefs: [{name: reviews-v1, namespace: shop, port: 9080}]", name: "reviews", ns: "web")
                .Replace("name: reviews\n      port: 9080", "name: reviews\n      namespace: shop\n      port: 9080");
            Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(Canary.HeaderRule), consumer)).Only("MT1108"));

            var edge = Canary.EdgeRoute().Replace("rules:\n", "rules:\n" + Canary.HeaderRule.Replace("reviews-v2", "reviews") + "\n");
            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.Gateway(), edge)).Only("MT1108"));
        }
    }
}
