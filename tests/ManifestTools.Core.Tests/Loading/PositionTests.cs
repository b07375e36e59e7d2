using System.Linq;
using ManifestTools.Loading;
using ManifestTools.Model;

namespace ManifestTools.Tests.Loading
{
    /// <summary>Objects and fields remember where they were written: 1-based lines and columns of the whole file.</summary>
    public class PositionTests
    {
        private static ParsedFile Parse(string yaml) => ManifestParser.ParseText("test.yaml", yaml, new LintOptions());

        private const string Canary = """
            # canary routing for ads
            apiVersion: v1
            kind: Service
            metadata:
              name: ads
              labels:
                app: ads
            spec:
              selector:
                app: ads
              ports:
                - name: http
                  port: 80
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: ads
            spec:
              hosts:
                - ads
              http:
                - route:
                    - destination:
                        host: ads
                        subset: v1
                      weight: 90
                    - destination:
                        host: ads
                        subset: v2
                      weight: 10
            """;

        [Fact]
        public void AnObjectSpansItsDocumentAndItsNameSpanIsTheNameKey()
        {
            var objects = Parse(Canary).Objects;

            Assert.Equal((2, 1), (objects[0].Header.Span.Line, objects[0].Header.Span.Column));
            Assert.Equal((5, 3), (objects[0].Header.NameSpan.Line, objects[0].Header.NameSpan.Column));
            Assert.Equal((15, 1), (objects[1].Header.Span.Line, objects[1].Header.Span.Column));
            Assert.Equal((18, 3), (objects[1].Header.NameSpan.Line, objects[1].Header.NameSpan.Column));
        }

        [Fact]
        public void LabelsRememberTheirKeyAndValuePositions()
        {
            var service = (KubeService)Parse(Canary).Objects[0];

            var label = Assert.Single(service.Header.Labels);
            Assert.Equal((7, 5), (label.KeySpan.Line, label.KeySpan.Column));
            Assert.Equal((7, 10), (label.ValueSpan.Line, label.ValueSpan.Column));
            Assert.Equal((9, 3), (service.Selector!.Span.Line, service.Selector.Span.Column));
            Assert.Equal((13, 7), (service.Ports[0].Span.Line, service.Ports[0].Span.Column));
        }

        [Fact]
        public void RouteFieldsInALaterDocumentCarryFileLines()
        {
            var service = (VirtualService)Parse(Canary).Objects[1];

            var route = Assert.Single(service.Routes);
            Assert.Equal((23, 7), (route.Span.Line, route.Span.Column));
            var canary = route.Destinations[1];
            Assert.Equal((28, 11), (canary.Span.Line, canary.Span.Column));
            Assert.Equal((29, 13), (canary.Host.Span.Line, canary.Host.Span.Column));
            Assert.Equal((30, 21), (canary.Subset!.Value.Span.Line, canary.Subset.Value.Span.Column));
            Assert.Equal((31, 19), (canary.Weight!.Value.Span.Line, canary.Weight.Value.Span.Column));
            Assert.Equal(10, canary.Weight.Value.Value);
            Assert.Equal((21, 7), (service.Hosts[0].Span.Line, service.Hosts[0].Span.Column));
        }

        [Fact]
        public void FindingsOfRulesUseTheSamePositions()
        {
            var misnamed = Canary.Replace("app: ads\nspec", "app: -ads\nspec");
            var diagnostic = Assert.Single(Lint.Yaml(misnamed).Only("MT2004"));

            Assert.Equal((7, 10), (diagnostic.Span.Line, diagnostic.Span.Column));
        }

        [Fact]
        public void LinesAfterAMultiLineBlockScalarAreCountedExactly()
        {
            var file = Parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: config
                data:
                  script: |
                    line one

                    line three
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  annotations:
                    note: >
                      folded
                      text
                  name: after
                """);

            Assert.Equal((18, 3), (file.Objects[1].Header.NameSpan.Line, file.Objects[1].Header.NameSpan.Column));
        }

        [Fact]
        public void ColumnsInFlowStyleAreExact()
        {
            var file = Parse("apiVersion: v1\nkind: Service\nmetadata: {name: ads, labels: {app: ads}}\n");

            var header = Assert.Single(file.Objects).Header;
            Assert.Equal((3, 12), (header.NameSpan.Line, header.NameSpan.Column));
            var label = Assert.Single(header.Labels);
            Assert.Equal((3, 32), (label.KeySpan.Line, label.KeySpan.Column));
            Assert.Equal((3, 37), (label.ValueSpan.Line, label.ValueSpan.Column));
        }

        [Fact]
        public void AGenerateNameObjectPointsAtTheGenerateNameKey()
        {
            var header = Assert.Single(Parse("apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n").Objects).Header;

            Assert.True(header.NameIsGenerated);
            Assert.Equal("migrate-", header.Name);
            Assert.Equal((4, 3), (header.NameSpan.Line, header.NameSpan.Column));
        }
    }
}
