using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ManifestTools.Generation;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Generation
{
    public class GeneratorTests
    {
        private static readonly string[] AdvertisementsFiles =
        {
            "advertisements-v1.deployment.yaml",
            "advertisements-v2.deployment.yaml",
            "advertisements.service.yaml",
            "advertisements.destinationrule.yaml",
            "advertisements.virtualservice.yaml",
        };

        [Fact]
        public void Advertisements_RendersExactlyTheFiveExpectedFiles()
        {
            var files = Declarations.Advertisements().Generate();

            Assert.Equal(AdvertisementsFiles, files.Select(f => f.FileName));
            Assert.Equal(new[] { TemplateSet.Deployment, TemplateSet.Deployment, TemplateSet.Service, TemplateSet.DestinationRule, TemplateSet.VirtualService },
                files.Select(f => f.Template));
            foreach (var file in files)
            {
                Golden.AssertMatches(file.Content, "Generation/Expected/" + file.FileName);
            }
        }

        [Fact]
        public void RenderingTwice_GivesByteIdenticalOutput()
        {
            var first = Declarations.Advertisements().Generate();
            var second = Declarations.Advertisements().Generate();

            Assert.Equal(first.Select(f => (f.FileName, f.Content)), second.Select(f => (f.FileName, f.Content)));
        }

        [Fact]
        public void EveryFile_StartsWithTheHeader_AndUsesLfOnly()
        {
            foreach (var file in Declarations.Advertisements().Generate())
            {
                Assert.StartsWith(GeneratedHeader.Title + "\n# project: ../Advertisements.csproj\n# service: advertisements\n" +
                    $"# file: {file.FileName}\n# template: {file.Template}\n# sha256: ", file.Content);
                Assert.Equal(new GeneratedHeaderInfo(Declarations.OwnerProject, "advertisements", file.FileName, file.Template, ContentMatches: true),
                    GeneratedHeader.Read(file.Content));
                Assert.DoesNotContain("\r", file.Content);
                Assert.EndsWith("\n", file.Content);
                Assert.False(file.Content.EndsWith("\n\n", StringComparison.Ordinal), file.FileName + " ends with a blank line");
            }
        }

        [Fact]
        public void Advertisements_LintsClean()
        {
            Assert.Empty(LintGenerated(Declarations.Advertisements().Generate()));
        }

        [Fact]
        public void OneVersionServiceWithoutRoutes_LintsClean()
        {
            var discounts = new Declarations { ServiceName = "discounts", Namespace = "ns2", Repository = "ecommerce/discounts" }
                .Port("5001")
                .Version("v1", ("ImageTag", "1.0"));

            var files = discounts.Generate();

            Assert.Equal(new[] { "discounts-v1.deployment.yaml", "discounts.service.yaml", "discounts.destinationrule.yaml", "discounts.virtualservice.yaml" },
                files.Select(f => f.FileName));
            Assert.Empty(LintGenerated(files));
            var http = YamlTree.Single(Content(files, "discounts.virtualservice.yaml")).Items("spec", "http");
            var route = Assert.Single(http);
            Assert.Equal("default", route.Text("name"));
            var destination = Assert.Single(route.Items("route"));
            Assert.Equal(("discounts", "v1", "100"), (destination.Text("destination", "host"), destination.Text("destination", "subset"), destination.Text("weight")));
            Assert.Equal("5001", YamlTree.Single(Content(files, "discounts.service.yaml")).Text("spec", "ports", "0", "port"));
        }

        [Fact]
        public void HttpRoutes_GoToTheFirstTcpPort_EvenAfterAUdpPort()
        {
            var declaration = new Declarations().Port("53", ("Type", "udp")).Port("8080").Version("v1");

            var yaml = YamlTree.Single(Content(declaration.Generate(), "advertisements.virtualservice.yaml"));

            var destination = Assert.Single(yaml.Items("spec", "http").SelectMany(route => route.Items("route")));
            Assert.Equal("8080", destination.Text("destination", "port", "number"));
        }

        [Fact]
        public void SeveralContainerPorts_NameThePortInEveryDestination_AndLintClean()
        {
            var declaration = Declarations.Advertisements().Port("9090");

            var files = declaration.Generate();

            Assert.Empty(LintGenerated(files));
            var http = YamlTree.Single(Content(files, "advertisements.virtualservice.yaml")).Items("spec", "http");
            var destinations = http.SelectMany(route => route.Items("route")).ToList();
            Assert.Equal(4, destinations.Count);
            Assert.All(destinations, d => Assert.Equal("5002", d.Text("destination", "port", "number")));
            var ports = YamlTree.Single(Content(files, "advertisements.service.yaml")).Items("spec", "ports");
            Assert.Equal(new[] { ("http", "5002"), ("http-9090", "9090") }, ports.Select(p => (p.Text("name"), p.Text("port"))));
        }

        [Fact]
        public void NamesThatLookLikeNumbers_StayStrings_AndLintClean()
        {
            var declaration = new Declarations { Namespace = "2024" }
                .Port("5002")
                .Version("1", ("ImageTag", "1.0"), ("Weight", "50"))
                .Version("2", ("ImageTag", "2.0"), ("Weight", "50"))
                .Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "1=50;2=50"));

            var files = declaration.Generate();

            Assert.Empty(LintGenerated(files));
            var destinationRule = YamlTree.Single(Content(files, "advertisements.destinationrule.yaml"));
            Assert.Equal("2024", destinationRule.Text("metadata", "namespace"));
            Assert.Equal(new[] { "1", "2" }, destinationRule.Items("spec", "subsets").Select(s => s.Text("name")));
        }

        [Fact]
        public void OneContainerPort_LeavesThePortOutOfDestinations()
        {
            var yaml = Content(Declarations.Advertisements().Generate(), "advertisements.virtualservice.yaml");

            Assert.DoesNotContain("number:", yaml);
        }

        [Theory]
        [InlineData("yes")]
        [InlineData("1.0")]
        [InlineData("a: b")]
        [InlineData("say \"hi\"\nand 'bye'")]
        [InlineData("# not a comment")]
        [InlineData("")]
        public void EnvironmentValues_RoundTripThroughTheYamlReader(string value)
        {
            var files = Declarations.Advertisements().Environment("FEATURE", ("Value", value)).Generate();

            foreach (var deployment in files.Where(f => f.FileName.EndsWith(".deployment.yaml", StringComparison.Ordinal)))
            {
                Assert.Contains(("FEATURE", value), YamlTree.Environment(deployment.Content));
            }
        }

        [Fact]
        public void VersionEnvironmentVariable_IsEachVersionsImageTag()
        {
            var files = Declarations.Advertisements().Generate();

            Assert.Equal(new[] { ("DD_VERSION", "1.0") }, YamlTree.Environment(Content(files, "advertisements-v1.deployment.yaml")));
            Assert.Equal(new[] { ("DD_VERSION", "2.0") }, YamlTree.Environment(Content(files, "advertisements-v2.deployment.yaml")));
        }

        [Fact]
        public void ProbePaths_BecomeHttpGetProbesOnTheRoutePort_ThatTheLinterReadsBack()
        {
            var declaration = Declarations.Advertisements().Port("9090");
            declaration.ReadinessProbePath = "/healthz";
            declaration.LivenessProbePath = "/live";
            var yaml = Content(declaration.Generate(), "advertisements-v1.deployment.yaml");

            var container = ((Model.Workload)ManifestParser.ParseText("d.yaml", yaml, new LintOptions()).Objects.Single()).Containers.Single();
            Assert.Equal(new (string, string?, string?)[] { ("readinessProbe", "/healthz", "5002"), ("livenessProbe", "/live", "5002") },
                container.Probes.Select(p => (p.Kind, p.Path, p.Port?.ToString())));
        }

        [Fact]
        public void WithoutProbePaths_TheContainerHasNoProbes() =>
            Assert.DoesNotContain("Probe", Content(Declarations.Advertisements().Generate(), "advertisements-v1.deployment.yaml"));

        [Fact]
        public void WithoutEnvironment_TheContainerHasNoEnv()
        {
            var files = new Declarations().Port("5002").Version("v1", ("ImageTag", "1.0")).Generate();

            Assert.Empty(YamlTree.Environment(Content(files, "advertisements-v1.deployment.yaml")));
            Assert.DoesNotContain("env:", Content(files, "advertisements-v1.deployment.yaml"));
        }

        [Fact]
        public void EnvironmentVariableForOneVersion_IsOnlyInThatVersionsDeployment()
        {
            var files = Declarations.Advertisements()
                .Environment("FEATURE_BANNER", ("Value", "on"), ("Versions", "v2"))
                .Environment("LOG_LEVEL", ("Value", "info"))
                .Generate();

            Assert.Equal(new[] { ("DD_VERSION", "1.0"), ("LOG_LEVEL", "info") }, YamlTree.Environment(Content(files, "advertisements-v1.deployment.yaml")));
            Assert.Equal(new[] { ("DD_VERSION", "2.0"), ("FEATURE_BANNER", "on"), ("LOG_LEVEL", "info") },
                YamlTree.Environment(Content(files, "advertisements-v2.deployment.yaml")));
        }

        [Fact]
        public void ALaterEnvironmentItem_OverridesAnEarlierOne()
        {
            var files = Declarations.Advertisements()
                .Environment("LOG_LEVEL", ("Value", "info"))
                .Environment("LOG_LEVEL", ("Value", "debug"), ("Versions", "v2"))
                .Generate();

            Assert.Contains(("LOG_LEVEL", "info"), YamlTree.Environment(Content(files, "advertisements-v1.deployment.yaml")));
            var v2 = YamlTree.Environment(Content(files, "advertisements-v2.deployment.yaml"));
            Assert.Equal(new[] { ("LOG_LEVEL", "debug") }, v2.Where(e => e.Name == "LOG_LEVEL"));
        }

        private static string Content(IReadOnlyList<GeneratedFile> files, string fileName) => files.Single(f => f.FileName == fileName).Content;

        private static IReadOnlyList<string> LintGenerated(IReadOnlyList<GeneratedFile> files) =>
            Lint.Files(files.Select(f => (f.FileName, f.Content)).ToArray()).Select(d => d.ToString()).ToList();
    }
}
