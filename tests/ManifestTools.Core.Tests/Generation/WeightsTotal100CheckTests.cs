using System.Linq;

namespace ManifestTools.Tests.Generation
{
    public class WeightsTotal100CheckTests
    {
        [Fact]
        public void VersionWeightsAbove100_AreReportedAtTheLastWeightedVersion()
        {
            var declaration = new Declarations()
                .Version("v1", ("ImageTag", "1.0"), ("Weight", "90"))
                .Version("v2", ("ImageTag", "2.0"), ("Weight", "20"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(11,5): error MT4001: the weights of the ServiceVersion items (the default route) add up to 110, not 100: v1=90, v2=20",
            }, Findings.Of(declaration));
            Assert.Null(declaration.Bind().Model);
        }

        [Fact]
        public void AVersionWithoutWeight_CountsAsZero_WhenAnotherHasOne()
        {
            var declaration = new Declarations()
                .Version("v1", ("ImageTag", "1.0"), ("Weight", "90"))
                .Version("v2", ("ImageTag", "2.0"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(10,5): error MT4001: the weights of the ServiceVersion items (the default route) add up to 90, not 100: v1=90, v2=0 (no Weight)",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void RouteWeights_AreReportedAtTheRoute()
        {
            var declaration = new Declarations()
                .Version("v1", ("ImageTag", "1.0"))
                .Version("v2", ("ImageTag", "2.0"))
                .Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "v1=50;v2=40"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(12,5): error MT4001: the weights of ServiceRoute products add up to 90, not 100: v1=50, v2=40",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void AnInvalidWeight_IsNotAlsoReportedAsAWrongTotal()
        {
            var declaration = new Declarations()
                .Version("v1", ("ImageTag", "1.0"), ("Weight", "fifty"))
                .Version("v2", ("ImageTag", "2.0"), ("Weight", "50"));

            Assert.Equal(new[] { "MT4005" }, declaration.Bind().Diagnostics.Select(d => d.Id));
        }

        [Fact]
        public void WithoutAnyWeight_TheFirstVersionTakes100_AndTheRest0()
        {
            var (model, diagnostics) = new Declarations()
                .Version("v1", ("ImageTag", "1.0"))
                .Version("v2", ("ImageTag", "2.0"))
                .Version("v3", ("ImageTag", "3.0"))
                .Bind();

            Assert.Empty(diagnostics);
            Assert.Equal(new[] { 100, 0, 0 }, model!.Versions.Select(v => v.Weight));
            Assert.Equal(new[] { ("v1", 100), ("v2", 0), ("v3", 0) }, model.DefaultRoute.Select(d => (d.Version, d.Weight)));
        }

        [Fact]
        public void ASingleVersion_Takes100()
        {
            var (model, diagnostics) = new Declarations().Version("v1", ("ImageTag", "1.0")).Bind();

            Assert.Empty(diagnostics);
            Assert.Equal(100, Assert.Single(model!.DefaultRoute).Weight);
        }

        [Theory]
        [InlineData("90", "10")]
        [InlineData("100", "0")]
        [InlineData("0", "100")]
        public void WeightsThatTotal100_AreSilent(string v1, string v2)
        {
            var (model, diagnostics) = new Declarations()
                .Version("v1", ("ImageTag", "1.0"), ("Weight", v1))
                .Version("v2", ("ImageTag", "2.0"), ("Weight", v2))
                .Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "v1=50;v2=50"))
                .Bind();

            Assert.Empty(diagnostics);
            Assert.Equal(100, model!.DefaultRoute.Sum(d => d.Weight));
        }

        [Fact]
        public void ARouteNamingOneVersion_SendsIt100()
        {
            var (model, diagnostics) = new Declarations()
                .Version("v1", ("ImageTag", "1.0"))
                .Version("v2", ("ImageTag", "2.0"))
                .Route("testers", ("Header", "x-tester"), ("Exact", "yes"), ("Weights", "v2"))
                .Bind();

            Assert.Empty(diagnostics);
            var destination = Assert.Single(Assert.Single(model!.Routes).Destinations);
            Assert.Equal(("v2", 100), (destination.Version, destination.Weight));
        }
    }
}
