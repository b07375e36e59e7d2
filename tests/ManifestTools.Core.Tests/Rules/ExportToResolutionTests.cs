using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>exportTo decides which namespaces see a host or a subset, wherever one is resolved: MT1001, MT1003, MT1004, MT1009.</summary>
    public class ExportToResolutionTests
    {
        private static string Client(string host = "reviews.default.svc.cluster.local", string subset = "v1", string exportTo = "") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: frontend
            spec:
              hosts: [reviews.default.svc.cluster.local]
              {{exportTo}}
              http:
                - route:
                    - destination: {host: {{host}}, subset: {{subset}}}
            """;

        private static string PrivateService(string annotation) => Mesh.Service().Replace("  namespace: default", $"  namespace: default\n  annotations: {{networking.istio.io/exportTo: \"{annotation}\"}}");

        [Fact]
        public void AServiceExportedToItsNamespaceOnly_IsUnknownToAnotherNamespace()
        {
            var yaml = Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), PrivateService("."), Mesh.DestinationRule(), Client());

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1004"));
            Assert.Equal(Severity.Error, d.Severity);
            Assert.EndsWith(": Service default/reviews defines it, but is not exported to namespace frontend (its networking.istio.io/exportTo is .): " +
                            "export it there, or route to a host that namespace sees", d.Message);
            Assert.DoesNotContain("no Service or ServiceEntry", d.Message);
        }

        [Theory]
        [InlineData("*")]
        [InlineData("frontend")]
        [InlineData(".,frontend")]
        public void AServiceExportedToTheClientsNamespace_IsKnown(string annotation)
        {
            var yaml = Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), PrivateService(annotation), Mesh.DestinationRule(), Client());

            Assert.DoesNotContain(Lint.Yaml(yaml), d => d.Severity == Severity.Error);
        }

        [Fact]
        public void AVirtualServiceExportedToTheServicesNamespace_SeesItThere()
        {
            var yaml = Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), PrivateService("."), Mesh.DestinationRule(),
                Client(exportTo: "exportTo: [default]"));

            Assert.Empty(Lint.Yaml(yaml).Only("MT1004"));
        }

        [Fact]
        public void AWildcardServiceEntryExportedToItsNamespace_HidesNoUnknownHostElsewhere()
        {
            const string catchAll = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: everything, namespace: egress}
                spec:
                  hosts: ["*"]
                  exportTo: ["."]
                  ports: [{number: 80, name: http, protocol: HTTP}]
                  resolution: NONE
                """;

            var typo = Mesh.Join(Mesh.Canary(), catchAll, Client(host: "reviewz.default.svc.cluster.local"));
            var d = Assert.Single(Lint.Yaml(typo).Only("MT1004"));
            Assert.Equal(Severity.Error, d.Severity);
            Assert.DoesNotContain("egress/everything", d.Message);

            var exported = typo.Replace("exportTo: [\".\"]", "exportTo: [\"*\"]");
            Assert.Empty(Lint.Yaml(exported).Only("MT1004"));
        }

        [Fact]
        public void ADestinationRuleExportedToItsNamespaceOnly_DefinesNoSubsetForAnotherNamespace()
        {
            var rule = Mesh.DestinationRule().Replace("  host: reviews", "  host: reviews\n  exportTo: [\".\"]");
            var yaml = Mesh.Join(Mesh.Backend(), rule, Client());

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1003"));
            Assert.EndsWith("but DestinationRule default/reviews is not exported to namespace frontend (its exportTo is .)", d.Message);
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), Client())).Only("MT1003"));
        }

        [Fact]
        public void ADestinationRuleKeptInANamespaceThatDoesNotSeeItsHost_IsUnknown()
        {
            var rule = Mesh.DestinationRule(ns: "frontend", host: "reviews.default.svc.cluster.local");
            var kept = rule.Replace("  host: reviews.default.svc.cluster.local", "  host: reviews.default.svc.cluster.local\n  exportTo: [\".\"]");
            var yaml = Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), PrivateService("."), kept);

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT1004"));
            Assert.StartsWith("DestinationRule frontend/reviews names host reviews.default.svc.cluster.local", d.Message);
            Assert.EndsWith("but is not exported to namespace frontend (its networking.istio.io/exportTo is .): export it there, or route to a host that namespace sees", d.Message);
            Assert.Empty(Lint.Yaml(yaml).Only("MT1001"));
        }

        [Fact]
        public void ADestinationRuleBesideItsHost_ServesEveryNamespaceThatSeesTheHost()
        {
            var yaml = Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), PrivateService("frontend"), Mesh.DestinationRule());

            Assert.Empty(Lint.Yaml(yaml).Only("MT1004"));
        }

        [Fact]
        public void ADestinationRuleOfAThirdNamespace_ServesOnlyItsOwn_AsPilotLooksRulesUp()
        {
            var rule = Mesh.DestinationRule(ns: "frontend", host: "reviews.default.svc.cluster.local");
            var yaml = Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), PrivateService("."), rule);

            Assert.Single(Lint.Yaml(yaml).Only("MT1004"));
            Assert.Empty(Lint.Yaml(yaml.Replace("networking.istio.io/exportTo: \".\"", "networking.istio.io/exportTo: \".,frontend\"")).Only("MT1004"));
        }

        [Fact]
        public void APortOfAHiddenHost_IsNotChecked_TheHostIsReported()
        {
            var client = Client().Replace("subset: v1}", "subset: v1, port: {number: 80}}");
            var yaml = Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), PrivateService("."), Mesh.DestinationRule(), client);

            var diagnostics = Lint.Yaml(yaml);
            Assert.Empty(diagnostics.Only("MT1009"));
            Assert.Single(diagnostics.Only("MT1004"));
        }
    }
}
