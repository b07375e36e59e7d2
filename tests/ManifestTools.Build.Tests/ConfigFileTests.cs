using System.IO;

namespace ManifestTools.Build.Tests
{
    /// <summary>The .manifest-tools.yaml above a project configures the build's lint as it configures the CLI's.</summary>
    [Collection(PackageCollection.Name)]
    public class ConfigFileTests
    {
        /// <summary>A DestinationRule whose subset wants version V2, which no pod carries (MT1001 at "labels:").</summary>
        private const string Typo = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: advertisements-preview
              namespace: ns3
            spec:
              host: advertisements
              subsets:
                - name: preview
                  labels:
                    version: V2

            """;

        private readonly PackageFixture _package;

        public ConfigFileTests(PackageFixture package) => _package = package;

        [Theory]
        [InlineData("analyzer")]
        [InlineData("task")]
        public void RuleSeverities_ApplyOnBothLintPaths(string path)
        {
            var project = ServiceProject.Canary(_package, "config-severity-" + path, """<ManifestFile Include="k8s/extra.yaml" />""");
            string extra = project.WriteFile(Path.Combine("k8s", "extra.yaml"), Typo);
            project.WriteFile(".manifest-tools.yaml", "rules:\n  MT1001: warning\n");
            var (line, column) = BuildAssert.PositionOf(Typo, "labels:");
            var arguments = path == "task" ? new[] { "-p:RunAnalyzers=false" } : System.Array.Empty<string>();

            var result = project.Build(arguments);

            BuildAssert.Succeeded(result);
            BuildAssert.HasFinding(result, extra, "warning", "MT1001", line, column);
        }

        [Theory]
        [InlineData("analyzer")]
        [InlineData("task")]
        public void AMalformedConfiguration_FailsTheBuildAtItsPosition(string path)
        {
            var project = ServiceProject.Canary(_package, "config-broken-" + path);
            string config = project.WriteFile(".manifest-tools.yaml", "rules:\n  MT1001: fatal\n");
            var arguments = path == "task" ? new[] { "-p:RunAnalyzers=false" } : System.Array.Empty<string>();

            var result = project.Build(arguments);

            BuildAssert.Failed(result);
            BuildAssert.HasFinding(result, config, "error", "MT0005", 2, 11);
        }
    }
}
