using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class GatewayExistsRuleTests
    {
        private static string Canary(params string[] more) => Mesh.Join(new[] { Mesh.Canary() }.Concat(more).ToArray());

        [Fact]
        public void MissingGateway_InANamespaceWithGateways_IsAnError_AtTheEntry_WithTheNearName()
        {
            var d = Assert.Single(Lint.Files(("mesh.yaml", Canary(Gateways.Gateway())), ("vs.yaml", Gateways.Edge("[bookinfo-gatway]"))).Only("MT1010"));

            Assert.Equal((Severity.Error, "vs.yaml", 7, 14), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("VirtualService default/bookinfo", d.Subject?.ToString());
            Assert.Equal("VirtualService default/bookinfo is bound to gateway bookinfo-gatway, which resolves to default/bookinfo-gatway: " +
                         "no Gateway in the input defines it; did you mean default/bookinfo-gateway?", d.Message);
        }

        [Fact]
        public void MissingGateway_WhereTheInputHoldsNoGatewayOfItsNamespace_IsAWarning()
        {
            var d = Assert.Single(Lint.Yaml(Canary(Gateways.Edge("[istio-system/public-gateway]"))).Only("MT1010"));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.EndsWith("no Gateway of namespace istio-system is in the input, so it may be applied from elsewhere: if it is, list " +
                            "namespace istio-system under external.namespaces in .manifest-tools.yaml", d.Message);
        }

        [Fact]
        public void AnotherMissingGatewayOfTheMeshsNamespace_IsAWarning_EvenWithANearName()
        {
            var input = Canary(Gateways.Gateway("public-gateway", ns: "istio-system"), Gateways.Edge("[istio-system/ops-gateway]"));
            var d = Assert.Single(Lint.Yaml(input).Only("MT1010"));
            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("the Gateways of namespace istio-system are usually managed with the mesh, not with the services", d.Message);

            var near = Canary(Gateways.Gateway("gateway-eu", ns: "istio-system"), Gateways.Edge("[istio-system/gateway-us]"));
            var hinted = Assert.Single(Lint.Yaml(near).Only("MT1010"));
            Assert.Equal(Severity.Warning, hinted.Severity);
            Assert.Contains("did you mean istio-system/gateway-eu?", hinted.Message);
        }

        [Fact]
        public void SameNameInAnotherNamespace_IsSuggested_ButAWrittenNamespaceStaysAWarning()
        {
            var d = Assert.Single(Lint.Yaml(Canary(Gateways.Gateway(ns: "istio-ingress"), Gateways.Edge("[edge/bookinfo-gateway]"))).Only("MT1010"));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("did you mean istio-ingress/bookinfo-gateway?", d.Message);
        }

        [Fact]
        public void AShortNameForAGatewayOfAnotherNamespace_IsTheClassicSlip_AnError()
        {
            var d = Assert.Single(Lint.Yaml(Canary(Gateways.Gateway(ns: "istio-ingress"), Gateways.Edge("[bookinfo-gateway]"))).Only("MT1010"));

            Assert.Equal(Severity.Error, d.Severity);
            Assert.EndsWith("no Gateway in the input defines it; did you mean istio-ingress/bookinfo-gateway?", d.Message);
        }

        [Fact]
        public void GatewaysTheServiceAlreadyLists_AreNotSuggested()
        {
            var d = Assert.Single(Lint.Yaml(Canary(Gateways.Gateway("main"), Gateways.Edge("[main, edge/main]"))).Only("MT1010"));

            Assert.DoesNotContain("did you mean", d.Message);
        }

        [Fact]
        public void ADottedNameOfAGatewayBesideIt_IsReadAsNameDotNamespace_AndSaysHowToWriteIt()
        {
            var d = Assert.Single(Lint.Yaml(Canary(Gateways.Gateway("public.v2"), Gateways.Edge("[public.v2]"))).Only("MT1010"));

            Assert.Equal(Severity.Error, d.Severity);
            Assert.EndsWith("resolves to v2/public: no Gateway in the input defines it; Istio reads a name with a dot as name.namespace: " +
                            "to bind Gateway default/public.v2, write ./public.v2", d.Message);
        }

        [Theory]
        [InlineData("[\"\"]")]
        [InlineData("[\"/\"]")]
        [InlineData("[\"edge/\"]")]
        public void ANameWithoutANamespaceOrAName_IsNoGatewayName(string gateways)
        {
            var d = Assert.Single(Lint.Yaml(Canary(Gateways.Gateway(), Gateways.Edge(gateways))).Only("MT1010"));

            Assert.EndsWith("it is not a gateway name: write name, namespace/name, or mesh", d.Message);
        }

        [Theory]
        [InlineData("[bookinfo-gateway]", "default")]
        [InlineData("[default/bookinfo-gateway]", "default")]
        [InlineData("[./bookinfo-gateway]", "default")]
        [InlineData("[istio-system/bookinfo-gateway]", "istio-system")]
        [InlineData("[bookinfo-gateway.istio-system.svc.cluster.local]", "istio-system")]
        [InlineData("[bookinfo-gateway.istio-system]", "istio-system")]
        [InlineData("[mesh, bookinfo-gateway]", "default")]
        public void EveryFormIstioResolves_FindsTheGateway(string gateways, string gatewayNamespace)
        {
            var diagnostics = Lint.Yaml(Canary(Gateways.Gateway(ns: gatewayNamespace), Gateways.Edge(gateways)));

            Assert.Empty(diagnostics.Only("MT1010"));
        }

        [Fact]
        public void KubernetesGateway_ResolvesTheReference()
        {
            const string gateway = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: bookinfo-gateway, namespace: default}
                spec:
                  gatewayClassName: istio
                  listeners: [{name: http, port: 80, protocol: HTTP}]
                """;

            Assert.Empty(Lint.Yaml(Canary(gateway, Gateways.Edge())).Only("MT1010"));
        }

        [Theory]
        [InlineData("[mesh]")]
        [InlineData("[\"${GATEWAY}\"]")]
        [InlineData("[istio-system/bookinfo-gateway~istio-autogenerated-k8s-gateway~http]")]
        public void MeshPlaceholdersAndInternalGateways_AreNotLookedUp(string gateways)
        {
            Assert.Empty(Lint.Yaml(Canary(Gateways.Edge(gateways))).Only("MT1010"));
        }

        [Fact]
        public void ExternalNamespace_IsSilent()
        {
            var options = new LintOptions { Config = ManifestTools.Configuration.ManifestToolsConfig.Parse("c.yaml", "external:\n  namespaces: [istio-system]\n", out _) };

            Assert.Empty(Lint.Files(options, ("a.yaml", Canary(Gateways.Edge("[istio-system/public-gateway]")))).Only("MT1010"));
        }
    }
}
