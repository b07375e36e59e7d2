using System.Collections.Generic;
using System.Linq;

namespace ManifestTools.Tests.Generation
{
    /// <summary>MT4005: the binder's own checks of metadata types and ranges.</summary>
    public class DeclarationValuesTests
    {
        [Theory]
        [InlineData("Weight", "fifty", "Weight 'fifty' of v1 is not an integer from 0 to 100")]
        [InlineData("Weight", "120", "Weight '120' of v1 is not an integer from 0 to 100")]
        [InlineData("Weight", "-1", "Weight '-1' of v1 is not an integer from 0 to 100")]
        [InlineData("Weight", "50.5", "Weight '50.5' of v1 is not an integer from 0 to 100")]
        [InlineData("Replicas", "-1", "Replicas '-1' of v1 is not an integer of at least 0")]
        [InlineData("Replicas", "two", "Replicas 'two' of v1 is not an integer of at least 0")]
        public void VersionMetadata(string name, string value, string message)
        {
            var declaration = new Declarations().Version("v1", ("ImageTag", "1.0"), (name, value));

            Assert.Equal(new[] { "Advertisements.csproj(10,5): error MT4005: " + message }, Findings.Of(declaration));
            Assert.Null(declaration.Bind().Model);
        }

        [Theory]
        [InlineData("99999", "tcp", "ContainerPort '99999' is not an integer from 1 to 65535")]
        [InlineData("0", "tcp", "ContainerPort '0' is not an integer from 1 to 65535")]
        [InlineData("http", "tcp", "ContainerPort 'http' is not an integer from 1 to 65535")]
        [InlineData("5002", "sctp", "ContainerPort 5002 has Type 'sctp'; use tcp or udp")]
        public void ContainerPorts(string port, string type, string message)
        {
            var declaration = new Declarations().Port(port, ("Type", type)).Version("v1", ("ImageTag", "1.0"));

            Assert.Equal(new[] { "Advertisements.csproj(10,5): error MT4005: " + message }, Findings.Of(declaration));
        }

        [Theory]
        [InlineData("products", "products", "ServiceRoute products needs a Header and exactly one of Exact, Prefix or Regex, but has Exact and Prefix")]
        [InlineData(null, null, "ServiceRoute products needs a Header and exactly one of Exact, Prefix or Regex")]
        public void RouteMatches(string? exact, string? prefix, string message)
        {
            var metadata = new List<(string, string)> { ("Header", "page-source"), ("Weights", "v1=50;v2=50") };
            if (exact != null)
            {
                metadata.Add(("Exact", exact));
            }

            if (prefix != null)
            {
                metadata.Add(("Prefix", prefix));
            }

            var declaration = Canary().Route("products", metadata.ToArray());

            Assert.Equal(new[] { "Advertisements.csproj(12,5): error MT4005: " + message }, Findings.Of(declaration));
        }

        [Theory]
        [InlineData("", "ServiceRoute products needs Weights, such as Weights=\"v1=50;v2=50\"")]
        [InlineData("v1;v2=50", "Weights entry 'v1' of ServiceRoute products needs a weight: v1=50")]
        [InlineData("v1=half;v2=50", "Weights 'half' of products is not an integer from 0 to 100")]
        [InlineData("v1=50;v1=50", "Weights of ServiceRoute products name version v1 twice; give each version one weight")]
        public void RouteWeights(string weights, string message)
        {
            var declaration = Canary().Route("products", ("Header", "page-source"), ("Prefix", "prod"), ("Weights", weights));

            Assert.Equal(new[] { "Advertisements.csproj(12,5): error MT4005: " + message }, Findings.Of(declaration));
        }

        [Fact]
        public void ARouteWithoutHeader_IsReported()
        {
            var declaration = Canary().Route("products", ("Exact", "products"), ("Weights", "v1=50;v2=50"));

            Assert.Equal(new[] { "Advertisements.csproj(12,5): error MT4005: ServiceRoute products needs a Header and exactly one of Exact, Prefix or Regex" },
                Findings.Of(declaration));
        }

        [Theory]
        [InlineData("healthz")]
        [InlineData("/health z")]
        public void AProbePathThatIsNotARequestPath_IsReportedAtTheProperty(string path)
        {
            var declaration = Canary();
            declaration.LivenessProbePath = path;

            Assert.Equal(new[] { $"Advertisements.csproj(6,5): error MT4005: ManifestLivenessProbePath '{path}' is not a request path: it must start with / and hold no spaces or control characters" },
                Findings.Of(declaration));
        }

        [Fact]
        public void ValidValues_AreSilent_AndTyped()
        {
            var (model, diagnostics) = new Declarations()
                .Port("5002", ("Type", "TCP"))
                .Port("5353", ("Type", "udp"))
                .Version("v1", ("ImageTag", "1.0"), ("Weight", "90"), ("Replicas", "3"))
                .Version("v2", ("ImageTag", "2.0"), ("Weight", "10"), ("Replicas", "0"))
                .Route("search", ("Header", "x-path"), ("Regex", "^/search/.*"), ("Weights", "v1=0;v2=100"))
                .Bind();

            Assert.Empty(diagnostics);
            Assert.Equal(new[] { ("http", 5002, "TCP"), ("udp", 5353, "UDP") }, model!.Ports.Select(p => (p.Name, p.Number, p.Protocol)));
            Assert.Equal(new[] { (90, 3), (10, 0) }, model.Versions.Select(v => (v.Weight, v.Replicas)));
            var route = Assert.Single(model.Routes);
            Assert.Equal(("x-path", "regex", "^/search/.*"), (route.Header, route.MatchType, route.MatchValue));
        }

        [Fact]
        public void WithoutContainerPort_TheServiceListensOn8080()
        {
            var (model, _) = new Declarations().Version("v1").Bind();

            var port = Assert.Single(model!.Ports);
            Assert.Equal(("http", 8080, "TCP"), (port.Name, port.Number, port.Protocol));
        }

        private static Declarations Canary() => new Declarations()
            .Version("v1", ("ImageTag", "1.0"))
            .Version("v2", ("ImageTag", "2.0"));

        [Theory]
        [InlineData(" 50", "Weight ' 50' of v1 is not an integer from 0 to 100: write 50, digits only, without spaces or a sign")]
        [InlineData("+60", "Weight '+60' of v1 is not an integer from 0 to 100: write 60, digits only, without spaces or a sign")]
        [InlineData("50 ", "Weight '50 ' of v1 is not an integer from 0 to 100: write 50, digits only, without spaces or a sign")]
        [InlineData("99999999999", "Weight '99999999999' of v1 is not an integer from 0 to 100")]
        [InlineData("٥٠", "Weight '٥٠' of v1 is not an integer from 0 to 100")]
        public void AWeightWithSpacesOrASign_IsRefused_NotSilentlyRead(string weight, string message)
        {
            var declaration = new Declarations().Version("v1", ("Weight", weight));

            Assert.Equal(new[] { "Advertisements.csproj(10,5): error MT4005: " + message }, Findings.Of(declaration));
        }

        [Fact]
        public void WeightsEntriesWithSpacesInside_AreRefused_ButSpacesAroundTheSeparatorsAreNot()
        {
            var spaced = new Declarations().Version("v1").Version("v2")
                .Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "v1 = 50;v2=50"));
            var listed = new Declarations().Version("v1").Version("v2")
                .Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", " v1=50 ; v2=50 "));

            Assert.Equal(new[] { "Advertisements.csproj(12,5): error MT4005: Weights entry 'v1 = 50' of ServiceRoute products holds spaces: write v1=50" },
                Findings.Of(spaced));
            Assert.Empty(Findings.Of(listed));
        }

        [Fact]
        public void AnImageTagWithSpaces_IsReported_NotTrimmed()
        {
            Assert.Contains("image tag ' 1.0' of version v1 must be", Assert.Single(Findings.Of(new Declarations().Version("v1", ("ImageTag", " 1.0")))));
        }
    }
}
