using System.Linq;

namespace ManifestTools.Tests.Generation
{
    public class KnownVersionsCheckTests
    {
        [Fact]
        public void AnUndeclaredVersionInWeights_IsReportedAtTheRoute_WithTheDeclaredOnes()
        {
            var declaration = Canary().Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "v3=50;v1=50"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(12,5): error MT4002: ServiceRoute products names version v3, which no ServiceVersion item declares (declared: v1, v2)",
            }, Findings.Of(declaration));
            Assert.Null(declaration.Bind().Model);
        }

        [Fact]
        public void AVersionInTheWrongCase_GetsASuggestion()
        {
            var declaration = Canary().Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "V2=50;v1=50"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(12,5): error MT4002: ServiceRoute products names version V2, which no ServiceVersion item declares (did you mean v2?)",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void AnEnvironmentVariableForAnUndeclaredVersion_IsReported()
        {
            var declaration = Canary().Environment("FEATURE_BANNER", ("Value", "on"), ("Versions", "v9"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(12,5): error MT4002: ServiceEnvironmentVariable FEATURE_BANNER names version v9, which no ServiceVersion item declares (declared: v1, v2)",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void DeclaredVersions_AreSilent()
        {
            var declaration = Canary()
                .Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "v2=50;v1=50"))
                .Environment("FEATURE_BANNER", ("Value", "on"), ("Versions", "v2; v1"));

            Assert.Empty(Findings.Of(declaration));
            Assert.Equal(new[] { "v2", "v1" }, declaration.Bind().Model!.Routes.Single().Destinations.Select(d => d.Version));
        }

        private static Declarations Canary() => new Declarations()
            .Version("v1", ("ImageTag", "1.0"))
            .Version("v2", ("ImageTag", "2.0"));
    }
}
