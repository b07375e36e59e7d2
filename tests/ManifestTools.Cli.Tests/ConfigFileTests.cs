using System.IO;

namespace ManifestTools.Cli.Tests
{
    /// <summary>.manifest-tools.yaml as the CLI finds it: in the linted folder or above, or named with --config.</summary>
    public class ConfigFileTests
    {
        /// <summary>A route to istiod, whose namespace the input does not hold: a warning unless declared external.</summary>
        private const string RouteToIstiod = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: debug
              namespace: ops
            spec:
              hosts: [debug]
              http:
                - route:
                    - destination:
                        host: istiod.istio-system.svc.cluster.local
            """;

        [Fact]
        public void AConfigurationAboveTheFolder_DeclaresANamespaceExternal()
        {
            using var dir = new TempFolder();
            Directory.CreateDirectory(Path.Combine(dir.Path, "k8s", "ops"));
            File.WriteAllText(Path.Combine(dir.Path, "k8s", "ops", "vs.yaml"), RouteToIstiod);

            var (_, before, _) = CliRunner.Run("lint", Path.Combine(dir.Path, "k8s"), "--fail-on", "warning");
            Assert.Contains("warning MT1004", before);

            File.WriteAllText(Path.Combine(dir.Path, ".manifest-tools.yaml"), "external:\n  namespaces: [istio-system]\n");
            var (exitCode, stdout, stderr) = CliRunner.Run("lint", Path.Combine(dir.Path, "k8s"), "--fail-on", "warning");

            Assert.Equal((0, string.Empty), (exitCode, stderr));
            Assert.DoesNotContain("MT1004", stdout);
        }

        [Fact]
        public void AMalformedConfiguration_IsAUsageErrorWithItsPosition()
        {
            using var dir = new TempFolder();
            File.WriteAllText(Path.Combine(dir.Path, "vs.yaml"), RouteToIstiod);
            File.WriteAllText(Path.Combine(dir.Path, ".manifest-tools.yaml"), "rules:\n  MT1004: none\n  MT1099: error\nseverity: {}\n");

            var (exitCode, stdout, stderr) = CliRunner.Run("lint", dir.Path);
            var (_, sarif, _) = CliRunner.Run("lint", dir.Path, "--format", "sarif");

            Assert.Equal(2, exitCode);
            var lines = stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(3, lines.Length);
            Assert.EndsWith(".manifest-tools.yaml(3,3): error MT0005: MT1099 is not a rule that can be configured here; `manifest-tools rules` lists them", lines[0]);
            Assert.EndsWith(".manifest-tools.yaml(4,1): error MT0005: unknown key severity; the keys are defaultNamespace, clusterDomain, ignore, external, rules, suppress", lines[1]);
            Assert.StartsWith("manifest-tools: ", stderr);
            Assert.Contains(".manifest-tools.yaml is not valid", stderr);
            // A SARIF upload that runs whatever the exit code still gets a valid log, with the problem in it.
            Assert.Contains("\"ruleId\": \"MT0005\"", sarif);
        }

        [Fact]
        public void ConfigOption_NamesTheFile_AndTheCommandLineWinsOverIt()
        {
            using var dir = new TempFolder();
            // The namespace the linter gives an object without one shows in the finding about its invalid label.
            var file = Path.Combine(dir.Path, "bad-label.yaml");
            File.WriteAllText(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    version: \"-bad\"\n");
            var config = Path.Combine(dir.Path, "lint.yaml");
            File.WriteAllText(config, "defaultNamespace: shop\n");

            Assert.Contains("[ConfigMap shop/c]", CliRunner.Run("lint", file, "--config", config).Stdout);
            Assert.Contains("[ConfigMap web/c]", CliRunner.Run("lint", file, "--config", config, "-n", "web").Stdout);
            Assert.Contains("[ConfigMap default/c]", CliRunner.Run("lint", file).Stdout);

            var (exitCode, _, stderr) = CliRunner.Run("lint", file, "--config", Path.Combine(dir.Path, "nope.yaml"));
            Assert.Equal(2, exitCode);
            Assert.Contains("nope.yaml: no such file", stderr);
        }

        [Theory]
        [InlineData("--namespace", "Bad_NS", "--namespace Bad_NS is not a DNS-1123 label")]
        [InlineData("--cluster-domain", "cluster local", "--cluster-domain cluster local is not a DNS subdomain")]
        public void AnInvalidNamespaceOrDomainOption_IsAUsageError(string option, string value, string message)
        {
            var (exitCode, stdout, stderr) = CliRunner.Run("lint", "Scenarios/valid/mesh.yaml", option, value);

            Assert.Equal((2, string.Empty), (exitCode, stdout));
            Assert.Contains(message, stderr);
        }

        [Fact]
        public void PathsUnderTwoDifferentConfigurations_AreAUsageError()
        {
            using var dir = new TempFolder();
            foreach (var team in new[] { "a", "b" })
            {
                Directory.CreateDirectory(Path.Combine(dir.Path, team));
                File.WriteAllText(Path.Combine(dir.Path, team, ".manifest-tools.yaml"), "defaultNamespace: " + team + "\n");
                File.WriteAllText(Path.Combine(dir.Path, team, "vs.yaml"), RouteToIstiod);
            }

            var (exitCode, _, stderr) = CliRunner.Run("lint", Path.Combine(dir.Path, "a"), Path.Combine(dir.Path, "b"));

            Assert.Equal(2, exitCode);
            Assert.Contains("the paths are configured by different files", stderr);
        }

        private sealed class TempFolder : System.IDisposable
        {
            public string Path { get; } = Directory.CreateTempSubdirectory("mt-config").FullName;

            public void Dispose() => Directory.Delete(Path, recursive: true);
        }
    }
}
