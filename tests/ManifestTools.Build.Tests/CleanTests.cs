using System.IO;

namespace ManifestTools.Build.Tests
{
    [Collection(PackageCollection.Name)]
    public class CleanTests
    {
        private readonly PackageFixture _package;

        public CleanTests(PackageFixture package) => _package = package;

        [Fact]
        public void CleanDeletesTheGeneratedFilesAndKeepsHandWrittenOnes()
        {
            var project = ServiceProject.Canary(_package, "clean");
            BuildAssert.SucceededWithoutWarnings(project.Build());
            string own = project.WriteFile(Path.Combine("manifests", "namespace.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: ns3

                """);
            var before = FileState.Of(own);

            var clean = project.Clean();
            BuildAssert.SucceededWithoutWarnings(clean);
            Assert.Equal(new[] { "namespace.yaml" }, project.ManifestFileNames());
            Assert.True(FileState.Of(own).SameAs(before), "dotnet clean touched the hand-written " + own + ":\n" + clean);
        }
    }
}
