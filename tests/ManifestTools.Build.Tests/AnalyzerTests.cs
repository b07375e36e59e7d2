using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using ManifestTools.Tests;

namespace ManifestTools.Build.Tests
{
    /// <summary>
    /// In a C# project the package's analyzer reports the lint findings, in the compiler's output and its SARIF log;
    /// where the analyzer does not run, the task reports them. Either way each finding is reported once per build.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class AnalyzerTests
    {
        private readonly PackageFixture _package;

        public AnalyzerTests(PackageFixture package) => _package = package;

        [Fact]
        public void ThePackageShipsTheAnalyzerWithTheCoreAndYamlDotNetOnly()
        {
            using var package = ZipFile.OpenRead(_package.Package);

            var analyzers = package.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal))
                .Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal);

            Assert.Equal(new[]
            {
                "analyzers/dotnet/cs/ManifestTools.Analyzers.dll",
                "analyzers/dotnet/cs/ManifestTools.Core.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
            }, analyzers);
        }

        /// <summary>
        /// One project through three builds, switching from the analyzer to the task and back. The analyzer also reports
        /// the sample's C# code that reads a variable no Deployment sets (MT3001), which only it can see.
        /// </summary>
        [Fact]
        public void BrokenSampleManifestIsReportedOnceByTheAnalyzerOrElseByTheTask()
        {
            string copy = Path.Combine(_package.NewFolder("sample-broken"), "Advertisements");
            SampleTests.CopySources(Path.Combine(RepoRoot.Path, "samples", "Ecommerce", "Advertisements"), copy);
            string broken = Path.Combine(copy, "k8s-broken", "advertisements-extra.yaml");
            // MT1001 points at the labels of the subset with the typo.
            var (line, column) = BuildAssert.PositionOf(File.ReadAllText(broken), "    labels:");
            column += 4;
            // MT3001 points at the name of the variable that no Deployment sets.
            string client = Path.Combine(copy, "Broken", "PaymentClient.cs");
            var (readLine, readColumn) = BuildAssert.PositionOf(File.ReadAllText(client), "\"PAYMENTS_API_KEY\")");
            string sarif = Path.Combine(copy, "build.sarif");

            var analyzed = DotnetProcess.Run(copy, "build", "-p:BrokenManifests=true", $"-p:ErrorLog={sarif}%2Cversion=2.1");
            BuildAssert.Failed(analyzed);
            BuildAssert.ErrorCount(analyzed, 1);
            BuildAssert.WarningCount(analyzed, 1);
            BuildAssert.HasFinding(analyzed, broken, "error", "MT1001", line, column);
            BuildAssert.HasFinding(analyzed, client, "warning", "MT3001", readLine, readColumn);
            var results = SarifResults(sarif);
            var result = Assert.Single(results, r => r.RuleId == "MT1001");
            Assert.Equal((broken, line, column), (result.File, result.Line, result.Column));
            var read = Assert.Single(results, r => r.RuleId == "MT3001");
            Assert.Equal((client, readLine, readColumn), (read.File, read.Line, read.Column));

            File.Delete(sarif);
            var byTask = DotnetProcess.Run(copy, "build", "-p:BrokenManifests=true", "-p:RunAnalyzers=false", $"-p:ErrorLog={sarif}%2Cversion=2.1");
            BuildAssert.Failed(byTask);
            BuildAssert.ErrorCount(byTask, 1);
            BuildAssert.HasFinding(byTask, broken, "error", "MT1001", line, column);
            // The task's error ends the build before compilation, so the compiler neither reports it nor writes a log.
            Assert.False(File.Exists(sarif), "the compiler ran after the task's lint error:\n" + byTask);

            // The task's recorded finding must not be replayed once the analyzer reports it again.
            var analyzedAgain = DotnetProcess.Run(copy, "build", "-p:BrokenManifests=true");
            BuildAssert.Failed(analyzedAgain);
            BuildAssert.ErrorCount(analyzedAgain, 1);
            BuildAssert.HasFinding(analyzedAgain, broken, "error", "MT1001", line, column);

            var fixedBuild = DotnetProcess.Run(copy, "build");
            BuildAssert.SucceededWithoutWarnings(fixedBuild);
        }

        [Fact]
        public void WithoutTheAnalyzerAssetsTheTaskLints()
        {
            var project = ServiceProject.Canary(_package, "exclude-analyzers", """<ManifestFile Include="k8s/legacy.yaml" />""");
            project.Replace("""<PackageReference Include="ManifestTools" Version="0.1.0" />""",
                """<PackageReference Include="ManifestTools" Version="0.1.0" ExcludeAssets="analyzers" />""");
            string legacy = project.WriteFile(Path.Combine("k8s", "legacy.yaml"), LegacyService);

            var result = project.Build();

            BuildAssert.Succeeded(result);
            BuildAssert.WarningCount(result, 1);
            BuildAssert.HasFinding(result, legacy, "warning", "MT2002", 7, 3);
        }

        [Theory]
        [InlineData("-p:RunAnalyzers=true")]
        [InlineData("-p:RunAnalyzers=false")]
        public void TreatWarningsAsErrorsFailsOnAWarningOnEitherPath(string analyzers)
        {
            var project = ServiceProject.Canary(_package, "warnaserror" + analyzers.Split('=')[1], """<ManifestFile Include="k8s/legacy.yaml" />""");
            string legacy = project.WriteFile(Path.Combine("k8s", "legacy.yaml"), LegacyService);

            var result = project.Build(analyzers, "-p:TreatWarningsAsErrors=true");

            BuildAssert.Failed(result);
            BuildAssert.ErrorCount(result, 1);
            BuildAssert.HasFinding(result, legacy, "error", "MT2002", 7, 3);
        }

        /// <summary>A Service that no pod carries app=legacy for: MT2002, a warning, at its selector (7,3).</summary>
        private const string LegacyService = """
            apiVersion: v1
            kind: Service
            metadata:
              name: legacy
              namespace: ns3
            spec:
              selector:
                app: legacy
              ports:
                - port: 80

            """;

        private static SarifResult[] SarifResults(string path)
        {
            using var log = JsonDocument.Parse(File.ReadAllText(path));
            return log.RootElement.GetProperty("runs").EnumerateArray()
                .SelectMany(run => run.TryGetProperty("results", out var results) ? results.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(r =>
                {
                    var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                    var region = location.GetProperty("region");
                    return new SarifResult(r.GetProperty("ruleId").GetString()!,
                        new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath,
                        region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32());
                })
                .ToArray();
        }

        private sealed record SarifResult(string RuleId, string File, int Line, int Column);
    }
}
