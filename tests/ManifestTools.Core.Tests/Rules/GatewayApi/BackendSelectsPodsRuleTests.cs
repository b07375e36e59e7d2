using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class BackendSelectsPodsRuleTests
    {
        [Fact]
        public void AVersionServiceWhoseSelectorNoPodCarries_IsAnError_WhenTheOtherVersionHasPods()
        {
            var workloads = Canary.Workloads().Replace("{app: reviews, version: v2}", "{app: reviews, version: v-2}");
            var input = Mesh.Join(workloads.Replace("matchLabels: {app: reviews, version: v-2}", "matchLabels: {app: reviews, version: v2}")
                .Replace("labels: {app: reviews, version: v-2}", "labels: {app: reviews, version: v2}"));

            var diagnostics = Lint.Files(("mesh.yaml", input), ("route.yaml", Canary.MeshRoute(Canary.Split)));

            var d = Assert.Single(diagnostics.Only("MT1106"));
            Assert.Equal((Severity.Error, "route.yaml", 17, 11), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("rules[0] of HTTPRoute shop/reviews sends to Service reviews-v2, whose selector app=reviews,version=v-2 matches no pod " +
                         "template of namespace shop; the closest is Deployment reviews-v1 with version=v1, but the Service wants version=v-2", d.Message);
        }

        [Fact]
        public void WithoutAnyPodsInTheInput_ItIsLeftToMT2002()
        {
            var services = Mesh.Join(Canary.Service("reviews", "{app: reviews}"), Canary.Service("reviews-v1", "{app: reviews, version: v1}"),
                Canary.Service("reviews-v2", "{app: reviews, version: v2}"));

            Assert.Empty(Lint.Yaml(Mesh.Join(services, Canary.MeshRoute(Canary.Split))).Only("MT1106"));
        }

        [Fact]
        public void AVersionStagedWithWeight0_AndAVersionWhosePodsExist_AreSilent()
        {
            var input = Mesh.Join(Canary.Workloads(), Canary.Service("reviews-v3", "{app: reviews, version: v3}"));
            var rules = """
                    - backendRefs:
                        - {name: reviews-v1, port: 9080, weight: 100}
                        - {name: reviews-v3, port: 9080, weight: 0}
                """;

            Assert.Empty(Lint.Yaml(Mesh.Join(input, Canary.MeshRoute(rules))).Only("MT1106"));
        }
    }
}
