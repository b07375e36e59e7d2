using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// Configurations Istio accepts and that work, which a first version of the traffic-path rules reported, or read
    /// wrongly: delegates, TLS origination, gateway namespaces, tcp and tls filter chains, pipeline tokens.
    /// </summary>
    public class TrafficPathAcceptedConfigurationsTests
    {
        private static string Backend(string ns = "ns3") => Mesh.Join(Mesh.Backend(ns), Mesh.DestinationRule(ns: ns));

        [Fact]
        public void RoutesAfterADelegate_AreReachable_AndTheChildsGatewayMatchesAreItsParents()
        {
            const string vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: root, namespace: ns3}
                spec:
                  hosts: [reviews.example.com, reviews]
                  gateways: [public, mesh]
                  http:
                    - name: api
                      match: [{uri: {prefix: /api}}]
                      delegate: {name: reviews-api, namespace: ns3}
                    - name: api-legacy
                      match: [{uri: {prefix: /api/legacy}}]
                      route: [{destination: {host: reviews, subset: v1}}]
                    - name: team
                      delegate: {name: reviews-api, namespace: ns3}
                    - name: default
                      route: [{destination: {host: reviews, subset: v1}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews-api, namespace: ns3}
                spec:
                  http:
                    - name: ingress-only
                      match: [{gateways: [public], uri: {prefix: /api/v2}}]
                      route: [{destination: {host: reviews, subset: v2}}]
                """;

            var diagnostics = Lint.Yaml(Mesh.Join(Backend(), Gateways.Gateway("public", ns: "ns3", hosts: "[\"reviews.example.com\"]"), vs));

            Assert.DoesNotContain(diagnostics, d => d.Id == "MT1017" || d.Id == "MT1018" || d.Id == "MT1011");
        }

        [Fact]
        public void AGatewayOnlyVirtualService_SeesWhatTheGatewaysNamespaceSees()
        {
            var service = Mesh.Service(ns: "shop").Replace("  namespace: shop", "  namespace: shop\n  annotations: {networking.istio.io/exportTo: istio-ingress}");
            var rule = Mesh.DestinationRule(ns: "shop").Replace("  host: reviews", "  host: reviews\n  exportTo: [istio-ingress]");
            var edge = Gateways.Edge("[istio-ingress/public]", "[shop.example.com]", ns: "shop", destination: "{host: reviews.shop.svc.cluster.local, subset: v1}");
            var yaml = Mesh.Join(Mesh.Deployment("v1", "shop"), Mesh.Deployment("v2", "shop"), service, rule,
                Gateways.Gateway("public", ns: "istio-ingress", hosts: "[\"shop/shop.example.com\"]"), edge);

            Assert.DoesNotContain(Lint.Yaml(yaml), d => d.Severity == Severity.Error);
        }

        [Fact]
        public void TlsOrigination_MatchesOnThePortRequestsAreSentTo()
        {
            const string yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: edition-cnn-com, namespace: ns3}
                spec:
                  hosts: [edition.cnn.com]
                  resolution: DNS
                  ports:
                    - {number: 80, name: http-port, protocol: HTTP}
                    - {number: 443, name: https-port, protocol: HTTPS}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: rewrite-port-for-edition-cnn-com, namespace: ns3}
                spec:
                  hosts: [edition.cnn.com]
                  http:
                    - match: [{port: 80, uri: {prefix: /politics}}]
                      route: [{destination: {host: edition.cnn.com, port: {number: 443}}}]
                """;

            Assert.Empty(Lint.Yaml(yaml).Only("MT1020"));
            Assert.Single(Lint.Yaml(yaml.Replace("port: 80, uri", "port: 443, uri")).Only("MT1020"));
        }

        [Fact]
        public void MatchEntriesThatApplyOnlyOnAGateway_AreNotTheSidecars()
        {
            var vs = Mesh.VirtualService(ns: "ns3").Replace("  http:\n    - route:", "  gateways: [public, mesh]\n  http:\n    - match: [{gateways: [public], uri: {prefix: /a}}]\n      route:");
            var yaml = Mesh.Join(Mesh.Deployment("v1", "ns3"), Mesh.Deployment("v2", "ns3"), Mesh.Service("ns3", "[{name: tcp-web, port: 9080}]"),
                Mesh.DestinationRule(ns: "ns3"), Gateways.Gateway("public", ns: "ns3", hosts: "[\"*\"]"), vs);

            Assert.Empty(Lint.Yaml(yaml).Only("MT1020"));
            Assert.Single(Lint.Yaml(yaml.Replace("gateways: [public], uri", "uri")).Only("MT1020"));
        }

        [Fact]
        public void ATlsRouteForANarrowerDestination_IsReachable_AnExactRepeatIsNot()
        {
            const string yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: partner, namespace: ns3}
                spec:
                  hosts: [api.partner.example, eu.partner.example]
                  ports: [{number: 443, name: tls, protocol: TLS}]
                  resolution: NONE
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: partner, namespace: ns3}
                spec:
                  hosts: [api.partner.example]
                  tls:
                    - match: [{sniHosts: [api.partner.example]}]
                      route: [{destination: {host: api.partner.example, port: {number: 443}}}]
                    - match: [{sniHosts: [api.partner.example], destinationSubnets: [203.0.113.0/24]}]
                      route: [{destination: {host: eu.partner.example, port: {number: 443}}}]
                """;

            Assert.Empty(Lint.Yaml(yaml).Only("MT1017"));
            Assert.Single(Lint.Yaml(yaml.Replace(", destinationSubnets: [203.0.113.0/24]", string.Empty)).Only("MT1017"));
        }

        [Theory]
        [InlineData(",,, ,")]
        [InlineData("*, blog")]
        [InlineData(". , shop")]
        [InlineData(".,.")]
        public void TheServiceAnnotation_IsReadAsPilotReadsIt_WithoutSpecValidation(string annotation)
        {
            var service = Mesh.Service().Replace("  namespace: default", $"  namespace: default\n  annotations: {{networking.istio.io/exportTo: \"{annotation}\"}}");

            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), service, Mesh.DestinationRule(), Mesh.VirtualService())).Only("MT1015"));
        }

        [Fact]
        public void NoneInTheServiceAnnotation_HidesTheServiceFromEveryNamespace()
        {
            var service = Mesh.Service().Replace("  namespace: default", "  namespace: default\n  annotations: {networking.istio.io/exportTo: \"~, default\"}");

            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), service, Mesh.DestinationRule(), Mesh.VirtualService())).Only("MT1004");

            // The DestinationRule and both destinations of the VirtualService, all in the Service's own namespace.
            Assert.Equal(3, diagnostics.Count);
            Assert.All(diagnostics, d => Assert.Contains("(its networking.istio.io/exportTo is ~, default)", d.Message));
            Assert.Contains("but is not exported to any namespace", diagnostics[0].Message);
            Assert.Contains("but is not exported to namespace default", diagnostics[1].Message);
        }

        [Theory]
        [InlineData("[\"#{GatewayNamespace}#/public\"]", "[\"#{ConsumerNamespace}#\"]")]
        [InlineData("[__GATEWAY_NS__/public]", "[__CONSUMER_NS__]")]
        public void PipelineTokens_AreUnknownValues_NotMistakes(string gateways, string exportTo)
        {
            var vs = Gateways.Edge(gateways).Replace("  hosts:", $"  exportTo: {exportTo}\n  hosts:");

            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Canary(), Gateways.Gateway("other"), vs));

            Assert.DoesNotContain(diagnostics, d => d.Id == "MT1010" || d.Id == "MT1013" || d.Id == "MT1015");
        }

        [Fact]
        public void ALongExportTo_IsCutInMessages()
        {
            var namespaces = string.Join(", ", Enumerable.Range(0, 40).Select(i => "team" + i));
            var service = Mesh.Service().Replace("  namespace: default", $"  namespace: default\n  annotations: {{networking.istio.io/exportTo: \"{namespaces}\"}}");

            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), service, Mesh.DestinationRule(), Mesh.VirtualService())).Only("MT1004");

            Assert.Equal(2, diagnostics.Count);
            Assert.All(diagnostics, d => Assert.Contains("(its networking.istio.io/exportTo is team0, team1, team2, team3, team4 and 35 more)", d.Message));
        }

        [Fact]
        public void AGatewayOnlyVirtualService_SeesWhatTheGatewayPodsMaySee_WhereverTheyRun()
        {
            // The Gateway object is in web; its pods run in istio-system, the only namespace the Service is exported to.
            var service = Mesh.Service(ns: "web").Replace("  namespace: web", "  namespace: web\n  annotations: {networking.istio.io/exportTo: istio-system}");
            var edge = Gateways.Edge("[web-gateway]", "[shop.example.com]", ns: "web", destination: "{host: reviews}");
            var yaml = Mesh.Join(Mesh.Deployment("v1", "web"), Mesh.Deployment("v2", "web"), service,
                Gateways.Gateway("web-gateway", ns: "web", hosts: "[\"shop.example.com\"]"), edge);

            Assert.DoesNotContain(Lint.Yaml(yaml), d => d.Severity == Severity.Error);
        }

        [Fact]
        public void APlaceholderGatewayNamespace_IsNoNamespaceToResolveFrom()
        {
            var rule = Mesh.DestinationRule(ns: "ns3").Replace("  host: reviews", "  host: reviews\n  exportTo: [\".\", istio-ingress]");
            var edge = Gateways.Edge("[\"#{IngressNamespace}#/public\"]", "[reviews.example.com]", ns: "ns3");

            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Backend("ns3"), rule, edge));

            Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        }

        [Fact]
        public void TlsOrigination_WithoutAMatchedPort_AppliesOnTheHostsHttpPort()
        {
            const string yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: edition-cnn-com, namespace: ns3}
                spec:
                  hosts: [edition.cnn.com]
                  resolution: DNS
                  ports:
                    - {number: 80, name: http-port, protocol: HTTP}
                    - {number: 443, name: https-port, protocol: HTTPS}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: edition-cnn-com, namespace: ns3}
                spec:
                  hosts: [edition.cnn.com]
                  http:
                    - match: [{uri: {prefix: /politics}}]
                      timeout: 3s
                      route: [{destination: {host: edition.cnn.com, port: {number: 443}}}]
                """;

            Assert.Empty(Lint.Yaml(yaml).Only("MT1020"));
        }

        [Fact]
        public void AServiceEntryPortsName_DeclaresNoProtocol()
        {
            const string yaml = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: legacy, namespace: ns3}
                spec:
                  hosts: [legacy.internal.example]
                  resolution: DNS
                  ports: [{number: 8080, name: tcp-legacy}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: legacy, namespace: ns3}
                spec:
                  hosts: [legacy.internal.example]
                  http:
                    - match: [{uri: {prefix: /v2}}]
                      route: [{destination: {host: legacy.internal.example, port: {number: 8080}}}]
                """;

            Assert.Empty(Lint.Yaml(yaml).Only("MT1020"));
        }

        [Fact]
        public void MatchGatewaysBesideAPlaceholderBinding_AreNotJudged()
        {
            var vs = Gateways.Edge("[\"#{IngressNamespace}#/public\"]").Replace("    - route:", "    - match: [{gateways: [istio-ingress/public], uri: {prefix: /admin}}]\n      route:");

            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Canary(), vs)).Only("MT1011"));
        }

        [Fact]
        public void AKustomizationThatSetsTheNamespace_MakesExportToFindingsWarnings()
        {
            // Without a namespace, every object reads as default; kustomize puts them all in shop, which the Service is exported to.
            var service = Mesh.Service().Replace("  namespace: default", "  namespace: default\n  annotations: {networking.istio.io/exportTo: shop}");
            var app = Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), service, Mesh.DestinationRule(), Mesh.VirtualService());
            var kustomized = Lint.Files(("base/kustomization.yaml", "namespace: shop\nresources: [app.yaml]\n"), ("base/app.yaml", app)).Only("MT1004");
            var plain = Lint.Files(("base/app.yaml", app)).Only("MT1004");

            Assert.NotEmpty(kustomized);
            Assert.All(kustomized, d => Assert.Equal(Severity.Warning, d.Severity));
            Assert.NotEmpty(plain);
            Assert.All(plain, d => Assert.Equal(Severity.Error, d.Severity));
        }

        [Fact]
        public void DoubleUnderscoresInsideAName_AreNoToken()
        {
            var bad = Mesh.Deployment("v1").Replace("name: reviews-v1", "name: bad__name__here");

            Assert.Contains(Lint.Yaml(bad).Only("MT2004"), d => d.Message.Contains("bad__name__here"));
        }

        [Fact]
        public void AnUnreachableRouteWithManyCoveredMatches_StaysOneLine()
        {
            var entries = string.Join(", ", Enumerable.Range(0, 40).Select(i => $"{{uri: {{prefix: /api/{i}}}}}"));
            var vs = Mesh.VirtualService().Replace("    - route:", $"    - match: [{{uri: {{prefix: /api}}}}]\n      route:\n        - destination: {{host: reviews, subset: v1}}\n    - match: [{entries}]\n      route:");

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), Mesh.DestinationRule(), vs)).Only("MT1017"));
            Assert.Contains("and 35 more", d.Message);
        }

        [Fact]
        public void AnUnreadableMatchEntry_IsReportedAtItsPath()
        {
            var vs = Mesh.VirtualService().Replace("    - route:", "    - match: [null, 5]\n      route:");

            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Canary(), vs.Replace("name: reviews", "name: reviews-2")));

            Assert.Contains(diagnostics.Only("MT0002"), d => d.Message.Contains("spec.http[0].match[1] must be a mapping"));
        }
    }
}
