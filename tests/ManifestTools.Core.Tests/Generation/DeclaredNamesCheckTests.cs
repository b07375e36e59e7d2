using System.Linq;

namespace ManifestTools.Tests.Generation
{
    public class DeclaredNamesCheckTests
    {
        [Fact]
        public void AnUpperCaseVersion_CannotBePartOfTheDeploymentName()
        {
            var declaration = new Declarations().Version("v1", ("ImageTag", "1.0")).Version("V2", ("ImageTag", "2.0"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(11,5): error MT4003: version 'V2' names the Deployment advertisements-V2 and a DestinationRule subset, " +
                "which Istio requires to be a DNS label, so it must be at most 63 lower-case letters, digits and '-', and start and end with a letter or digit",
            }, Findings.Of(declaration));
            Assert.Null(declaration.Bind().Model);
        }

        [Fact]
        public void AnUpperCaseVersion_IsReported_EvenWhenTheServiceNameIsInvalidToo()
        {
            var declaration = new Declarations { ServiceName = "Advertisements" }.Version("V2");

            Assert.Equal(new[] { "MT4003 (3,5)", "MT4003 (10,5)" },
                declaration.Bind().Diagnostics.Select(d => $"{d.Id} ({d.Span.Line},{d.Span.Column})"));
        }

        [Fact]
        public void AnUpperCaseHeader_GetsTheLowerCaseSpelling()
        {
            var declaration = Canary().Route("products", ("Header", "Page-Source"), ("Exact", "products"), ("Weights", "v1=50;v2=50"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(12,5): error MT4003: header 'Page-Source' of ServiceRoute products must be lower case, as Istio matches it: write page-source",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void AHeaderThatIsNoHeaderName_IsReported()
        {
            var declaration = Canary().Route("products", ("Header", "page source"), ("Exact", "products"), ("Weights", "v1=50;v2=50"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(12,5): error MT4003: header 'page source' of ServiceRoute products must be an HTTP header name",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void ServiceNameAndNamespace_AreReportedAtTheirProperties_Once()
        {
            var declaration = new Declarations { ServiceName = "Advertisements", Namespace = "ns_3" }.Version("v1");

            // Neither is repeated at the version, whose Deployment name advertisements-v1 also contains them.
            Assert.Equal(new[]
            {
                "Advertisements.csproj(3,5): error MT4003: service name (ManifestServiceName) 'Advertisements' must consist of lower-case letters, digits and '-', and start and end with a letter or digit",
                "Advertisements.csproj(4,5): error MT4003: namespace (ManifestNamespace) 'ns_3' must consist of lower-case letters, digits and '-', and start and end with a letter or digit",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void RepositoryImageTagEnvironmentNameAndPortName_AreChecked()
        {
            var declaration = new Declarations { Repository = "Ecommerce/Advertisements" }
                .Port("5002", ("Name", "HTTP"))
                .Version("v1", ("ImageTag", "-1.0"))
                .Environment("1FEATURE", ("Value", "on"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(0,0): error MT4003: image repository (ContainerRepository) 'Ecommerce/Advertisements' must be lower-case path components such as team/service",
                "Advertisements.csproj(11,5): error MT4003: image tag '-1.0' of version v1 must be at most 128 of [A-Za-z0-9_.-] and not start with '.' or '-'",
                "Advertisements.csproj(12,5): error MT4003: environment variable name '1FEATURE' must consist of letters, digits, '_', '-' and '.', and not start with a digit",
                "Advertisements.csproj(10,5): error MT4003: port name 'HTTP' must be at most 15 lower-case letters, digits and '-'",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void APortNameUsedTwice_IsReportedAtTheSecondPort()
        {
            var declaration = new Declarations().Port("8080").Port("9090", ("Name", "http")).Version("v1");

            Assert.Equal(new[]
            {
                "Advertisements.csproj(11,5): error MT4003: port name 'http' is used by two ports; the Service needs distinct names",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void DistinctPortNames_AreSilent()
        {
            Assert.Empty(Findings.Of(new Declarations().Port("8080").Port("9090", ("Name", "grpc")).Port("9091").Version("v1")));
        }

        [Fact]
        public void TheEcommerceDeclaration_IsSilent()
        {
            Assert.Empty(Findings.Of(Declarations.Advertisements().Environment("FEATURE_BANNER", ("Value", "on"), ("Versions", "v2"))));
        }

        [Fact]
        public void AVersionWithADot_IsNoSubsetName()
        {
            Assert.Equal(new[] { "MT4003 (10,5)" },
                new Declarations().Version("v1.5", ("ImageTag", "1.5")).Bind().Diagnostics.Select(d => $"{d.Id} ({d.Span.Line},{d.Span.Column})"));
        }

        [Fact]
        public void AnInvalidVersionName_IsNotReportedAgainAsTheImageTagDerivedFromIt()
        {
            Assert.Single(new Declarations().Version("V_1").Bind().Diagnostics);
        }

        [Fact]
        public void ADerivedServiceName_GetsAHintToSetIt()
        {
            var declaration = new Declarations { ServiceName = "2048game" }.Version("v1");
            var build = declaration.Build();
            build.ServiceName = new ManifestTools.Generation.DeclaredValue("2048game", build.ProjectSite);

            var diagnostic = Assert.Single(ManifestTools.Generation.DeclarationBinder.Bind(build).Diagnostics);

            Assert.EndsWith("must start with a lower-case letter; it was derived from ContainerRepository or the assembly name: set ManifestServiceName",
                diagnostic.Message);
        }

        [Theory]
        [InlineData("registry.example")]
        [InlineData("localhost:5000")]
        [InlineData("10.0.0.1:65535")]
        [InlineData("[::1]:5000")]
        [InlineData("my-registry.example.com")]
        public void ARegistryHost_IsSilent(string registry)
        {
            Assert.Empty(Findings.Of(new Declarations { Registry = registry }.Version("v1")));
        }

        [Theory]
        [InlineData("https://registry.example")]
        [InlineData("Registry.Example/ x")]
        [InlineData("a..b")]
        [InlineData(".registry.example")]
        [InlineData("registry-.example")]
        [InlineData("registry.example/")]
        [InlineData("registry.example:99999")]
        [InlineData("registry.example:0")]
        public void ARegistryThatIsNoHost_IsReported(string registry)
        {
            Assert.Contains("registry (ContainerRegistry)", Assert.Single(Findings.Of(new Declarations { Registry = registry }.Version("v1"))));
        }

        [Theory]
        [InlineData("default", "is the name of the generated default route; choose another")]
        [InlineData("products", "is used by two ServiceRoute items")]
        public void ARouteNamedDefaultOrTwice_IsReported(string name, string problem)
        {
            var declaration = Canary()
                .Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "v1=50;v2=50"))
                .Route(name, ("Header", "x-beta"), ("Exact", "yes"), ("Weights", "v2"));

            Assert.Equal(new[] { $"Advertisements.csproj(13,5): error MT4003: route name '{name}' of ServiceRoute {problem}" }, Findings.Of(declaration));
        }

        [Theory]
        [InlineData("canary")]
        [InlineData("2024-06")]
        public void LowerCaseVersions_AreSilent(string version)
        {
            Assert.Empty(Findings.Of(new Declarations().Version(version, ("ImageTag", "1.0"))));
        }

        private static Declarations Canary() => new Declarations()
            .Version("v1", ("ImageTag", "1.0"))
            .Version("v2", ("ImageTag", "2.0"));

        [Fact]
        public void AnInvalidVersionEnvironmentVariableName_IsReported()
        {
            Assert.Contains("environment variable name (ManifestVersionEnvironmentVariable) 'DD VERSION' must consist of letters",
                Assert.Single(Findings.Of(new Declarations { VersionVariable = "DD VERSION" }.Version("v1"))));
        }

        [Fact]
        public void ALineBreakAtTheEndOfATagOrAHeader_IsReported()
        {
            var declaration = new Declarations().Version("v1", ("ImageTag", "3.1.0\n"))
                .Route("products", ("Header", "x-h\n"), ("Exact", "a"), ("Weights", "v1"));

            var findings = Findings.Of(declaration);

            Assert.Equal(2, findings.Count);
            Assert.Contains("image tag '3.1.0\n' of version v1 must be", findings[0]);
            Assert.Contains("header 'x-h\n' of ServiceRoute products must be an HTTP header name", findings[1]);
        }
    }
}
