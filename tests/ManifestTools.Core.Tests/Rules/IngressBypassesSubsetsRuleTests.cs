using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class IngressBypassesSubsetsRuleTests
    {
        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> Findings(string edge, string mesh = "") =>
            Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), Gateways.Gateway(), mesh.Length > 0 ? mesh : Mesh.VirtualService())),
                ("edge.yaml", edge)).Only("MT1019");

        [Fact]
        public void AGatewayRouteWithoutASubset_ToAHostTheMeshSplits_IsAWarning_AtTheDestination()
        {
            var d = Assert.Single(Findings(Gateways.Edge(destination: "{host: reviews}")));

            Assert.Equal((Severity.Warning, "edge.yaml", 11, 25), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("route http[0] of VirtualService default/bookinfo sends ingress traffic to host " + Mesh.Fqdn + " without a subset, but " +
                         "VirtualService default/reviews routes the mesh's traffic to " + Mesh.Fqdn + " by subset; requests through the gateway " +
                         "ignore those subsets: route to the same subsets here, or bind VirtualService default/reviews to the gateway too", d.Message);
        }

        [Theory]
        [InlineData("{host: reviews, subset: v1}")]
        [InlineData("{host: ratings}")]
        public void SubsetsOrOtherHosts_AreSilent(string destination)
        {
            Assert.Empty(Findings(Gateways.Edge(destination: destination)));
        }

        [Fact]
        public void AMeshVirtualServiceWithoutSubsets_IsSilent()
        {
            var mesh = Mesh.VirtualService().Replace(", subset: v1}", "}").Replace(", subset: v2}", "}");

            Assert.Empty(Findings(Gateways.Edge(destination: "{host: reviews}"), mesh));
        }

        [Fact]
        public void AServiceBoundToTheMeshToo_IsNotIngressOnly()
        {
            Assert.Empty(Findings(Gateways.Edge("[bookinfo-gateway, mesh]", "[bookinfo.example.com]", destination: "{host: ratings}")));
        }
    }
}
