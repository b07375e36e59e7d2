using System.Diagnostics;
using System.IO;

namespace ManifestTools.Cli.Tests
{
    /// <summary>
    /// tests/corpus/realistic is shaped like the public repositories teams lint at their root: a Helm chart beside its
    /// rendered output, a Kustomize base with patches and overlays, variant files of one app, one folder per cluster,
    /// build outputs, CI and package files, an IstioOperator, placeholders, Argo Rollouts and locality subsets
    /// (CORPUS.md lists them). The CLI runs as a user runs it, from the corpus folder, so paths print as they would.
    /// </summary>
    public class CorpusTests
    {
        private static readonly string Corpus = Path.Combine(CliRunner.RepositoryRoot, "tests", "corpus", "realistic");

        [Fact]
        public void AtTheRoot_OnlyThePlantedDefectsAreErrors()
        {
            var (exitCode, stdout) = Lint(".");

            CliRunner.AssertMatchesFile(stdout, "Corpus/realistic.expected.txt");
            Assert.Equal(1, exitCode);
        }

        [Fact]
        public void TheAppsFolder_HoldsExactlyTheFourPlantedDefects()
        {
            var (exitCode, stdout) = Lint("apps");

            Assert.Equal(1, exitCode);
            Assert.Equal(new[]
            {
                "apps/cartservice/cartservice-v2.yaml(13,3): error MT2003",
                "apps/emailservice/routing.yaml(37,19): error MT1009",
                "apps/productcatalog/routing.yaml(13,5): error MT1001",
                "apps/recommendation/routing.yaml(36,5): error MT1002",
            }, FindingHeads(stdout));
        }

        private static string[] FindingHeads(string stdout) =>
            System.Array.ConvertAll(stdout.TrimEnd('\n').Split('\n')[..^1], line => line.Substring(0, line.IndexOf(": ", line.IndexOf("): ", System.StringComparison.Ordinal) + 3, System.StringComparison.Ordinal)));

        private static (int ExitCode, string Stdout) Lint(params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Corpus, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(System.AppContext.BaseDirectory, "manifest-tools.dll"));
            start.ArgumentList.Add("lint");
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Assert.Equal(string.Empty, stderr.Result);
            return (process.ExitCode, stdout.Result.Replace("\r\n", "\n"));
        }
    }
}
