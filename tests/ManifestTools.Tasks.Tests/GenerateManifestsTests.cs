using System.IO;
using System.Linq;
using Microsoft.Build.Framework;

namespace ManifestTools.Tasks.Tests
{
    public class GenerateManifestsTests
    {
        private const string Project = @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <ManifestNamespace>ns3</ManifestNamespace>
  </PropertyGroup>
  <ItemGroup>
    <ServiceVersion Include=""v1"" ImageTag=""1.0"" Weight=""90"" />
    <ServiceVersion Include=""v2"" ImageTag=""2.0"" Weight=""10"" />
    <ServiceRoute Include=""products"" Header=""page-source"" Exact=""products"" Weights=""v1=50;v2=50"" />
  </ItemGroup>
</Project>
";

        [Fact]
        public void Writes_the_manifests_and_the_file_list()
        {
            using var project = new TempProject(Project);
            var engine = new MockBuildEngine();
            var task = project.Generate(engine, Versions(project, "90", "10"), Routes(project));

            Assert.True(task.Execute());

            var expected = new[]
            {
                "advertisements-v1.deployment.yaml", "advertisements-v2.deployment.yaml", "advertisements.service.yaml",
                "advertisements.destinationrule.yaml", "advertisements.virtualservice.yaml",
            };
            Assert.Equal(expected.Select(f => Path.Combine(project.Output, f)), task.GeneratedFiles.Select(i => i.ItemSpec));
            Assert.All(task.GeneratedFiles, f => Assert.True(File.Exists(f.ItemSpec), f.ItemSpec));
            Assert.Equal(task.GeneratedFiles.Select(i => i.ItemSpec), File.ReadAllLines(task.FileListFile));
            Assert.True(File.Exists(task.StampFile));
            Assert.False(File.Exists(task.FindingsFile), "no findings, so no findings file");
            Assert.Empty(engine.Errors);
        }

        [Fact]
        public void A_declaration_error_is_recorded_at_the_item_line_and_blocks_the_file_list()
        {
            using var project = new TempProject(Project);
            var engine = new MockBuildEngine();
            var task = project.Generate(engine, Versions(project, "90", "20"));

            Assert.True(task.Execute()); // The report task fails the build, on this build and every later one.

            Assert.Empty(task.GeneratedFiles);
            Assert.False(File.Exists(task.StampFile), "a failed generation must run again on the next build");
            var report = new ReportManifestFindings { BuildEngine = engine, FindingsFiles = new ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(task.FindingsFile) } };
            Assert.False(report.Execute());

            var error = Assert.Single(engine.Errors);
            Assert.Equal("MT4001", error.Code);
            Assert.Equal(project.ProjectFile, error.File);
            Assert.Equal(project.LineOf("v2"), error.LineNumber);
            Assert.Equal(5, error.ColumnNumber);
            Assert.Equal(project.LineOf("v2"), error.EndLineNumber);
            Assert.Equal(20, error.EndColumnNumber);
            Assert.Equal("the weights of the ServiceVersion items (the default route) add up to 110, not 100: v1=90, v2=20", error.Message);
        }

        [Fact]
        public void A_hand_written_file_in_the_output_folder_is_kept()
        {
            using var project = new TempProject(Project);
            Directory.CreateDirectory(project.Output);
            var mine = Path.Combine(project.Output, "advertisements.service.yaml");
            File.WriteAllText(mine, "# my own Service\n");
            var task = project.Generate(new MockBuildEngine(), Versions(project, "90", "10"));

            Assert.True(task.Execute());

            Assert.Equal("# my own Service\n", File.ReadAllText(mine));
            Assert.Contains("\tMT4006\t", File.ReadAllText(task.FindingsFile));
            Assert.False(File.Exists(task.StampFile));
            // A conflict writes nothing, so no half of the service is left behind for dotnet clean to miss.
            Assert.Equal(new[] { mine }, Directory.GetFiles(project.Output));
            Assert.Empty(File.ReadAllLines(task.FileListFile));
        }

        [Fact]
        public void Files_the_project_no_longer_generates_are_deleted()
        {
            using var project = new TempProject(Project);
            Assert.True(project.Generate(new MockBuildEngine(), Versions(project, "90", "10")).Execute());
            var v2 = Path.Combine(project.Output, "advertisements-v2.deployment.yaml");
            Assert.True(File.Exists(v2));

            var task = project.Generate(new MockBuildEngine(), new[] { project.Item("v1", ("ImageTag", "1.0")) });
            Assert.True(task.Execute());

            Assert.False(File.Exists(v2));
            Assert.Equal(4, task.GeneratedFiles.Length);
        }

        [Fact]
        public void An_unwritable_state_folder_is_an_error_not_a_crash()
        {
            using var project = new TempProject(Project);
            var engine = new MockBuildEngine();
            var task = project.Generate(engine, Versions(project, "90", "10"));
            File.WriteAllText(project.State, "a file where the obj folder should be");

            Assert.False(task.Execute());

            var error = Assert.Single(engine.Errors);
            Assert.Equal("MT4009", error.Code);
            Assert.Equal(project.ProjectFile, error.File);
        }

        private static ITaskItem[] Versions(TempProject project, string weight1, string weight2) => new[]
        {
            project.Item("v1", ("ImageTag", "1.0"), ("Weight", weight1)),
            project.Item("v2", ("ImageTag", "2.0"), ("Weight", weight2)),
        };

        private static ITaskItem[] Routes(TempProject project) => new[]
        {
            project.Item("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "v1=50;v2=50")),
        };
    }
}
