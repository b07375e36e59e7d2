using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class MeshHostConflictRuleTests
    {
        private static string Routing(string name, string host = "reviews", string ns = "default", string extra = "") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {{name}}
              namespace: {{ns}}
            spec:
              hosts: [{{host}}]
              {{extra}}
              http:
                - route:
                    - destination: {host: reviews.default.svc.cluster.local, subset: v1}
            """;

        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> Findings(params (string Path, string Yaml)[] files) =>
            Lint.Files(new[] { ("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())) }.Concat(files).ToArray()).Only("MT1016");

        [Fact]
        public void TwoVirtualServicesForOneHost_AreBothReported_EachNamingTheOther()
        {
            var diagnostics = Findings(("vs.yaml", Mesh.Join(Routing("reviews"), Routing("reviews-canary", host: Mesh.Fqdn))));

            Assert.Equal(2, diagnostics.Count);
            Assert.Equal((Severity.Error, 7, 11), (diagnostics[0].Severity, diagnostics[0].Span.Line, diagnostics[0].Span.Column));
            Assert.Equal("VirtualService default/reviews and VirtualService default/reviews-canary both define host " + Mesh.Fqdn + " for the mesh, " +
                         "as seen from every namespace; Istio uses only one of them for the sidecars, and which one is undefined: merge their " +
                         "routes into one VirtualService", diagnostics[0].Message);
            Assert.StartsWith("VirtualService default/reviews-canary and VirtualService default/reviews both define", diagnostics[1].Message);
        }

        [Theory]
        [InlineData("exportTo: [\".\"]", "frontend", "exportTo: [\".\"]")]
        [InlineData("exportTo: [staging]", "frontend", "exportTo: [\".\"]")]
        [InlineData("", "default", "gateways: [bookinfo-gateway]")]
        public void VirtualServicesThatNoNamespaceSeesTogether_AreSilent(string first, string secondNamespace, string second)
        {
            Assert.Empty(Findings(("vs.yaml", Mesh.Join(Routing("reviews", host: Mesh.Fqdn, extra: first),
                Routing("reviews-canary", host: Mesh.Fqdn, ns: secondNamespace, extra: second)))));
        }

        [Theory]
        [InlineData("exportTo: [frontend]", "frontend", "exportTo: [\".\"]", "namespace frontend")]
        [InlineData("", "frontend", "exportTo: [\".\"]", "namespace frontend")]
        [InlineData("gateways: [mesh, bookinfo-gateway]", "frontend", "", "every namespace")]
        public void VirtualServicesSeenTogetherSomewhere_Conflict(string first, string secondNamespace, string second, string seenFrom)
        {
            var diagnostics = Findings(("vs.yaml", Mesh.Join(Routing("reviews", host: Mesh.Fqdn, extra: first),
                Routing("reviews-canary", host: Mesh.Fqdn, ns: secondNamespace, extra: second))));

            Assert.Equal(2, diagnostics.Count);
            Assert.All(diagnostics, d => Assert.Contains("as seen from " + seenFrom, d.Message));
        }

        [Fact]
        public void ShortNamesInDifferentNamespaces_AreDifferentHosts()
        {
            Assert.Empty(Findings(("vs.yaml", Mesh.Join(Routing("reviews"), Routing("reviews", ns: "staging")))));
        }

        [Fact]
        public void TheSameVirtualServiceInTwoFiles_IsOneObject()
        {
            Assert.Empty(Findings(("overlays/staging/vs.yaml", Routing("reviews")), ("overlays/prod/vs.yaml", Routing("reviews"))));
        }

        [Fact]
        public void VirtualServicesInDifferentFolders_AreWarnings()
        {
            var diagnostics = Findings(("clusters/east/vs.yaml", Routing("reviews")), ("clusters/west/vs.yaml", Routing("reviews-west")));

            Assert.Equal(new[] { Severity.Warning, Severity.Warning }, diagnostics.Select(d => d.Severity));
        }

        [Fact]
        public void ManyVirtualServicesForOneHost_EachIsReportedOnce()
        {
            var services = Enumerable.Range(0, 4).Select(i => Routing("reviews-" + i)).ToArray();

            var diagnostics = Findings(("vs.yaml", Mesh.Join(services)));

            Assert.Equal(new[] { "VirtualService default/reviews-0", "VirtualService default/reviews-1", "VirtualService default/reviews-2", "VirtualService default/reviews-3" },
                diagnostics.Select(d => d.Subject!.ToString()));
            Assert.All(diagnostics.Skip(1), d => Assert.Contains("and VirtualService default/reviews-0 both define", d.Message));
        }
    }
}
