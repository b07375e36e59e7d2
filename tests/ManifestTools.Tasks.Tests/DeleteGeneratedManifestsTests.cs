using System.IO;
using Microsoft.Build.Framework;

namespace ManifestTools.Tasks.Tests
{
    public class DeleteGeneratedManifestsTests
    {
        [Fact]
        public void Clean_deletes_this_projects_files_and_keeps_a_file_a_user_put_in_their_place()
        {
            using var project = new TempProject("<Project />");
            var generate = project.Generate(new MockBuildEngine(), new ITaskItem[] { project.Item("v1", ("ImageTag", "1.0")) });
            Assert.True(generate.Execute());
            var replaced = Path.Combine(project.Output, "advertisements.service.yaml");
            File.WriteAllText(replaced, "# now mine\n");

            var engine = new MockBuildEngine();
            var clean = new DeleteGeneratedManifests
            {
                BuildEngine = engine, ProjectFile = project.ProjectFile, FileListFile = generate.FileListFile,
                OutputPath = project.Output, OutputPathAsSet = "manifests/", ServiceName = "advertisements",
            };
            Assert.True(clean.Execute());

            Assert.Equal(new[] { replaced }, Directory.GetFiles(project.Output));
            Assert.Equal("# now mine\n", File.ReadAllText(replaced));
            Assert.False(File.Exists(generate.FileListFile));
            var warning = Assert.Single(engine.Warnings);
            Assert.Equal("MT4011", warning.Code);
            Assert.EndsWith("but it was kept: it has no ManifestTools header, so it is someone's own file", warning.Message);
        }
    }
}
