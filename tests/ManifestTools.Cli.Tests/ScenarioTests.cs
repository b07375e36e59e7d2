using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ManifestTools.Cli.Tests
{
    /// <summary>
    /// The sample canary with one defect each (Scenarios/&lt;name&gt;/mesh.yaml): the CLI must print exactly
    /// the findings in expected.txt, and the valid mesh none at all.
    /// </summary>
    public class ScenarioTests
    {
        public static IEnumerable<object[]> Scenarios() =>
            Directory.GetDirectories("Scenarios").Select(d => new object[] { Path.GetFileName(d) }).OrderBy(s => (string)s[0]);

        [Theory]
        [MemberData(nameof(Scenarios))]
        public void ReportsExactlyTheExpectedFindings(string scenario)
        {
            var (exitCode, stdout, _) = CliRunner.Run("lint", "Scenarios/" + scenario + "/mesh.yaml");

            CliRunner.AssertMatchesFile(stdout, $"Scenarios/{scenario}/expected.txt");
            bool hasErrors = stdout.Split('\n').Any(line => line.Contains("): error MT"));
            Assert.Equal(hasErrors ? 1 : 0, exitCode);
        }

        [Fact]
        public void ValidScenarioIsClean()
        {
            var (exitCode, stdout, _) = CliRunner.Run("lint", "Scenarios/valid/mesh.yaml");

            Assert.Equal(0, exitCode);
            Assert.Equal("0 errors, 0 warnings in 1 file (8 objects)\n", stdout);
        }

        [Fact]
        public void EveryRuleHasAScenario()
        {
            var covered = Directory.GetDirectories("Scenarios").Select(Path.GetFileName).ToList();
            var uncovered = Diagnostics.DiagnosticCatalog.Lint
                // Input limits are covered by the hostile-input corpus; Helm charts and the configuration file are about
                // folders, not one file, and the realistic corpus covers them.
                .Where(rule => rule.Id != "MT0003" && rule.Id != "MT0004" && rule.Id != "MT0005")
                .Where(rule => !covered.Any(name => name!.StartsWith(rule.Id.ToLowerInvariant() + "-", System.StringComparison.Ordinal)))
                .Select(rule => rule.Id);
            Assert.Empty(uncovered);
        }
    }
}
