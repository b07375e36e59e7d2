using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class BackendExistsRuleTests
    {
        [Fact]
        public void AMistypedVersionService_IsAnError_AtItsName_WithTheNearName()
        {
            var route = Canary.MeshRoute(Canary.Split.Replace("name: reviews-v2", "name: reviews-v2x"));

            var d = Assert.Single(Lint.Files(("mesh.yaml", Canary.Workloads()), ("route.yaml", route)).Only("MT1101"));

            Assert.Equal((Severity.Error, "route.yaml", 17, 11), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("rules[0] of HTTPRoute shop/reviews sends to Service shop/reviews-v2x, but no Service of that name is in namespace shop; " +
                         "did you mean reviews-v2?", d.Message);
        }

        [Fact]
        public void ABackendOfANamespaceWithoutServicesInTheInput_IsAWarning()
        {
            var route = Canary.MeshRoute(Canary.Split.Replace("- name: reviews-v2", "- name: reviews-v2\n          namespace: other"));

            var d = Assert.Single(Lint.Files(("mesh.yaml", Canary.Workloads()), ("route.yaml", route)).Only("MT1101"));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("nothing of namespace other is in the input", d.Message);
        }

        [Fact]
        public void ExistingServices_UnresolvedKinds_AndPlaceholders_AreSilent()
        {
            var rules = Canary.Split + """

                - backendRefs:
                    - {group: inference.networking.k8s.io, kind: InferencePool, name: llm}
                    - {name: "${CANARY_SERVICE}", port: 9080}
                    - {group: networking.istio.io, kind: Hostname, name: reviews-v1.shop.svc.cluster.local, port: 9080}
            """;

            Assert.Empty(Lint.Files(("mesh.yaml", Canary.Workloads()), ("route.yaml", Canary.MeshRoute(rules))).Only("MT1101"));
        }

        [Fact]
        public void AServiceEntryBackend_IsLookedUpByName()
        {
            var entry = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: payments, namespace: shop}
                spec:
                  hosts: [payments.example.com]
                  ports: [{number: 443, name: https, protocol: HTTPS}]
                """;
            var rules = """
                    - backendRefs:
                        - {group: networking.istio.io, kind: ServiceEntry, name: payments, port: 443}
                        - {group: networking.istio.io, kind: ServiceEntry, name: paymets, port: 443}
                """;

            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Join(Canary.Workloads(), entry)), ("route.yaml", Canary.MeshRoute(rules))).Only("MT1101"));

            Assert.Contains("sends to ServiceEntry shop/paymets, but no ServiceEntry of that name is in namespace shop", d.Message);
        }
    }
}
