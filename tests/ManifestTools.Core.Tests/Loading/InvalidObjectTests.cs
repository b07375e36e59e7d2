using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Loading
{
    /// <summary>MT0002: documents that are not objects, and fields of the wrong type.</summary>
    public class InvalidObjectTests
    {
        private static ParsedFile Parse(string yaml) => ManifestParser.ParseText("test.yaml", yaml, new LintOptions());

        private static ManifestDiagnostic SingleInvalid(string yaml)
        {
            var diagnostic = Assert.Single(Parse(yaml).Diagnostics);
            Assert.Equal("MT0002", diagnostic.Id);
            Assert.Equal(Severity.Error, diagnostic.Severity);
            return diagnostic;
        }

        private static string VirtualServiceWithWeight(string weight) => $"""
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: ads
            spec:
              hosts: [ads]
              http:
                - route:
                    - destination:
                        host: ads
                      weight: {weight}
            """;

        [Fact]
        public void AScalarDocumentIsNotAnObject()
        {
            var error = SingleInvalid("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\njust some text\n");

            Assert.Contains("not a Kubernetes object", error.Message);
            Assert.Contains("a scalar", error.Message);
            Assert.Equal((6, 1), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void ASequenceDocumentIsNotAnObject()
        {
            var error = SingleInvalid("- apiVersion: v1\n  kind: ConfigMap\n");

            Assert.Contains("a sequence", error.Message);
            Assert.Equal((1, 1), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void AMappingWithoutApiVersionNamesWhatIsMissing()
        {
            var error = SingleInvalid("\n\nkind: ConfigMap\nmetadata:\n  name: a\n");

            Assert.EndsWith("apiVersion is missing", error.Message);
            Assert.Equal((3, 1), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void AMappingWithoutKindNamesWhatIsMissing()
        {
            var error = SingleInvalid("apiVersion: v1\nmetadata:\n  name: a\n");

            Assert.EndsWith("kind is missing", error.Message);
            Assert.DoesNotContain("apiVersion", error.Message);
        }

        [Fact]
        public void AMappingWithNeitherNamesBoth()
        {
            var error = SingleInvalid("metadata:\n  name: a\n");

            Assert.EndsWith("apiVersion and kind are missing", error.Message);
        }

        [Fact]
        public void ANumericApiVersionIsAWrongTypeNotAMissingField()
        {
            var error = SingleInvalid("apiVersion: 1\nkind: ConfigMap\nmetadata:\n  name: a\n");

            Assert.Contains("apiVersion must be a string", error.Message);
            Assert.Equal((1, 13), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void AMissingNameIsReportedAtTheMetadata()
        {
            var error = SingleInvalid("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels: {app: ads}\nspec: {}\n");

            Assert.Equal("Deployment has no metadata.name", error.Message);
            Assert.Equal(4, error.Span.Line);
        }

        [Fact]
        public void AMissingMetadataIsReportedAtTheObject()
        {
            var error = SingleInvalid("apiVersion: v1\nkind: ConfigMap\ndata: {}\n");

            Assert.Equal("ConfigMap has no metadata.name", error.Message);
            Assert.Equal((1, 1), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void ANumericNameIsReportedOnceAsAWrongType()
        {
            var error = SingleInvalid("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 123\n");

            Assert.Contains("metadata.name must be a string", error.Message);
            Assert.Contains("quote it", error.Message);
            Assert.Equal((4, 9), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void MetadataThatIsNotAMappingIsReportedOnce()
        {
            var error = SingleInvalid("apiVersion: v1\nkind: ConfigMap\nmetadata: cfg\n");

            Assert.Equal("metadata must be a mapping, not a scalar", error.Message);
            Assert.Equal((3, 11), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void AWordForAWeightIsNotAnInteger()
        {
            var error = SingleInvalid(VirtualServiceWithWeight("\"fifty\""));

            Assert.Equal("VirtualService default/ads: spec.http[0].route[0].weight must be an integer, not the string \"fifty\"", error.Message);
            Assert.Equal((11, 19), (error.Span.Line, error.Span.Column));
            Assert.Equal("VirtualService default/ads", error.Subject?.ToString());
        }

        [Fact]
        public void AnUnquotedWordForAWeightIsNotAnInteger()
        {
            var error = SingleInvalid(VirtualServiceWithWeight("fifty"));

            Assert.EndsWith("weight must be an integer, not fifty", error.Message);
        }

        [Fact]
        public void AQuotedNumberForAWeightIsAString()
        {
            var error = SingleInvalid(VirtualServiceWithWeight("\"50\""));

            Assert.EndsWith("weight must be an integer, not the string \"50\"", error.Message);
            Assert.Equal((11, 19), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void AnUnquotedNumberForAWeightIsFine()
        {
            Assert.Empty(Parse(VirtualServiceWithWeight("50")).Diagnostics);
        }

        [Fact]
        public void ABadWeightDoesNotDropTheDestination()
        {
            var file = Parse(VirtualServiceWithWeight("\"50\""));

            var service = Assert.IsType<ManifestTools.Model.VirtualService>(Assert.Single(file.Objects));
            var destination = Assert.Single(Assert.Single(service.Routes).Destinations);
            Assert.Equal("ads", destination.Host.Value);
            Assert.Null(destination.Weight);
        }

        [Theory]
        [InlineData("1.0", "a number")]
        [InlineData("2", "a number")]
        [InlineData("yes", "a boolean")]
        [InlineData("true", "a boolean")]
        public void AnUnquotedLabelValueThatYamlReadsAsAnotherTypeIsRejected(string value, string readAs)
        {
            var error = SingleInvalid($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    version: {value}\n");

            Assert.Equal($"ConfigMap default/a: metadata.labels.version must be a string, but {value} is read as {readAs}; quote it: \"{value}\"", error.Message);
            Assert.Equal((6, 14), (error.Span.Line, error.Span.Column));
        }

        [Theory]
        [InlineData("\"1.0\"")]
        [InlineData("'true'")]
        [InlineData("v1.0")]
        [InlineData("")]
        public void StringLabelValuesAreAccepted(string value)
        {
            Assert.Empty(Parse($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    version: {value}\n").Diagnostics);
        }

        [Fact]
        public void HttpRoutesThatAreNotASequenceAreRejected()
        {
            var error = SingleInvalid("""
                apiVersion: networking.istio.io/v1beta1
                kind: VirtualService
                metadata:
                  name: ads
                spec:
                  hosts: [ads]
                  http:
                    route:
                      - destination:
                          host: ads
                """);

            Assert.Equal("VirtualService default/ads: spec.http must be a sequence, not a mapping", error.Message);
            Assert.Equal((8, 5), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void AnItemOfASequenceThatIsNotAMappingIsNamedByIndex()
        {
            var error = SingleInvalid("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: ads
                spec:
                  ports:
                    - port: 80
                    - 8080
                """);

            Assert.EndsWith("spec.ports[1] must be a mapping, not a scalar", error.Message);
            Assert.Equal((8, 7), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void AnInvalidObjectDoesNotStopTheRulesOnOtherObjects()
        {
            var diagnostics = Lint.Yaml("""
                kind: ConfigMap
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: Bad_Name
                """);

            Assert.Equal(1, Assert.Single(diagnostics.Only("MT0002")).Span.Line);
            Assert.Equal(6, Assert.Single(diagnostics.Only("MT2004")).Span.Line);
        }

        [Fact]
        public void ANullFieldIsTreatedAsAbsentNotAsAWrongType()
        {
            var file = Parse("apiVersion: v1\nkind: Service\nmetadata:\n  name: ads\n  labels: ~\nspec:\n  selector: null\n");

            Assert.Empty(file.Diagnostics);
            Assert.Null(Assert.IsType<ManifestTools.Model.KubeService>(Assert.Single(file.Objects)).Selector);
        }
    }
}
