using System.IO;
using System.Linq;
using System.Text;

namespace ManifestTools.Build.Tests
{
    /// <summary>The first build writes the manifests, a no-op build touches nothing, a changed weight rewrites one file.</summary>
    [Collection(PackageCollection.Name)]
    public class GenerationTests
    {
        /// <summary>The canary's files with the default traffic API, Istio, sorted as <see cref="ServiceProject.ManifestFileNames"/> lists them.</summary>
        internal static readonly string[] Generated =
        {
            "advertisements-v1.deployment.yaml",
            "advertisements-v2.deployment.yaml",
            "advertisements.destinationrule.yaml",
            "advertisements.service.yaml",
            "advertisements.virtualservice.yaml",
        };

        private const string VirtualService = "advertisements.virtualservice.yaml";

        private readonly PackageFixture _package;

        public GenerationTests(PackageFixture package) => _package = package;

        /// <summary>One project through three builds, because each step starts from the state the previous one left.</summary>
        [Fact]
        public void BuildGeneratesThenSkipsThenRewritesOnlyTheVirtualServiceForNewWeights()
        {
            var project = ServiceProject.Canary(_package, "generation");

            var first = project.Build();
            BuildAssert.SucceededWithoutWarnings(first);
            Assert.Equal(Generated, project.ManifestFileNames());
            foreach (var name in Generated)
            {
                BuildAssert.MatchesExpectedFile(Path.Combine(project.ManifestsDirectory, name));
            }

            var generated = project.SnapshotManifests();
            var noOp = project.Build("-v:n");
            BuildAssert.SucceededWithoutWarnings(noOp);
            var afterNoOp = project.SnapshotManifests();
            foreach (var name in Generated)
            {
                Assert.True(afterNoOp[name].SameAs(generated[name]), $"the no-op build touched {name}:\n{noOp}");
            }

            BuildAssert.SkippedTarget(noOp, "_ManifestToolsGenerateCore");
            BuildAssert.SkippedTarget(noOp, "_ManifestToolsLintCore");

            project.Replace("Weight=\"90\"", "Weight=\"80\"");
            project.Replace("Weight=\"10\"", "Weight=\"20\"");
            var reweighted = project.Build();
            BuildAssert.SucceededWithoutWarnings(reweighted);
            // Only the default route's weights change; the products route stays 50/50.
            string before = Encoding.UTF8.GetString(generated[VirtualService].Bytes);
            string rewritten = File.ReadAllText(Path.Combine(project.ManifestsDirectory, VirtualService), Encoding.UTF8);
            Assert.NotEqual(before, rewritten);
            // The header's hash changes with the content; everything else is the new weights.
            string WithoutHash(string text) => System.Text.RegularExpressions.Regex.Replace(text, "^# sha256: [0-9a-f]{64}\n", "", System.Text.RegularExpressions.RegexOptions.Multiline);
            Assert.Equal(WithoutHash(before.Replace("weight: 90", "weight: 80").Replace("weight: 10", "weight: 20")), WithoutHash(rewritten));
            Assert.NotEqual(before.Split('\n')[5], rewritten.Split('\n')[5]);
            var afterReweight = project.SnapshotManifests();
            foreach (var name in Generated.Where(n => n != VirtualService))
            {
                Assert.True(afterReweight[name].SameAs(generated[name]), $"the weight change rewrote {name}, which it does not affect:\n{reweighted}");
            }

            // The files left untouched are now older than the project file; the next build must still be a no-op.
            var afterEdit = project.Build("-v:n");
            BuildAssert.SucceededWithoutWarnings(afterEdit);
            BuildAssert.SkippedTarget(afterEdit, "_ManifestToolsGenerateCore");
        }

        /// <summary>A fresh clone of committed output has no obj/ to say which files a removed version left behind.</summary>
        [Fact]
        public void ARemovedVersionsFileIsDeletedWithoutTheRecordInObj()
        {
            var project = ServiceProject.Canary(_package, "fresh-clone");
            BuildAssert.SucceededWithoutWarnings(project.Build());
            Directory.Delete(Path.Combine(project.Directory, "obj"), recursive: true);
            Directory.Delete(Path.Combine(project.Directory, "bin"), recursive: true);
            project.Replace("Include=\"v2\"", "Include=\"v3\"");
            project.Replace("v2=50", "v3=50");

            BuildAssert.SucceededWithoutWarnings(project.Build());

            Assert.Equal(Generated.Select(n => n.Replace("-v2.", "-v3.")).OrderBy(n => n, System.StringComparer.Ordinal), project.ManifestFileNames());
        }
    }
}
