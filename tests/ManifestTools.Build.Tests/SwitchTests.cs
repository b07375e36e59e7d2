using System.IO;

namespace ManifestTools.Build.Tests
{
    /// <summary>ManifestGenerate=false and design-time builds write nothing.</summary>
    [Collection(PackageCollection.Name)]
    public class SwitchTests
    {
        private readonly PackageFixture _package;

        public SwitchTests(PackageFixture package) => _package = package;

        [Fact]
        public void ManifestGenerateFalseWritesAndReportsNothing()
        {
            // Both versions deploy image 1.0, so generation warns MT4008: the warning shows whether generation ran.
            var project = ServiceProject.Canary(_package, "generate-off");
            project.Replace("ImageTag=\"2.0\"", "ImageTag=\"1.0\"");

            var off = project.Build("-p:ManifestGenerate=false");
            BuildAssert.SucceededWithoutWarnings(off);
            Assert.False(Directory.Exists(project.ManifestsDirectory), "ManifestGenerate=false wrote manifests:\n" + off);

            // From here on a compile error ends each build before its incremental clean, which would otherwise delete
            // generation's state and force a new run whatever the targets do: generation's outputs stay up to date.
            project.WriteFile("Broken.cs", "class Broken {\n");
            var on = project.Build();
            BuildAssert.HasFinding(on, project.ProjectFile, "warning", "MT4008");
            Assert.Equal(5, project.ManifestFileNames().Count);

            var offAgain = project.Build("-p:ManifestGenerate=false");
            BuildAssert.Failed(offAgain);
            BuildAssert.NoFinding(offAgain, "MT4008");

            // Generation was off when its finding was dropped: turning it back on must generate again, not replay nothing.
            var onAgain = project.Build();
            BuildAssert.HasFinding(onAgain, project.ProjectFile, "warning", "MT4008");
        }

        [Fact]
        public void DesignTimeBuildWritesNoManifests()
        {
            var project = ServiceProject.Canary(_package, "design-time");

            var result = project.Build("-p:DesignTimeBuild=true");
            BuildAssert.SucceededWithoutWarnings(result);
            Assert.False(Directory.Exists(project.ManifestsDirectory), "the design-time build wrote manifests:\n" + result);
            Assert.False(Directory.Exists(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "manifesttools")),
                "the design-time build wrote ManifestTools state:\n" + result);
        }

        /// <summary>
        /// The IDE's analyzer gets its files from design-time builds, which do not generate: they pass the files the last
        /// build generated, with their kinds, in the compiler's editorconfig, as a real build does.
        /// </summary>
        [Fact]
        public void DesignTimeBuildPassesTheLastBuildsManifestsToTheAnalyzer()
        {
            var project = ServiceProject.Canary(_package, "design-time-analyzer", """<ManifestFile Include="k8s/extra.yaml" />""");
            string extra = project.WriteFile(Path.Combine("k8s", "extra.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns3\n");
            BuildAssert.SucceededWithoutWarnings(project.Build());
            string editorConfig = Path.Combine(project.Directory, "obj", "Debug", "net10.0", Path.GetFileNameWithoutExtension(project.ProjectFile) + ".GeneratedMSBuildEditorConfig.editorconfig");
            File.Delete(editorConfig);

            var result = DotnetProcess.Run(project.Directory, "msbuild", "-t:GenerateMSBuildEditorConfigFile", "-p:DesignTimeBuild=true");

            BuildAssert.Succeeded(result);
            string config = File.ReadAllText(editorConfig);
            Assert.NotEmpty(project.ManifestFileNames());
            Assert.All(project.ManifestFileNames(), name =>
                Assert.Contains($"[{Path.Combine(project.ManifestsDirectory, name).Replace('\\', '/')}]\nbuild_metadata.AdditionalFiles._ManifestToolsKind = Generated", config));
            Assert.Contains($"[{extra.Replace('\\', '/')}]\nbuild_metadata.AdditionalFiles._ManifestToolsKind = Manifest", config);
            Assert.Contains("build_property.ManifestServiceName = advertisements", config);
        }
    }
}
