using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    public class ExportToValidRuleTests
    {
        private static string VirtualService(string exportTo) => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              exportTo: {{exportTo}}
              http:
                - route:
                    - destination: {host: reviews, subset: v1}
            """;

        private static string ServiceEntry(string exportTo) => $$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: partner
            spec:
              hosts: [api.partner.example]
              exportTo: {{exportTo}}
              ports: [{number: 443, name: https, protocol: HTTPS}]
              resolution: DNS
            """;

        private static string Service(string annotation) => $$"""
            apiVersion: v1
            kind: Service
            metadata:
              name: ratings
              annotations:
                networking.istio.io/exportTo: "{{annotation}}"
            spec:
              ports: [{name: http, port: 9080}]
            """;

        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> Findings(string yaml) =>
            Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())), ("x.yaml", yaml)).Only("MT1015");

        [Fact]
        public void AnEntryThatIsNoNamespaceName_IsReported_AtTheEntry()
        {
            var d = Assert.Single(Findings(VirtualService("[\".\", Prod_NS]")));

            Assert.Equal((Severity.Error, "x.yaml", 7, 19), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("exportTo of VirtualService default/reviews lists \"Prod_NS\", which is not ., *, ~ or a namespace name: a namespace name " +
                         "must consist of lower-case letters, digits and '-', and start and end with a letter or digit", d.Message);
        }

        [Theory]
        [InlineData("[\".\"]")]
        [InlineData("[\"*\"]")]
        [InlineData("[\".\", istio-system]")]
        [InlineData("[prod, staging]")]
        [InlineData("[]")]
        public void ValidEntries_AreSilent(string exportTo)
        {
            Assert.Empty(Findings(VirtualService(exportTo)));
        }

        [Fact]
        public void None_IsRejectedOnAVirtualService_AndAcceptedOnAServiceEntry()
        {
            Assert.Contains("which Istio accepts only on a ServiceEntry", Assert.Single(Findings(VirtualService("[\"~\"]"))).Message);
            Assert.Empty(Findings(ServiceEntry("[\"~\"]")));
            Assert.Empty(Findings(Service("~")));
        }

        [Theory]
        [InlineData("[\".\", \".\"]", "lists . twice")]
        [InlineData("[\".\", default]", "lists . and default (. is namespace default)")]
        [InlineData("[\"*\", prod]", "combines * (every namespace) with other entries")]
        [InlineData("[\"~\", prod]", "combines ~ (no namespace) with other entries")]
        public void RepeatsAndCombinations_AreReported(string exportTo, string expected)
        {
            Assert.Contains(Findings(ServiceEntry(exportTo)), d => d.Message.Contains(expected));
        }

        [Fact]
        public void TheServiceAnnotation_IsCheckedEntryByEntry()
        {
            var d = Assert.Single(Findings(Service(".,Prod")));

            Assert.StartsWith("the annotation networking.istio.io/exportTo of Service default/ratings lists \"Prod\"", d.Message);
            Assert.Equal(6, d.Span.Line);
            Assert.Empty(Findings(Service(".,prod")));
            Assert.Empty(Findings(Service("")));
        }

        [Fact]
        public void AnInvalidEntry_IsOneFinding_NotOnePerReference()
        {
            var rule = Mesh.DestinationRule().Replace("  host: reviews", "  host: reviews\n  exportTo: [\"~\"]");

            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Backend(), rule, Mesh.VirtualService()));

            Assert.Single(diagnostics.Only("MT1015"));
            Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error && d.Id != "MT1015");
        }

        [Fact]
        public void Placeholders_AreNotChecked()
        {
            Assert.Empty(Findings(VirtualService("[\"${NAMESPACE}\"]")));
        }
    }
}
