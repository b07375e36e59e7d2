using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class ListenerAdmitsRouteRuleTests
    {
        private static string Listener(string allowedRoutes, string protocol = "HTTP") => $$"""
                - name: http
                  port: 80
                  protocol: {{protocol}}
            {{allowedRoutes}}
            """;

        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> LintEdge(string listener, params string[] more) =>
            Lint.Files(("mesh.yaml", Mesh.Join(Canary.Workloads(), Canary.Gateway(listener, ns: "infra"))),
                ("route.yaml", Mesh.Join(more.Length > 0 ? more : new[] { Canary.EdgeRoute("{name: edge, namespace: infra}") }))).Only("MT1112");

        [Fact]
        public void ARouteOfAnotherNamespace_OnASameNamespaceListener_IsAnError_AtTheParentRef()
        {
            var d = Assert.Single(LintEdge(Listener(string.Empty)));

            Assert.Equal((Severity.Error, "route.yaml", 7, 17), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("HTTPRoute shop/web attaches to Gateway infra/edge, but no listener it selects admits it: listener http admits only routes " +
                         "of namespace infra (allowedRoutes.namespaces.from is Same, the default); set from: All, or a Selector that matches namespace shop",
                d.Message);
        }

        [Fact]
        public void ANamespaceSelectorTheRoutesNamespaceDoesNotMatch_IsReported_WhenTheNamespaceIsKnown()
        {
            var listener = Listener("      allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {expose: \"true\"}}}}");
            var ns = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: shop}\n";

            Assert.Contains("admits only namespaces its selector", Assert.Single(LintEdge(listener, ns, Canary.EdgeRoute("{name: edge, namespace: infra}"))).Message);
            Assert.Empty(LintEdge(listener)); // Without the Namespace in the input, its labels are not known.
        }

        [Fact]
        public void TheNameLabelOfEveryNamespace_IsKnownWithoutTheNamespace()
        {
            var selecting = Listener("      allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: shop}}}}");
            var other = Listener("      allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: web}}}}");

            Assert.Empty(LintEdge(selecting));
            Assert.Single(LintEdge(other));
        }

        [Fact]
        public void KindsAndProtocols_ThatDoNotAdmitTheRoute_AreReported()
        {
            var kinds = Listener("      allowedRoutes: {namespaces: {from: All}, kinds: [{kind: GRPCRoute}]}");
            Assert.Contains("admits only GRPCRoute (allowedRoutes.kinds); add kind HTTPRoute", Assert.Single(LintEdge(kinds)).Message);

            var tcp = Listener("      allowedRoutes: {namespaces: {from: All}}", protocol: "TCP");
            Assert.Contains("has protocol TCP, which admits no HTTPRoute", Assert.Single(LintEdge(tcp)).Message);
        }

        [Theory]
        [InlineData("      allowedRoutes: {namespaces: {from: All}}", "HTTP")]
        [InlineData("      allowedRoutes: {namespaces: {from: All}, kinds: [{group: gateway.networking.k8s.io, kind: HTTPRoute}]}", "HTTPS")]
        [InlineData("      allowedRoutes: {namespaces: {from: All}}", "example.com/custom")]
        public void ListenersThatAdmitTheRoute_AreSilent(string allowedRoutes, string protocol) =>
            Assert.Empty(LintEdge(Listener(allowedRoutes, protocol)));

        [Fact]
        public void ARouteOfTheGatewaysNamespace_IsAdmittedByDefault() =>
            Assert.Empty(LintEdge(Listener(string.Empty), Canary.EdgeRoute("{name: edge}", ns: "infra")));
    }
}
