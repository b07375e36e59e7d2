using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class ParentExistsRuleTests
    {
        [Fact]
        public void AMistypedGateway_OfANamespaceThatHoldsGateways_IsAnError_AtItsName()
        {
            var route = Canary.EdgeRoute(parent: "{name: egde}");

            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Join(Canary.Workloads(), Canary.Gateway())), ("route.yaml", route)).Only("MT1109"));

            Assert.Equal((Severity.Error, "route.yaml", 7, 17), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("HTTPRoute shop/web attaches to Gateway shop/egde, but no Kubernetes Gateway of that name is in the input; did you mean shop/edge?",
                d.Message);
        }

        [Fact]
        public void AGatewayOfAnotherNamespace_NamedWithoutItsNamespace_IsAnError_ThatSaysSo()
        {
            var input = Mesh.Join(Canary.Workloads(), Canary.Gateway(ns: "istio-ingress"), Canary.EdgeRoute());

            var d = Assert.Single(Lint.Yaml(input).Only("MT1109"));

            Assert.Equal(Severity.Error, d.Severity);
            Assert.Contains("did you mean istio-ingress/edge? A parentRef without namespace names a Gateway of the route's own namespace", d.Message);
        }

        [Fact]
        public void AGatewayOfANamespaceTheInputHoldsNoGatewaysOf_IsAWarning()
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.EdgeRoute(parent: "{name: shared, namespace: infra}"))).Only("MT1109"));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("no Gateway of namespace infra is in the input, so it may be applied from elsewhere", d.Message);
        }

        [Fact]
        public void AMissingParentService_IsReported_AndAnIstioGatewayOfTheName_IsNamed()
        {
            var route = Canary.MeshRoute(Canary.Split).Replace("name: reviews\n      port: 9080", "name: reviewz\n      port: 9080");
            Assert.Contains("attaches to Service shop/reviewz, but no Service of that name is in namespace shop",
                Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), route)).Only("MT1109")).Message);

            var istio = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: edge, namespace: shop}
                spec:
                  selector: {istio: ingressgateway}
                  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
                """;
            Assert.Contains("an Istio Gateway (networking.istio.io) has that name",
                Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), istio, Canary.EdgeRoute())).Only("MT1109")).Message);
        }

        [Theory]
        [InlineData("group: \"\"\n      kind: Service")]
        [InlineData("kind: Service")]
        [InlineData("group: core\n      kind: Service")]
        public void AServiceParent_IsReadAsIstioAndLinkerdWriteIt(string groupAndKind)
        {
            var route = Canary.MeshRoute(Canary.Split).Replace("group: \"\"\n      kind: Service", groupAndKind);

            var diagnostics = Lint.Yaml(Mesh.Join(Canary.Workloads(), route));

            Assert.Empty(diagnostics);
            Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), route.Replace("name: reviews\n      port", "name: reviewz\n      port"))).Only("MT1109"));
        }

        [Fact]
        public void ExistingParents_Placeholders_AndExternalNamespaces_AreSilent()
        {
            var input = Mesh.Join(Canary.Workloads(), Canary.Gateway(), Canary.EdgeRoute(), Canary.MeshRoute(Canary.Split),
                Canary.EdgeRoute(parent: "{name: \"${GATEWAY}\"}", name: "templated"));

            Assert.Empty(Lint.Yaml(input).Only("MT1109"));
        }
    }
}
