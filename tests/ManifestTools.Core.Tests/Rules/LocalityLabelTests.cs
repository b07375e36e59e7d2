using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// MT1001 and Istio's endpoint labels: Istio adds locality, network and cluster labels to every endpoint, so a
    /// subset may select by them although no pod template carries them. The other labels of the subset still count.
    /// </summary>
    public class LocalityLabelTests
    {
        /// <summary>A DestinationRule for reviews whose subset "local" has the given labels; "labels:" is at 9:7.</summary>
        private static string Rule(params string[] labels) =>
            "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews\n  subsets:\n" +
            "    - name: local\n      labels:\n" + string.Concat(System.Array.ConvertAll(labels, l => "        " + l + "\n"));

        private static System.Collections.Generic.IReadOnlyList<ManifestDiagnostic> Lint1001(string rule) =>
            Lint.Files(("mesh.yaml", Mesh.Backend()), ("dr.yaml", rule)).Only("MT1001");

        [Theory]
        [InlineData("topology.kubernetes.io/region: us-east1")]
        [InlineData("topology.kubernetes.io/zone: us-east1-b")]
        [InlineData("topology.istio.io/subzone: rack-7")]
        [InlineData("topology.istio.io/network: net1")]
        [InlineData("topology.istio.io/cluster: cluster1")]
        [InlineData("kubernetes.io/hostname: node-3")]
        public void ASubsetWithOnlyALocalityLabel_SelectsTheHostsPods(string label)
        {
            Assert.Empty(Lint1001(Rule(label)));
        }

        [Fact]
        public void ASubsetWithSeveralEndpointLabels_SelectsTheHostsPods()
        {
            Assert.Empty(Lint1001(Rule("topology.kubernetes.io/region: us-east1", "topology.kubernetes.io/zone: us-east1-b", "topology.istio.io/network: net1")));
        }

        [Theory]
        [InlineData("version: v1", "topology.kubernetes.io/region: us-east1")]
        [InlineData("version: v2", "topology.istio.io/network: net1")]
        [InlineData("app: reviews", "topology.istio.io/cluster: cluster2")]
        public void ASubsetWithPodLabelsAndLocalityLabels_SelectsPodsCarryingThePodLabels(string podLabel, string locality)
        {
            Assert.Empty(Lint1001(Rule(podLabel, locality)));
        }

        [Fact]
        public void ASubsetWhosePodLabelsNoPodCarries_IsStillReported_DespiteLocalityLabels()
        {
            var d = Assert.Single(Lint1001(Rule("version: v3", "topology.kubernetes.io/region: us-east1")));

            Assert.Equal((Severity.Error, "dr.yaml", 9, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.StartsWith("subset local of DestinationRule default/reviews selects no pod of Service reviews: ", d.Message);
            Assert.Contains("version=v3", d.Message);
        }

        [Fact]
        public void ASubsetVersionNoPodCarries_IsReported()
        {
            var d = Assert.Single(Lint1001(Rule("version: v3")));

            Assert.Equal(("dr.yaml", 9, 7), (d.File, d.Span.Line, d.Span.Column));
        }

        [Theory]
        [InlineData("topology.kubernetes.io/rack: r1")]
        [InlineData("topology.istio.io/region: us-east1")]
        [InlineData("region: us-east1")]
        public void ALabelThatIstioDoesNotAdd_MustBeOnThePods(string label)
        {
            Assert.Single(Lint1001(Rule(label)));
        }

        [Fact]
        public void TheMulticlusterLayout_OneServicePerClusterAndALocalitySubset_IsClean()
        {
            // cluster1 runs v1 and cluster2 v2 of helloworld, each with its copy of the Service and the DestinationRule.
            static string Pods(string version) => $$"""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: helloworld-{{version}}
                  namespace: sample
                spec:
                  selector:
                    matchLabels: {app: helloworld, version: {{version}}}
                  template:
                    metadata:
                      labels: {app: helloworld, version: {{version}}}
                """;
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: helloworld\n  namespace: sample\nspec:\n  selector: {app: helloworld}\n  ports: [{name: http, port: 5000}]\n";
            const string rule = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: helloworld
                  namespace: sample
                spec:
                  host: helloworld.sample.svc.cluster.local
                  subsets:
                    - name: cluster1
                      labels: {topology.istio.io/cluster: cluster1}
                    - name: east
                      labels: {version: v1, topology.kubernetes.io/region: us-east1}
                """;

            var diagnostics = Lint.Files(
                ("cluster1/helloworld-service.yaml", service), ("cluster1/helloworld-v1.yaml", Pods("v1")), ("cluster1/destination-rule.yaml", rule),
                ("cluster2/helloworld-service.yaml", service), ("cluster2/helloworld-v2.yaml", Pods("v2")), ("cluster2/destination-rule.yaml", rule));

            Assert.Empty(diagnostics);
        }
    }
}
