using System.Diagnostics;
using System.IO;

namespace ManifestTools.Cli.Tests
{
    public class ExitCodeTests
    {
        public static TheoryData<string> Formats => new TheoryData<string> { "text", "json", "sarif", "github" };

        [Theory]
        [MemberData(nameof(Formats))]
        public void CleanInputExitsZeroInEveryFormat(string format) =>
            Assert.Equal(0, CliRunner.Run("lint", "Scenarios/valid", "--format", format).ExitCode);

        [Theory]
        [MemberData(nameof(Formats))]
        public void ErrorsExitOneInEveryFormat(string format) =>
            Assert.Equal(1, CliRunner.Run("lint", "Scenarios/mt1001-subset-label-typo", "--format", format).ExitCode);

        [Theory]
        [MemberData(nameof(Formats))]
        public void MissingPathExitsTwoInEveryFormat(string format)
        {
            var (exitCode, _, stderr) = CliRunner.Run("lint", "Scenarios/valid", "no/such/dir", "--format", format);

            Assert.Equal(2, exitCode);
            Assert.Contains("no/such/dir: no such file or directory", stderr);
        }

        [Fact]
        public void WarningsPassByDefaultAndFailWithFailOnWarning()
        {
            Assert.Equal(0, CliRunner.Run("lint", "Scenarios/mt1007-duplicate-destination").ExitCode);
            Assert.Equal(1, CliRunner.Run("lint", "Scenarios/mt1007-duplicate-destination", "--fail-on", "warning").ExitCode);
            Assert.Equal(1, CliRunner.Run("lint", "Scenarios/mt1007-duplicate-destination", "--fail-on=warning", "--format=json").ExitCode);
        }

        [Theory]
        [InlineData("lint")]
        [InlineData("lint", "Scenarios/valid", "--format", "xml")]
        [InlineData("lint", "Scenarios/valid", "--fail-on", "info")]
        [InlineData("lint", "Scenarios/valid", "--bogus", "x")]
        [InlineData("lint", "Scenarios/valid", "--namespace")]
        [InlineData("frobnicate")]
        public void UsageErrorsExitTwoWithUsage(params string[] args)
        {
            var (exitCode, stdout, stderr) = CliRunner.Run(args);

            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("Usage:", stderr);
        }

        [Fact]
        public void NamespaceOptionAppliesToObjectsWithoutOne()
        {
            // The sample mesh with its namespaces removed: every object lands in the namespace given.
            var dir = Directory.CreateTempSubdirectory("mt-ns").FullName;
            File.WriteAllText(Path.Combine(dir, "vs.yaml"), File.ReadAllText("Scenarios/valid/mesh.yaml").Replace("  namespace: ns3\n", string.Empty).Replace("  namespace: ns2\n", string.Empty));
            try
            {
                var (exitCode, stdout, _) = CliRunner.Run("lint", dir, "--namespace", "shop", "--format", "json", "--fail-on", "warning");

                // discounts.ns2.svc.cluster.local no longer exists once everything lives in shop; nothing of ns2 is in the
                // input any more, so that is a warning.
                Assert.Equal(1, exitCode);
                Assert.Contains("\"namespace\": \"shop\"", stdout);
                Assert.Contains("discounts.ns2.svc.cluster.local", stdout);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        [Fact]
        public void RulesCommandListsEveryRule()
        {
            var (exitCode, stdout, _) = CliRunner.Run("rules");

            Assert.Equal(0, exitCode);
            foreach (var rule in Diagnostics.DiagnosticCatalog.Lint)
            {
                Assert.Contains(rule.Id + "  ", stdout);
            }
        }

        /// <summary>The built tool, as a process: Main's exit code reaches the shell.</summary>
        [Fact]
        public void ToolProcessReturnsTheExitCode()
        {
            var tool = Path.Combine(System.AppContext.BaseDirectory, "manifest-tools.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { tool, "lint", "Scenarios/mt1002-weights-total-110", "--format", "github" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(1, process.ExitCode);
            Assert.StartsWith("::error file=Scenarios/mt1002-weights-total-110/mesh.yaml,line=105,col=7,", stdout);
        }
    }
}
