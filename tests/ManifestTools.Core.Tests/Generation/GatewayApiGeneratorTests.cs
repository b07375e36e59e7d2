using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ManifestTools.Generation;

namespace ManifestTools.Tests.Generation
{
    /// <summary>ManifestTrafficApi=GatewayApi: a Service per version and an HTTPRoute attached to the service's Service, instead of Istio's objects.</summary>
    public class GatewayApiGeneratorTests
    {
        private static readonly string[] AdvertisementsFiles =
        {
            "advertisements-v1.deployment.yaml",
            "advertisements-v2.deployment.yaml",
            "advertisements.service.yaml",
            "advertisements-v1.service.yaml",
            "advertisements-v2.service.yaml",
            "advertisements.httproute.yaml",
        };

        [Fact]
        public void Advertisements_RendersTheDeploymentsAsIstioDoes_ThenTheServicesAndTheHttpRoute()
        {
            var files = Declarations.Advertisements("GatewayApi").Generate();

            Assert.Equal(AdvertisementsFiles, files.Select(f => f.FileName));
            Assert.Equal(new[] { TemplateSet.Deployment, TemplateSet.Deployment, TemplateSet.Service, TemplateSet.VersionService, TemplateSet.VersionService, TemplateSet.HttpRoute },
                files.Select(f => f.Template));
            var istio = Declarations.Advertisements().Generate();
            foreach (var file in files)
            {
                if (file.Template == TemplateSet.Deployment)
                {
                    Assert.Equal(istio.Single(f => f.FileName == file.FileName).Content, file.Content);
                }
                else
                {
                    Golden.AssertMatches(file.Content, "Generation/Expected/GatewayApi/" + file.FileName);
                }
            }
        }

        [Theory]
        [InlineData("GatewayApi")]
        [InlineData("gatewayapi")]
        [InlineData(" GATEWAYAPI ")]
        public void TheValue_IsCaseInsensitive(string value)
        {
            var files = Declarations.Advertisements(value).Generate();

            Assert.Equal(AdvertisementsFiles, files.Select(f => f.FileName));
        }

        [Theory]
        [InlineData("")]
        [InlineData("istio")]
        [InlineData("ISTIO")]
        public void IstioOrNothing_RendersTheIstioObjects(string value)
        {
            Assert.Equal(Declarations.Advertisements().Generate(), Declarations.Advertisements(value).Generate());
        }

        [Theory]
        [InlineData("Gateway")]
        [InlineData("GatewayAPI2")]
        [InlineData("Gateway Api")]
        public void AnyOtherValue_IsAnErrorAtTheProperty(string value)
        {
            var (model, diagnostics) = Declarations.Advertisements(value).Bind();

            Assert.Null(model);
            Assert.Equal(
                $"Advertisements.csproj(7,5): error MT4005: ManifestTrafficApi '{value}' is not a traffic API: use Istio (DestinationRule and VirtualService) " +
                "or GatewayApi (a Service per version and an HTTPRoute)",
                Assert.Single(diagnostics).ToString());
        }

        [Fact]
        public void RenderingTwice_GivesByteIdenticalOutput()
        {
            var first = Declarations.Advertisements("GatewayApi").Generate();
            var second = Declarations.Advertisements("GatewayApi").Generate();

            Assert.Equal(first.Select(f => (f.FileName, f.Content)), second.Select(f => (f.FileName, f.Content)));
        }

        [Fact]
        public void EachVersionsService_SelectsThatVersion_WithTheServicesPorts()
        {
            var files = Declarations.Advertisements("GatewayApi").Port("9090").Port("5353", ("Type", "udp")).Generate();

            var service = YamlTree.Single(Content(files, "advertisements.service.yaml"));
            var v2 = YamlTree.Single(Content(files, "advertisements-v2.service.yaml"));
            Assert.Equal("advertisements-v2", v2.Text("metadata", "name"));
            Assert.Equal(new[] { ("app", "advertisements"), ("version", "v2") }, Pairs(v2.At("spec", "selector")));
            Assert.Equal(new[] { ("app", "advertisements") }, Pairs(service.At("spec", "selector")));
            Assert.Equal(PortsOf(service), PortsOf(v2));
            Assert.Equal(new[] { ("http", "5002", "TCP"), ("http-9090", "9090", "TCP"), ("udp", "5353", "UDP") }, PortsOf(v2));
        }

        [Fact]
        public void TheRoute_IsAttachedToTheService_AndSendsToTheRoutePort_OfEveryVersionsService()
        {
            var files = Declarations.Advertisements("GatewayApi").Port("9090").Generate();

            var route = YamlTree.Single(Content(files, "advertisements.httproute.yaml"));
            var parent = Assert.Single(route.Items("spec", "parentRefs"));
            Assert.Equal(("", "Service", "advertisements", "5002"), (parent.Text("group"), parent.Text("kind"), parent.Text("name"), parent.Text("port")));
            var backends = route.Items("spec", "rules").SelectMany(r => r.Items("backendRefs")).ToList();
            Assert.Equal(3, backends.Count);
            Assert.All(backends, b => Assert.Equal("5002", b.Text("port")));
        }

        [Fact]
        public void HttpRoutes_GoToTheFirstTcpPort_EvenAfterAUdpPort()
        {
            var declaration = new Declarations { TrafficApi = "GatewayApi" }.Port("53", ("Type", "udp")).Port("8080").Version("v1");

            var route = YamlTree.Single(Content(declaration.Generate(), "advertisements.httproute.yaml"));

            Assert.Equal("8080", route.Text("spec", "parentRefs", "0", "port"));
            Assert.Equal("8080", route.Text("spec", "rules", "0", "backendRefs", "0", "port"));
        }

        [Fact]
        public void HeaderRules_ComeFirstInDeclarationOrder_ThenACatchAllWithTheDefaultWeights()
        {
            var declaration = new Declarations { TrafficApi = "GatewayApi" }.Port("8080")
                .Version("stable", ("Weight", "90"))
                .Version("canary", ("ImageTag", "2.0"), ("Weight", "10"))
                .Route("beta", ("Header", "x-beta"), ("Exact", "1"), ("Weights", "canary"))
                .Route("mobile", ("Header", "user-agent"), ("Regex", ".*Mobile.*"), ("Weights", "stable=30;canary=70"))
                .Route("team", ("Header", "x-team"), ("Prefix", "payments."), ("Weights", "stable=50;canary=50"));

            var rules = YamlTree.Single(Content(declaration.Generate(), "advertisements.httproute.yaml")).Items("spec", "rules");

            Assert.Equal(4, rules.Count);
            Assert.Equal(new[] { ("x-beta", "Exact", "1"), ("user-agent", "RegularExpression", ".*Mobile.*"), ("x-team", "RegularExpression", @"^payments\..*") },
                rules.Take(3).Select(r => Assert.Single(Assert.Single(r.Items("matches")).Items("headers"))).Select(h => (h.Text("name"), h.Text("type"), h.Text("value"))));
            Assert.Equal(new[] { "canary=100", "stable=30;canary=70", "stable=50;canary=50", "stable=90;canary=10" },
                rules.Select(r => string.Join(";", r.Items("backendRefs").Select(b => b.Text("name").Substring("advertisements-".Length) + "=" + b.Text("weight")))));
            Assert.Throws<KeyNotFoundException>(() => rules[3].At("matches"));
        }

        /// <summary>Gateway API has no prefix header match: the prefix becomes an anchored pattern in which every character is literal.</summary>
        [Theory]
        [InlineData("products", "products", "productsX", "product")]
        [InlineData("a.b", "a.b", "a.b/c", "aXb")]
        [InlineData(@"(x)+[y]{2}|*?^$\", @"(x)+[y]{2}|*?^$\", @"(x)+[y]{2}|*?^$\tail", "xxyy")]
        [InlineData("1.0-beta", "1.0-beta", "1.0-beta.2", "X1.0-beta")]
        public void APrefix_BecomesAnAnchoredEscapedRegularExpression(string prefix, string equal, string longer, string other)
        {
            var declaration = new Declarations { TrafficApi = "GatewayApi" }.Port("8080").Version("v1")
                .Route("r", ("Header", "x-h"), ("Prefix", prefix), ("Weights", "v1"));

            var header = YamlTree.Single(Content(declaration.Generate(), "advertisements.httproute.yaml")).At("spec", "rules", "0", "matches", "0", "headers", "0");

            Assert.Equal("RegularExpression", header.Text("type"));
            // Istio matches the whole value (RE2 full match); the pattern must also mean a prefix to an implementation that searches.
            var whole = new Regex(@"\A(?:" + header.Text("value") + @")\z");
            var search = new Regex(header.Text("value"));
            Assert.True(whole.IsMatch(equal) && whole.IsMatch(longer) && !whole.IsMatch(other), header.Text("value"));
            Assert.True(search.IsMatch(longer) && !search.IsMatch("z" + longer) && !search.IsMatch(other), header.Text("value"));
        }

        [Fact]
        public void AVersionWithoutTraffic_IsLeftOutOfTheRule()
        {
            var rules = YamlTree.Single(Content(Declarations.Advertisements("GatewayApi").Generate(), "advertisements.httproute.yaml")).Items("spec", "rules");

            Assert.Equal(new[] { ("advertisements-v1", "100") }, rules[1].Items("backendRefs").Select(b => (b.Text("name"), b.Text("weight"))));
        }

        /// <summary>The HTTPRoute CRD allows 16 rules and 16 backendRefs a rule; a weight of 0 takes no backendRef, so 1,000 versions fit.</summary>
        [Fact]
        public void FifteenRoutesAndSixteenWeightedVersions_FitTheHttpRoute_OfAThousandVersions()
        {
            var declaration = new Declarations { TrafficApi = "GatewayApi" }.Port("8080");
            for (int i = 1; i <= 1000; i++)
            {
                declaration.Version("v" + i, ("ImageTag", "1." + i), ("Weight", i <= 4 ? "10" : i <= 16 ? "5" : "0"));
            }

            for (int i = 1; i <= 15; i++)
            {
                declaration.Route("r" + i, ("Header", "x-r"), ("Exact", "" + i), ("Weights", string.Join(";", Enumerable.Range(1, 16).Select(v => $"v{v}={(v <= 4 ? 10 : 5)}"))));
            }

            var route = YamlTree.Single(Content(declaration.Generate(), "advertisements.httproute.yaml"));

            Assert.Equal(16, route.Items("spec", "rules").Count);
            Assert.All(route.Items("spec", "rules"), r => Assert.Equal(16, r.Items("backendRefs").Count));
        }

        [Fact]
        public void ASixteenthRoute_OrASeventeenthWeightedVersion_IsAnError_OnlyWithGatewayApi()
        {
            Declarations Declaration(string trafficApi)
            {
                var declaration = new Declarations { TrafficApi = trafficApi }.Port("8080");
                for (int i = 1; i <= 17; i++)
                {
                    declaration.Version("v" + i, ("ImageTag", "1." + i), ("Weight", i <= 15 ? "6" : i == 16 ? "9" : "1"));
                }

                for (int i = 1; i <= 16; i++)
                {
                    declaration.Route("r" + i, ("Header", "x-r"), ("Exact", "" + i), ("Weights", i == 1 ? string.Join(";", Enumerable.Range(1, 17).Select(v => $"v{v}={(v <= 15 ? 6 : v == 16 ? 9 : 1)}")) : "v1"));
                }

                return declaration;
            }

            Assert.Empty(Findings.Of(Declaration("Istio")));
            string all = string.Join(", ", Enumerable.Range(1, 17).Select(v => "v" + v));
            Assert.Equal(new[]
            {
                "Advertisements.csproj(43,5): error MT4005: ServiceRoute r16 is number 16, but an HTTPRoute holds at most 16 rules and one is the rule for every other request: " +
                "declare at most 15 ServiceRoute items with ManifestTrafficApi=GatewayApi",
                $"Advertisements.csproj(28,5): error MT4005: 17 versions get traffic from ServiceRoute r1 ({all}), but an HTTPRoute rule holds at most 16 backendRefs: " +
                "give at most 16 versions a weight above 0 with ManifestTrafficApi=GatewayApi",
                $"Advertisements.csproj(27,5): error MT4005: 17 versions get traffic from the ServiceVersion items, the default route ({all}), but an HTTPRoute rule holds at most 16 backendRefs: " +
                "give at most 16 versions a weight above 0 with ManifestTrafficApi=GatewayApi",
            }, Findings.Of(Declaration("GatewayApi")));
        }

        [Fact]
        public void AHeaderMatchLongerThanTheCrdTakes_IsAnError_OnlyWithGatewayApi()
        {
            // 2,047 dots escape to 4,094 characters, and ^ and .* make 4,097: one more than HTTPHeaderMatch.value takes.
            Declarations Declaration(string trafficApi) => new Declarations { TrafficApi = trafficApi }.Version("v1")
                .Route("dots", ("Header", "x-dots"), ("Prefix", new string('.', 2047)), ("Weights", "v1"))
                .Route("name", ("Header", new string('x', 257)), ("Exact", "1"), ("Weights", "v1"));

            Assert.Empty(Findings.Of(Declaration("Istio")));
            Assert.Equal(new[]
            {
                "Advertisements.csproj(11,5): error MT4005: the match value of ServiceRoute dots is 4097 characters long in the HTTPRoute, but an HTTPRoute " +
                "header match takes at most 4096: shorten it with ManifestTrafficApi=GatewayApi",
                "Advertisements.csproj(12,5): error MT4005: the Header of ServiceRoute name is 257 characters long, but an HTTPRoute header match takes at " +
                "most 256: shorten it with ManifestTrafficApi=GatewayApi",
            }, Findings.Of(Declaration("GatewayApi")));
        }

        [Fact]
        public void Advertisements_AndAServiceWithEveryFeature_LintClean()
        {
            Assert.Empty(LintGenerated(Declarations.Advertisements("GatewayApi").Generate()));
            Assert.Empty(LintGenerated(ApiSchemaTests.Everything("GatewayApi").Generate()));
        }

        [Fact]
        public void AVersionWhoseServiceNameIsTooLong_IsAnErrorAtTheVersion_OnlyWithGatewayApi()
        {
            // 14 + 1 + 48 = 63 characters is the longest name; one more is not a Service name.
            string fits = "v" + new string('a', 47);
            string longer = fits + "b";
            Declarations Declaration(string trafficApi) => new Declarations { TrafficApi = trafficApi }.Port("8080")
                .Version(fits, ("Weight", "50")).Version(longer, ("ImageTag", "2.0"), ("Weight", "50"));

            Assert.Empty(Findings.Of(Declaration("Istio")));
            Assert.Equal(new[]
            {
                $"Advertisements.csproj(12,5): error MT4003: version '{longer}' names the Service advertisements-{longer} that the HTTPRoute sends its share to, " +
                "which must be a DNS-1035 label, so the service name and the version together must be at most 63 characters, not 64: shorten ManifestServiceName or the version",
            }, Findings.Of(Declaration("GatewayApi")));
        }

        [Fact]
        public void AnInvalidVersionName_IsReportedOnce_NotAgainAsAServiceName()
        {
            var declaration = new Declarations { TrafficApi = "GatewayApi" }.Port("8080").Version("v1.5-" + new string('a', 60));

            var finding = Assert.Single(Findings.Of(declaration));
            Assert.Contains("and a DestinationRule subset", finding);
        }

        private static IReadOnlyList<(string Key, string Value)> Pairs(ManifestTools.Yaml.YNode mapping) =>
            Assert.IsType<ManifestTools.Yaml.YMapping>(mapping).Entries.Select(e => (e.Key.Value, ((ManifestTools.Yaml.YScalar)e.Value).Value)).ToList();

        private static IReadOnlyList<(string, string, string)> PortsOf(ManifestTools.Yaml.YNode service) =>
            service.Items("spec", "ports").Select(p => (p.Text("name"), p.Text("port"), p.Text("protocol"))).ToList();

        private static string Content(IReadOnlyList<GeneratedFile> files, string fileName) => files.Single(f => f.FileName == fileName).Content;

        private static IReadOnlyList<string> LintGenerated(IReadOnlyList<GeneratedFile> files) =>
            Lint.Files(files.Select(f => (f.FileName, f.Content)).ToArray()).Select(d => d.ToString()).ToList();
    }
}
