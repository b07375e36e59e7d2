using System.Linq;
using ManifestTools.Loading;
using ManifestTools.Model;

namespace ManifestTools.Tests.Loading
{
    /// <summary>Anchors, aliases and <c>&lt;&lt;</c> merge keys, as Helm-free manifests use them to share labels.</summary>
    public class MergeKeyTests
    {
        private static ParsedFile Parse(string yaml) => ManifestParser.ParseText("test.yaml", yaml, new LintOptions());

        private const string SharedLabels = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ads-v2
              labels: &base
                app: ads
                version: v1
                team: growth
            spec:
              selector:
                matchLabels:
                  <<: *base
                  version: v2
              template:
                metadata:
                  labels:
                    <<: *base
                    version: v2
            """;

        [Fact]
        public void AMergeKeyCopiesTheAnchoredLabelsAndExplicitKeysWin()
        {
            var file = Parse(SharedLabels);

            Assert.Empty(file.Diagnostics);
            var workload = Assert.IsType<Workload>(Assert.Single(file.Objects));
            Assert.Equal("app=ads,team=growth,version=v2", workload.PodLabels.ToString());
            Assert.Equal("app=ads,team=growth,version=v2", workload.Selector!.MatchLabels.ToString());
            Assert.Equal("app=ads,team=growth,version=v1", workload.Header.Labels.ToString());
        }

        [Fact]
        public void MergedLabelsSatisfyTheSelectorRule()
        {
            Assert.Empty(Lint.Yaml(SharedLabels));
        }

        [Fact]
        public void MergedKeysKeepTheirAnchorPositions()
        {
            var workload = (Workload)Parse(SharedLabels).Objects[0];

            var app = workload.PodLabels.Single(l => l.Key == "app");
            Assert.Equal((6, 5), (app.KeySpan.Line, app.KeySpan.Column));
            var version = workload.PodLabels.Single(l => l.Key == "version");
            Assert.Equal(18, version.KeySpan.Line);
        }

        [Fact]
        public void WithSeveralSourcesTheEarlierSourceWins()
        {
            var file = Parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: merged
                  annotations: &a {owner: first, a: "1"}
                  labels:
                    <<: [*a, {owner: second, b: "2"}]
                """);

            Assert.Empty(file.Diagnostics);
            Assert.Equal("a=1,b=2,owner=first", file.Objects[0].Header.Labels.ToString());
        }

        [Fact]
        public void AMergedKeyThatIsAlsoWrittenExplicitlyIsNotADuplicate()
        {
            var file = Parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  labels:
                    <<: &x {app: ads}
                    app: other
                """);

            Assert.Empty(file.Diagnostics);
            Assert.Equal("app=other", file.Objects[0].Header.Labels.ToString());
        }

        [Fact]
        public void APlainAliasSharesAWholeMapping()
        {
            var file = Parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ads
                spec:
                  selector:
                    matchLabels: &pod {app: ads, version: v1}
                  template:
                    metadata:
                      labels: *pod
                """);

            Assert.Empty(file.Diagnostics);
            Assert.Equal("app=ads,version=v1", ((Workload)file.Objects[0]).PodLabels.ToString());
        }
    }
}
