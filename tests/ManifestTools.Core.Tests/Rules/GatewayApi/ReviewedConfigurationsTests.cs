using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    /// <summary>
    /// Configurations a hostile review of the Gateway API rules found misjudged: each case failed on the reviewed code
    /// (ddba7f4), with a false error, a repeated finding or a misleading message.
    /// </summary>
    public class ReviewedConfigurationsTests
    {
        [Fact]
        public void AServicePortWrittenAsAPlaceholder_LeavesItsPortsUnjudged()
        {
            var service = Canary.Service("web", "{app: web}", ports: "[{name: http, port: \"${SERVICE_PORT}\"}, {name: metrics, port: 9090}]");
            var route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: shop}
                spec:
                  parentRefs: [{kind: Service, name: web, sectionName: http}]
                  rules:
                    - backendRefs: [{name: web, port: 80}]
                """;

            var diagnostics = Lint.Yaml(Mesh.Join(service, route));

            Assert.Empty(diagnostics.Only("MT1110"));
            Assert.Empty(diagnostics.Only("MT1103"));
        }

        [Fact]
        public void PlaceholdersInListenerNames_RouteKinds_AndServiceSectionNames_AreNotCompared()
        {
            var gateway = Canary.Gateway("""
                    - {name: "${LISTENER}", port: 80, protocol: HTTP}
                    - name: https
                      port: 443
                      protocol: HTTPS
                      allowedRoutes: {kinds: [{kind: "${ROUTE_KIND}"}]}
                """);
            var route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: web, namespace: shop}
                spec:
                  parentRefs:
                    - {name: edge, sectionName: http}
                    - {name: edge, sectionName: https}
                    - {kind: Service, name: reviews, sectionName: "${PORT_NAME}"}
                  rules:
                    - backendRefs: [{name: reviews, port: 9080}]
                """;

            var diagnostics = Lint.Yaml(Mesh.Join(Canary.Workloads(), gateway, route));

            Assert.Empty(diagnostics.Only("MT1110"));
            Assert.Empty(diagnostics.Only("MT1112"));
        }

        [Fact]
        public void ABackendOfAnotherApp_WhosePodsAreElsewhere_IsNotAVersionWithoutPods()
        {
            var route = Canary.MeshRoute("""
                    - matches: [{path: {value: /catalog}}]
                      backendRefs: [{name: catalog, port: 9080}]
                    - matches: [{path: {value: /other}}]
                      backendRefs: [{name: catalog, namespace: catalog, port: 8080}]
                    - backendRefs: [{name: reviews-v1, port: 9080}]
                """);
            var grant = """
                apiVersion: gateway.networking.k8s.io/v1beta1
                kind: ReferenceGrant
                metadata: {name: from-shop, namespace: catalog}
                spec:
                  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
                  to: [{group: "", kind: Service}]
                """;
            var input = Mesh.Join(Canary.Workloads(), Canary.Service("catalog", "{app: catalog}"),
                Canary.Service("catalog", "{app: catalog}", ns: "catalog", ports: "[{port: 8080}]"), grant, route);

            var diagnostics = Lint.Yaml(input);

            Assert.Empty(diagnostics.Only("MT1106"));
            Assert.Equal(2, diagnostics.Only("MT2002").Count); // Each catalog Service still gets the general warning.
        }

        [Fact]
        public void AStableBackendWithoutWeight_BesideACanaryStagedAt0_IsNoSplit()
        {
            var rules = """
                    - backendRefs:
                        - {name: reviews-v1, port: 9080}
                        - {name: reviews-v2, port: 9080, weight: 0}
                """;

            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(rules))));
        }

        [Fact]
        public void ARedirectRuleWithZeroWeights_AnswersItself()
        {
            var rules = """
                    - matches: [{path: {value: /old}}]
                      filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /new}}}]
                      backendRefs: [{name: reviews-v1, port: 9080, weight: 0}]
                    - backendRefs: [{name: reviews-v1, port: 9080}]
                """;

            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(rules))).Only("MT1105"));
        }

        [Fact]
        public void ABroaderServiceWithWeight0_SendsNothingToTheOthersPods()
        {
            var workloads = Canary.Workloads().Replace("name: reviews-v2\n  namespace: shop\nspec:\n  selector: {app: reviews, version: v2}",
                "name: reviews-v2\n  namespace: shop\nspec:\n  selector: {app: reviews}");
            var rules = """
                    - backendRefs:
                        - {name: reviews-v1, port: 9080, weight: 100}
                        - {name: reviews-v2, port: 9080, weight: 0}
                """;

            Assert.Empty(Lint.Yaml(Mesh.Join(workloads, Canary.MeshRoute(rules))).Only("MT1107"));
        }

        [Fact]
        public void ACatchAllOnOnePort_DoesNotCoverAHeaderRouteOnAnother()
        {
            var service = Canary.Service("web", "{app: reviews}", ports: "[{name: http, port: 80}, {name: admin, port: 9000}]");
            string Route(string name, int port, string rules) => Canary.MeshRoute(rules, name: name)
                .Replace("name: reviews\n      port: 9080", $"name: web\n      port: {port}");
            var input = Mesh.Join(Canary.Workloads(), service,
                Route("web-default", 80, "    - backendRefs: [{name: reviews-v1, port: 9080}]"), Route("web-admin", 9000, Canary.HeaderRule));

            var d = Assert.Single(Lint.Yaml(input).Only("MT1108"));

            Assert.StartsWith("HTTPRoute shop/web-admin is attached to Service web", d.Message);
        }

        [Fact]
        public void TwoParentRefsToOneGateway_GiveOneHostnameFinding()
        {
            var gateway = Canary.Gateway("""
                    - {name: http, port: 80, protocol: HTTP, hostname: shop.example.com}
                    - {name: https, port: 443, protocol: HTTPS, hostname: shop.example.com}
                """);
            var route = Canary.EdgeRoute("{name: edge, sectionName: http}, {name: edge, sectionName: https}", hostnames: "[shop.example.org]");

            Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), gateway, route)).Only("MT1111"));
        }

        [Fact]
        public void AnEmptyNamespace_IsTheRoutesOwn()
        {
            var route = Canary.EdgeRoute("{name: edge, namespace: \"\"}").Replace("namespace: shop\n      port", "namespace: \"\"\n      port");

            Assert.Empty(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.Gateway(), route)));
        }

        [Fact]
        public void RulesAreNamedByTheirPosition_UnreadableRulesIncluded()
        {
            var rules = "    - null\n    - 5\n" + Canary.Split.Replace("weight: 10", "weight: 20");

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(rules))).Only("MT1104"));

            Assert.StartsWith("the weights of rules[2] of HTTPRoute shop/reviews", d.Message);
        }

        [Fact]
        public void AnUnreadablePort_IsMT0002sAlone()
        {
            var diagnostics = Lint.Yaml(Mesh.Join(Canary.Workloads(), Canary.MeshRoute(Canary.Split.Replace("port: 9080\n          weight: 90", "port: 80.0\n          weight: 90"))));

            Assert.NotEmpty(diagnostics.Only("MT0002"));
            Assert.Empty(diagnostics.Only("MT1103"));
        }

        [Fact]
        public void ARouteThatNamesNoNamespace_IsOnlyWarnedAboutASameNamespaceListener()
        {
            var route = Canary.EdgeRoute("{name: edge, namespace: infra}").Replace("  namespace: shop\nspec", "spec");
            var gateway = Canary.Gateway("""
                    - name: http
                      port: 80
                      protocol: HTTP
                      allowedRoutes: {namespaces: {from: Same}}
                """, ns: "infra");

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Canary.Workloads("default"), gateway, route)).Only("MT1112"));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("(allowedRoutes.namespaces.from is Same); set from: All", d.Message);
        }
    }
}
