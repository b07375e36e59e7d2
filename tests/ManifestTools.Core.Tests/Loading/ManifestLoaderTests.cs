using System;
using System.IO;
using System.Linq;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Loading
{
    /// <summary>ManifestLoader.Load on real files and folders.</summary>
    public class ManifestLoaderTests
    {
        private static string ConfigMap(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n";

        private static string[] RelativePaths(LoadResult result, TempDirectory dir) =>
            result.Files.Select(f => f.Path.Substring(dir.Path.Length + 1)).ToArray();

        [Fact]
        public void ADirectoryIsReadRecursivelyForYamlYmlAndJsonOnly()
        {
            using var dir = new TempDirectory();
            dir.Write("base/service.yaml", ConfigMap("a"));
            dir.Write("base/deploy/deployment.yml", ConfigMap("b"));
            dir.Write("overlays/prod/extra.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}");
            dir.Write("UPPER.YAML", ConfigMap("d"));
            dir.Write("README.md", "# not a manifest");
            dir.Write("notes.txt", "kind: nothing");
            dir.Write("backup.yaml.bak", "{{ not yaml");

            var result = ManifestLoader.Load(new[] { dir.Path }, new LintOptions());

            Assert.Empty(result.IoErrors);
            Assert.Equal(new[] { "UPPER.YAML", "base/deploy/deployment.yml", "base/service.yaml", "overlays/prod/extra.json" }, RelativePaths(result, dir));
            Assert.All(result.Files, f => Assert.Empty(f.Diagnostics));
            Assert.Equal(new[] { "d", "b", "a", "c" }, result.Files.SelectMany(f => f.Objects).Select(o => o.Name));
        }

        [Fact]
        public void HiddenFoldersSuchAsGitAndGithubAreSkipped()
        {
            using var dir = new TempDirectory();
            dir.Write("app.yaml", ConfigMap("app"));
            dir.Write(".git/config.yaml", "{{ broken");
            dir.Write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
            dir.Write("nested/.cache/x.yaml", "{{ broken");

            var result = ManifestLoader.Load(new[] { dir.Path }, new LintOptions());

            Assert.Equal(new[] { "app.yaml" }, RelativePaths(result, dir));
        }

        [Fact]
        public void TheOrderIsSortedAndTheSameOnEveryLoad()
        {
            using var dir = new TempDirectory();
            foreach (var name in new[] { "zeta.yaml", "b/y.yaml", "alpha.yaml", "b.yaml", "a/z.yaml", "m.yml" })
            {
                dir.Write(name, ConfigMap(Path.GetFileNameWithoutExtension(name)));
            }

            var first = RelativePaths(ManifestLoader.Load(new[] { dir.Path }, new LintOptions()), dir);
            var second = RelativePaths(ManifestLoader.Load(new[] { dir.Path }, new LintOptions()), dir);

            Assert.Equal(new[] { "a/z.yaml", "alpha.yaml", "b.yaml", "b/y.yaml", "m.yml", "zeta.yaml" }, first);
            Assert.Equal(first, second);
        }

        [Fact]
        public void AMissingPathIsAnIoErrorAndTheOtherPathsStillLoad()
        {
            using var dir = new TempDirectory();
            var good = dir.Write("good.yaml", ConfigMap("good"));
            var missing = Path.Combine(dir.Path, "missing.yaml");

            var result = ManifestLoader.Load(new[] { missing, good }, new LintOptions());

            Assert.Equal($"{missing}: no such file or directory", Assert.Single(result.IoErrors));
            Assert.Equal("good", Assert.Single(Assert.Single(result.Files).Objects).Name);
        }

        [Fact]
        public void AFileNamedTwiceIsLoadedOnce()
        {
            using var dir = new TempDirectory();
            var file = dir.Write("a.yaml", ConfigMap("a"));

            var result = ManifestLoader.Load(new[] { dir.Path, file }, new LintOptions());

            Assert.Single(result.Files);
        }

        [Fact]
        public void KustomizationFilesAreIgnored()
        {
            using var dir = new TempDirectory();
            dir.Write("kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\n");
            dir.Write("overlay/kustomization.yml", "resources:\n  - ../app.yaml\nnamePrefix: prod-\n");
            dir.Write("component/comp.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches: []\n");
            dir.Write("app.yaml", ConfigMap("app"));

            var result = ManifestLoader.Load(new[] { dir.Path }, new LintOptions());

            Assert.Equal(4, result.Files.Count);
            Assert.All(result.Files, f => Assert.Empty(f.Diagnostics));
            Assert.Equal("app", Assert.Single(result.Files.SelectMany(f => f.Objects)).Name);
        }

        [Fact]
        public void AnotherFileWithoutKindIsStillReported()
        {
            using var dir = new TempDirectory();
            var file = dir.Write("values.yaml", "resources:\n  - app.yaml\n");

            var result = ManifestLoader.Load(new[] { file }, new LintOptions());

            Assert.Equal("MT0002", Assert.Single(Assert.Single(result.Files).Diagnostics).Id);
        }

        [Fact]
        public void ASymbolicLinkCycleDoesNotLoopForever()
        {
            using var dir = new TempDirectory();
            dir.Write("sub/a.yaml", ConfigMap("a"));
            try
            {
                Directory.CreateSymbolicLink(Path.Combine(dir.Path, "sub", "loop"), dir.Path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return; // This platform or account cannot create links; there is no cycle to walk.
            }

            var result = ManifestLoader.Load(new[] { dir.Path }, new LintOptions());

            Assert.Equal(new[] { "sub/a.yaml" }, RelativePaths(result, dir));
        }

        [Fact]
        public void FilesOfADirectoryAreLintedTogether()
        {
            using var dir = new TempDirectory();
            dir.Write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: ads\nspec:\n  selector: {app: ads}\n");
            dir.Write("deploy/ads.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ads\nspec:\n  selector: {matchLabels: {app: adz}}\n  template: {metadata: {labels: {app: adz}}}\n");

            var (report, ioErrors) = ManifestLinter.LintPaths(new[] { dir.Path }, new LintOptions());

            Assert.Empty(ioErrors);
            Assert.Equal((2, 2), (report.FileCount, report.ObjectCount));
            var warning = Assert.Single(report.Diagnostics);
            Assert.Equal("MT2002", warning.Id);
            Assert.EndsWith("/svc.yaml", warning.File);
            Assert.Contains("Deployment ads with app=adz", warning.Message);
        }
    }
}
