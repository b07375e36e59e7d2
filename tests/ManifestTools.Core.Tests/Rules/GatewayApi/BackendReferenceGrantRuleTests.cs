using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class BackendReferenceGrantRuleTests
    {
        /// <summary>The ingress Gateway and its route in namespace ingress, sending to the Service reviews of namespace shop.</summary>
        private static string Edge() => Mesh.Join(Canary.Gateway(ns: "ingress"), Canary.EdgeRoute(ns: "ingress"));

        private static string Grant(string fromKind = "HTTPRoute", string fromNamespace = "ingress", string to = "{group: \"\", kind: Service}") => $$"""
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata:
              name: from-ingress
              namespace: shop
            spec:
              from:
                - {group: gateway.networking.k8s.io, kind: {{fromKind}}, namespace: {{fromNamespace}}}
              to:
                - {{to}}
            """;

        [Fact]
        public void ABackendOfAnotherNamespace_WithoutAGrant_IsAnError_AtItsNamespace()
        {
            var d = Assert.Single(Lint.Files(("mesh.yaml", Canary.Workloads()), ("edge.yaml", Edge())).Only("MT1102"));

            Assert.Equal((Severity.Error, "edge.yaml", 24, 11), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("rules[0] of HTTPRoute ingress/web sends to Service reviews in namespace shop, but no ReferenceGrant of namespace shop " +
                         "lets HTTPRoutes of namespace ingress refer to it; add one there", d.Message);
        }

        [Theory]
        [InlineData("GRPCRoute", "ingress", "{group: \"\", kind: Service}")]
        [InlineData("HTTPRoute", "other", "{group: \"\", kind: Service}")]
        [InlineData("HTTPRoute", "ingress", "{group: \"\", kind: Service, name: ratings}")]
        [InlineData("HTTPRoute", "ingress", "{group: \"\", kind: Secret}")]
        public void AGrantForAnotherKindNamespaceOrName_DoesNotAllowIt(string fromKind, string fromNamespace, string to)
        {
            var input = Mesh.Join(Canary.Workloads(), Grant(fromKind, fromNamespace, to), Edge());

            Assert.Single(Lint.Yaml(input).Only("MT1102"));
        }

        [Theory]
        [InlineData("{group: \"\", kind: Service}")]
        [InlineData("{group: \"\", kind: Service, name: reviews}")]
        public void AGrantThatAllowsIt_IsSilent(string to)
        {
            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), Grant(to: to), Edge())).Only("MT1102"));
        }

        [Fact]
        public void ABackendTheInputDoesNotHold_IsOnlyAWarning()
        {
            var d = Assert.Single(Lint.Yaml(Edge()).Only("MT1102"));

            Assert.Equal(Severity.Warning, d.Severity);
        }

        [Fact]
        public void ASameNamespaceBackendWrittenOut_AndAParentOfAnotherNamespace_NeedNoGrant()
        {
            var route = Canary.EdgeRoute(parent: "{name: edge, namespace: ingress}");
            var gateway = Canary.Gateway("""
                    - name: http
                      port: 80
                      protocol: HTTP
                      allowedRoutes: {namespaces: {from: All}}
                """, ns: "ingress");

            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), gateway, route)).Only("MT1102"));
        }
    }
}
