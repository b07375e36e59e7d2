using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace ManifestTools.Cli.Tests
{
    /// <summary>
    /// tests/corpus/realistic is shaped like the public repositories teams lint at their root: a Helm chart beside its
    /// rendered output, a Kustomize base with patches and overlays, variant files of one app, one folder per cluster,
    /// build outputs, CI and package files, an IstioOperator, placeholders, Argo Rollouts and locality subsets
    /// (CORPUS.md lists them). The CLI runs as a user runs it, from the corpus folder, so paths print as they would.
    /// </summary>
    public class CorpusTests : IClassFixture<CorpusTests.WorkingCopy>
    {
        private readonly string _corpus;

        public CorpusTests(WorkingCopy copy) => _corpus = copy.Path;

        /// <summary>
        /// The corpus as a working copy looks after a build: with bin/, obj/ and node_modules/ in it. The repository
        /// does not commit build output, so those files live in tests/corpus/build-outputs and are put in place here.
        /// </summary>
        public sealed class WorkingCopy : System.IDisposable
        {
            private static readonly (string From, string To)[] BuildOutputs =
            {
                ("stale-shop.yaml", "bin/Release/net8.0/k8s/shop.yaml"),
                ("Boutique.Admin.openapi.yaml", "obj/Debug/net8.0/Boutique.Admin.openapi.yaml"),
                ("some-pkg.package.json", "node_modules/some-pkg/package.json"),
            };

            public WorkingCopy()
            {
                var corpus = System.IO.Path.Combine(CliRunner.RepositoryRoot, "tests", "corpus");
                Path = Directory.CreateTempSubdirectory("mt-corpus").FullName;
                Copy(System.IO.Path.Combine(corpus, "realistic"), Path);
                foreach (var (from, to) in BuildOutputs)
                {
                    var target = System.IO.Path.Combine(Path, to);
                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                    File.Copy(System.IO.Path.Combine(corpus, "build-outputs", from), target);
                }
            }

            public string Path { get; }

            public void Dispose() => Directory.Delete(Path, recursive: true);

            private static void Copy(string from, string to)
            {
                foreach (var folder in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
                {
                    Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, folder)));
                }

                foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
                {
                    File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)));
                }
            }
        }

        [Fact]
        public async Task AtTheRoot_OnlyThePlantedDefectsAreErrors()
        {
            var (exitCode, stdout, stderr) = await Run("dotnet", CliDll, "lint", ".");

            Assert.Equal(string.Empty, stderr);
            CliRunner.AssertMatchesFile(stdout, "Corpus/realistic.expected.txt");
            Assert.Equal(1, exitCode);
        }

        [Fact]
        public async Task TheAppsFolder_HoldsExactlyTheSixPlantedDefects()
        {
            var (exitCode, stdout, stderr) = await Run("dotnet", CliDll, "lint", "apps");

            Assert.Equal((1, string.Empty), (exitCode, stderr));
            Assert.Equal(new[]
            {
                "apps/cartservice/cartservice-v2.yaml(13,3): error MT2003",
                "apps/checkout/routing.yaml(10,5): error MT1010",
                "apps/emailservice/routing.yaml(37,19): error MT1009",
                "apps/frontend/routing.yaml(31,5): error MT1017",
                "apps/productcatalog/routing.yaml(13,5): error MT1001",
                "apps/recommendation/routing.yaml(36,5): error MT1002",
            }, FindingHeads(stdout));
        }

        [Theory]
        [InlineData("kustomize/overlays/staging")]
        [InlineData("kustomize/overlays/prod")]
        public async Task AnOverlayAsKubectlBuildsIt_ReadFromStandardInput_IsClean(string overlay)
        {
            var (kubectlExit, built, _) = await Run("kubectl", "kustomize", overlay);
            Assert.Equal(0, kubectlExit);

            var (exitCode, stdout, stderr) = CliRunner.RunWithInput(System.Text.Encoding.UTF8.GetBytes(built), "lint", "-");

            Assert.Equal((0, string.Empty), (exitCode, stderr));
            Assert.Matches(@"^0 errors, 0 warnings in 1 file \(\d+ objects\)\n$", stdout);
        }

        private static string CliDll => Path.Combine(System.AppContext.BaseDirectory, "manifest-tools.dll");

        /// <summary>"file(line,col): severity ID" of each finding line, without the summary line.</summary>
        private static string[] FindingHeads(string stdout) =>
            System.Array.ConvertAll(stdout.TrimEnd('\n').Split('\n')[..^1],
                line => line.Substring(0, line.IndexOf(": ", line.IndexOf("): ", System.StringComparison.Ordinal) + 3, System.StringComparison.Ordinal)));

        private async Task<(int ExitCode, string Stdout, string Stderr)> Run(string program, params string[] arguments)
        {
            var start = new ProcessStartInfo(program) { WorkingDirectory = _corpus, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, (await stdout).Replace("\r\n", "\n"), await stderr);
        }
    }
}
