using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Generation
{
    public class DistinctImagesCheckTests
    {
        [Fact]
        public void TwoVersionsWithOneTag_AreAWarning_AndStillGenerate()
        {
            var declaration = new Declarations()
                .Version("v1", ("ImageTag", "1.0"))
                .Version("v2", ("ImageTag", "1.0"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(11,5): warning MT4008: versions v1 and v2 both deploy image registry.example/ecommerce/advertisements:1.0",
            }, Findings.Of(declaration));
            Assert.NotNull(declaration.Bind().Model);
        }

        [Fact]
        public void VersionsWithoutImageTag_ShareContainerImageTag()
        {
            var declaration = new Declarations { ImageTag = "latest", Registry = "" }
                .Version("v1")
                .Version("v2");

            var diagnostic = Assert.Single(declaration.Bind().Diagnostics);
            Assert.Equal((Severity.Warning, "MT4008", 11), (diagnostic.Severity, diagnostic.Id, diagnostic.Span.Line));
            Assert.Equal("versions v1 and v2 both deploy image ecommerce/advertisements:latest", diagnostic.Message);
        }

        [Fact]
        public void DistinctTags_AreSilent()
        {
            Assert.Empty(Findings.Of(new Declarations().Version("v1", ("ImageTag", "1.0")).Version("v2", ("ImageTag", "2.0"))));
        }

        [Fact]
        public void WithoutAnyTag_EachVersionIsTaggedWithItsName()
        {
            var (model, diagnostics) = new Declarations().Version("v1").Version("v2").Bind();

            Assert.Empty(diagnostics);
            Assert.Equal(new[] { "registry.example/ecommerce/advertisements:v1", "registry.example/ecommerce/advertisements:v2" },
                model!.Versions.Select(v => v.Image));
        }
    }
}
