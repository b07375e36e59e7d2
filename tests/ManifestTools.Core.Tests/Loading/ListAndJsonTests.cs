using System.Linq;
using ManifestTools.Loading;
using ManifestTools.Model;

namespace ManifestTools.Tests.Loading
{
    /// <summary><c>kind: List</c> documents, as <c>kubectl get -o yaml</c> writes them, and JSON manifests.</summary>
    public class ListAndJsonTests
    {
        private static ParsedFile Parse(string yaml, string path = "test.yaml") => ManifestParser.ParseText(path, yaml, new LintOptions());

        [Fact]
        public void EachItemOfAListIsAnObjectWithItsOwnPosition()
        {
            var file = Parse("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Service
                    metadata:
                      name: ads
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: ads-v1
                      namespace: shop
                    spec:
                      selector:
                        matchLabels: {app: ads}
                      template:
                        metadata:
                          labels: {app: ads}
                """);

            Assert.Empty(file.Diagnostics);
            Assert.Equal(new[] { "Service default/ads", "Deployment shop/ads-v1" }, file.Objects.Select(o => o.Ref.ToString()));
            Assert.IsType<KubeService>(file.Objects[0]);
            Assert.IsType<Workload>(file.Objects[1]);
            Assert.Equal((4, 5), (file.Objects[0].Header.Span.Line, file.Objects[0].Header.Span.Column));
            Assert.Equal((11, 7), (file.Objects[1].Header.NameSpan.Line, file.Objects[1].Header.NameSpan.Column));
        }

        [Fact]
        public void ATypedListSuchAsDeploymentListIsUnpackedToo()
        {
            var file = Parse("""
                apiVersion: apps/v1
                kind: DeploymentList
                metadata: {resourceVersion: "1"}
                items:
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: a}
                    spec: {selector: {matchLabels: {app: a}}, template: {metadata: {labels: {app: a}}}}
                """);

            Assert.Empty(file.Diagnostics);
            Assert.Equal("a", Assert.IsType<Workload>(Assert.Single(file.Objects)).Name);
        }

        [Fact]
        public void ListsInsideListsAreUnpacked()
        {
            var file = Parse("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: List
                    items:
                      - {apiVersion: v1, kind: ConfigMap, metadata: {name: inner}}
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: outer}}
                """);

            Assert.Empty(file.Diagnostics);
            Assert.Equal(new[] { "inner", "outer" }, file.Objects.Select(o => o.Name));
        }

        [Fact]
        public void BadItemsAreNamedByIndexAndTheGoodOnesAreKept()
        {
            var file = Parse("""
                apiVersion: v1
                kind: List
                items:
                  - just a string
                  - apiVersion: v1
                    metadata: {name: no-kind}
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: good}}
                """);

            Assert.Equal("good", Assert.Single(file.Objects).Name);
            Assert.Collection(file.Diagnostics,
                d => Assert.Equal(("MT0002", 4, "items[0] must be a mapping, not a scalar"), (d.Id, d.Span.Line, d.Message)),
                d => Assert.Equal(("MT0002", 5, "items[1] is not a Kubernetes object: kind is missing"), (d.Id, d.Span.Line, d.Message)));
        }

        [Fact]
        public void AnEmptyListHasNoObjectsAndNoFindings()
        {
            var file = Parse("apiVersion: v1\nkind: List\nitems: []\n");

            Assert.Empty(file.Objects);
            Assert.Empty(file.Diagnostics);
        }

        [Fact]
        public void AJsonManifestIsReadWithPositions()
        {
            var file = Parse("""
                {
                  "apiVersion": "v1",
                  "kind": "Service",
                  "metadata": {
                    "name": "ads",
                    "labels": {"version": "1.0"}
                  },
                  "spec": {
                    "selector": {"app": "ads"},
                    "ports": [{"name": "http", "port": 80}]
                  }
                }
                """, "ads.json");

            Assert.Empty(file.Diagnostics);
            var service = Assert.IsType<KubeService>(Assert.Single(file.Objects));
            Assert.Equal("ads.json", service.File);
            Assert.Equal((5, 5), (service.Header.NameSpan.Line, service.Header.NameSpan.Column));
            Assert.Equal("1.0", service.Header.Labels.Single().Value);
            Assert.Equal(80, Assert.Single(service.Ports).Port);
            Assert.Equal((10, 32), (service.Ports[0].Span.Line, service.Ports[0].Span.Column));
        }

        [Fact]
        public void AJsonListIsUnpacked()
        {
            var file = Parse("""
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},
                  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b", "namespace": "other"}}
                ]}
                """, "list.json");

            Assert.Empty(file.Diagnostics);
            Assert.Equal(new[] { "ConfigMap default/a", "ConfigMap other/b" }, file.Objects.Select(o => o.Ref.ToString()));
            Assert.Equal(new[] { 2, 3 }, file.Objects.Select(o => o.Header.Span.Line));
        }

        [Fact]
        public void JsonIndentedWithTabsIsAccepted()
        {
            var file = Parse("{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"ConfigMap\",\n\t\"metadata\": {\n\t\t\"name\": \"tabbed\"\n\t}\n}\n", "tabs.json");

            Assert.Empty(file.Diagnostics);
            Assert.Equal((5, 3), (file.Objects[0].Header.NameSpan.Line, file.Objects[0].Header.NameSpan.Column));
        }

        [Fact]
        public void AJsonWeightWrittenAsAStringIsRejected()
        {
            var error = Assert.Single(Parse("""
                {"apiVersion": "networking.istio.io/v1", "kind": "VirtualService", "metadata": {"name": "ads"},
                 "spec": {"hosts": ["ads"], "http": [{"route": [{"destination": {"host": "ads"}, "weight": "100"}]}]}}
                """, "vs.json").Diagnostics);

            Assert.Equal("MT0002", error.Id);
            Assert.EndsWith("spec.http[0].route[0].weight must be an integer, not the string \"100\"", error.Message);
            Assert.Equal(2, error.Span.Line);
        }

        [Fact]
        public void BrokenJsonIsASyntaxError()
        {
            var error = Assert.Single(Parse("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\"\n  \"metadata\": {}\n}\n", "bad.json").Diagnostics);

            Assert.Equal("MT0001", error.Id);
            Assert.Equal(4, error.Span.Line);
        }
    }
}
