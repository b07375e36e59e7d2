using System;
using System.IO;

namespace ManifestTools.Cli.Tests
{
    /// <summary>A lint that finds nothing to check fails (exit 2), rather than passing CI while checking nothing.</summary>
    public class NoManifestsTests
    {
        private const string Hint = "hint: name the folders that hold them, or pipe rendered output to `manifest-tools lint -`";

        /// <summary>Each format, and what its report of nothing holds.</summary>
        public static TheoryData<string, string> Formats => new TheoryData<string, string>
        {
            { "text", "0 errors, 0 warnings in 0 files (0 objects)\n" },
            { "json", "\"objects\": 0," },
            { "sarif", "\"results\": []" },
            { "github", "0 errors, 0 warnings in 0 files (0 objects)\n" },
        };

        [Theory]
        [MemberData(nameof(Formats))]
        public void EmptyFolderExitsTwoInEveryFormatAfterItsReport(string format, string report)
        {
            using var dir = new TempFolder();

            var (exitCode, stdout, stderr) = CliRunner.Run("lint", dir.Path, "--format", format);

            Assert.Equal(2, exitCode);
            Assert.Contains(report, stdout);
            Assert.StartsWith($"manifest-tools: no Kubernetes manifests found in {dir.Path}\n{Hint}", stderr);
        }

        [Fact]
        public void FolderOfNonYamlFilesExitsTwo()
        {
            using var dir = new TempFolder();
            File.WriteAllText(Path.Combine(dir.Path, "README.md"), "# Chart\n");
            File.WriteAllText(Path.Combine(dir.Path, "values.tpl"), "apiVersion: v1\nkind: ConfigMap\n");
            Directory.CreateDirectory(Path.Combine(dir.Path, "templates"));
            File.WriteAllText(Path.Combine(dir.Path, "templates", "NOTES.txt"), "Thanks for installing.\n");

            var (exitCode, _, stderr) = CliRunner.Run("lint", dir.Path);

            Assert.Equal(2, exitCode);
            Assert.StartsWith($"manifest-tools: no Kubernetes manifests found in {dir.Path}\n{Hint}", stderr);
        }

        [Fact]
        public void KustomizationAloneHoldsNoManifests()
        {
            using var dir = new TempFolder();
            File.WriteAllText(Path.Combine(dir.Path, "kustomization.yaml"), "resources:\n- ../../base\n");

            var (exitCode, _, stderr) = CliRunner.Run("lint", dir.Path);

            Assert.Equal(2, exitCode);
            Assert.Contains("no Kubernetes manifests found", stderr);
        }

        [Fact]
        public void EveryPathIsNamedAsGiven()
        {
            using var a = new TempFolder();
            using var b = new TempFolder();

            var (exitCode, _, stderr) = CliRunner.Run("lint", a.Path, b.Path);

            Assert.Equal(2, exitCode);
            Assert.StartsWith($"manifest-tools: no Kubernetes manifests found in {a.Path}, {b.Path}\n", stderr);
        }

        [Fact]
        public void EmptyStandardInputExitsTwo()
        {
            var (exitCode, stdout, stderr) = CliRunner.RunWithInput(Array.Empty<byte>(), "lint", "-");

            Assert.Equal(2, exitCode);
            Assert.Equal("0 errors, 0 warnings in 0 files (0 objects)\n", stdout);
            Assert.StartsWith("manifest-tools: no Kubernetes manifests found in <stdin>\n" + Hint, stderr);
        }

        [Fact]
        public void FindingsWithoutObjectsAreReportedAsFindings()
        {
            // A file that is not YAML holds no object, but its MT0001 error is what to fix, not the folder named.
            var (exitCode, stdout, stderr) = CliRunner.Run("lint", "Golden/input/broken-syntax.yaml");

            Assert.Equal(1, exitCode);
            Assert.Contains("error MT0001", stdout);
            Assert.DoesNotContain("no Kubernetes manifests", stderr);
        }

        private sealed class TempFolder : IDisposable
        {
            public string Path { get; } = Directory.CreateTempSubdirectory("mt-none").FullName;

            public void Dispose() => Directory.Delete(Path, recursive: true);
        }
    }
}
