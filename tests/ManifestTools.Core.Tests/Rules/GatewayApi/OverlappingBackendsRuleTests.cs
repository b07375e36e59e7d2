using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class OverlappingBackendsRuleTests
    {
        [Fact]
        public void AVersionServiceWithoutTheVersionLabel_IsAnError_AtItsBackendRef()
        {
            var input = Canary.Workloads().Replace("name: reviews-v1\n  namespace: shop\nspec:\n  selector: {app: reviews, version: v1}",
                "name: reviews-v1\n  namespace: shop\nspec:\n  selector: {app: reviews}");

            var d = Assert.Single(Lint.Files(("mesh.yaml", input), ("route.yaml", Canary.MeshRoute(Canary.Split))).Only("MT1107"));

            Assert.Equal((Severity.Error, "route.yaml", 14, 11), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("Service reviews-v1, a backend of rules[0] of HTTPRoute shop/reviews, selects app=reviews, which also selects the pods " +
                         "of Service reviews-v2, another backend of the rule; its selector lacks version, which the other backend's selector uses " +
                         "to tell the versions apart: add it with this version's value", d.Message);
        }

        [Fact]
        public void TheClientServiceAsABackend_BesideAVersion_IsReported()
        {
            var rules = """
                    - backendRefs:
                        - {name: reviews, port: 9080, weight: 90}
                        - {name: reviews-v2, port: 9080, weight: 10}
                """;

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(rules))).Only("MT1107"));

            Assert.StartsWith("Service reviews, a backend of rules[0]", d.Message);
        }

        [Fact]
        public void SelectorsThatShareAPodTemplate_AreReported_EvenWhenNeitherContainsTheOther()
        {
            var input = Mesh.Join(Canary.Deployment("v1"), Canary.Deployment("v2"),
                Canary.Service("reviews-v1", "{app: reviews}"), Canary.Service("reviews-v2", "{version: v2}"));

            Assert.NotEmpty(Lint.Yaml(Mesh.Join(input, Canary.MeshRoute(Canary.Split))).Only("MT1107"));
        }

        [Fact]
        public void TheStableAndCanaryServicesOfAnArgoRollout_AreSilent()
        {
            // The Gateway API plugin of Argo Rollouts: the controller adds rollouts-pod-template-hash to both selectors.
            var rollout = """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata: {name: reviews, namespace: shop}
                spec:
                  selector:
                    matchLabels: {app: reviews}
                  template:
                    metadata:
                      labels: {app: reviews}
                    spec:
                      containers: [{name: reviews, image: example/reviews:2}]
                  strategy:
                    canary:
                      stableService: reviews-stable
                      canaryService: reviews-canary
                      trafficRouting:
                        plugins:
                          argoproj-labs/gatewayAPI: {httpRoute: reviews, namespace: shop}
                """;
            var rules = """
                    - backendRefs:
                        - {name: reviews-stable, port: 9080, weight: 100}
                        - {name: reviews-canary, port: 9080, weight: 0}
                """;
            var input = Mesh.Join(rollout, Canary.Service("reviews", "{app: reviews}"), Canary.Service("reviews-stable", "{app: reviews}"),
                Canary.Service("reviews-canary", "{app: reviews}"), Canary.MeshRoute(rules));

            Assert.Empty(Lint.Yaml(input).Only("MT1107"));
        }

        [Fact]
        public void VersionServicesThatSelectOnlyTheirVersion_AreSilent()
        {
            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(Canary.Split))).Only("MT1107"));
        }
    }
}
