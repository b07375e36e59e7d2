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
            // Relative to the project folder: a copy of the checkout reads its own files from a copied obj/, not the original's.
            Assert.Equal(expected.Select(f => "manifests/" + f), File.ReadAllLines(task.FileListFile));
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
        public void The_traffic_api_reaches_the_generator_in_any_case()
        {
            using var project = new TempProject(Project);
            var task = project.Generate(new MockBuildEngine(), Versions(project, "90", "10"), Routes(project));
            task.TrafficApi = "gatewayApi";

            Assert.True(task.Execute());

            Assert.Equal(new[]
            {
                "advertisements-v1.deployment.yaml", "advertisements-v2.deployment.yaml", "advertisements.service.yaml",
                "advertisements-v1.service.yaml", "advertisements-v2.service.yaml", "advertisements.httproute.yaml",
            }.Select(f => Path.Combine(project.Output, f)), task.GeneratedFiles.Select(i => i.ItemSpec));
        }

        [Fact]
        public void An_unknown_traffic_api_is_found_at_its_property_line()
        {
            using var project = new TempProject(Project.Replace("<ManifestNamespace>ns3</ManifestNamespace>",
                "<ManifestNamespace>ns3</ManifestNamespace>\n    <ManifestTrafficApi>Linkerd</ManifestTrafficApi>"));
            var task = project.Generate(new MockBuildEngine(), Versions(project, "90", "10"));
            task.TrafficApi = "Linkerd";

            Assert.True(task.Execute());

            Assert.Empty(task.GeneratedFiles);
            Assert.False(Directory.Exists(project.Output));
            var finding = File.ReadAllText(task.FindingsFile);
            Assert.Contains($"\tMT4005\t{project.ProjectFile}\t{project.LineOf("<ManifestTrafficApi>")}\t5\t", finding);
            Assert.Contains("ManifestTrafficApi 'Linkerd' is not a traffic API", finding);
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
            Assert.False(File.Exists(task.FileListFile));
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

        [Fact]
        public void Hostile_identities_are_findings_at_their_lines_never_a_task_failure()
        {
            const string xml = @"<Project>
  <ItemGroup>
    <ServiceVersion Include=""v%00"" />
    <ServiceVersion Include=""v1%2F.."" />
    <ServiceRoute Include=""r%0A"" Header=""page-source"" Exact=""a"" Weights=""v1"" />
    <ContainerPort Include=""80%00"" />
    <ServiceEnvironmentVariable Include=""A%0D%0AB"" />
  </ItemGroup>
</Project>
";
            using var project = new TempProject(xml);
            var engine = new MockBuildEngine();
            var task = project.Generate(engine, new ITaskItem[] { new PathlessItem("v\0", project.ProjectFile), new PathlessItem("v1/..", project.ProjectFile) });
            task.ServiceRoutes = new ITaskItem[] { new PathlessItem("r\n", project.ProjectFile, ("Header", "page-source"), ("Exact", "a"), ("Weights", "v1")) };
            task.ContainerPorts = new ITaskItem[] { new PathlessItem("80\0", project.ProjectFile) };
            task.EnvironmentVariables = new ITaskItem[] { new PathlessItem("A\r\nB", project.ProjectFile) };

            Assert.True(task.Execute());
            var report = new ReportManifestFindings { BuildEngine = engine, FindingsFiles = new ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(task.FindingsFile) } };
            Assert.False(report.Execute());

            Assert.Equal(new[] { ("MT4003", 3), ("MT4003", 4), ("MT4003", 5), ("MT4003", 6), ("MT4003", 7) },
                engine.Errors.Select(e => (e.Code, e.LineNumber)).OrderBy(e => e.LineNumber));
            Assert.All(engine.Errors, e => Assert.DoesNotContain("\n", e.Message!));
            Assert.Contains(engine.Errors, e => e.Message!.StartsWith("ServiceEnvironmentVariable 'A\\u000D\\u000AB' holds the control character U+000D", System.StringComparison.Ordinal));
            Assert.False(Directory.Exists(project.Output));
        }

        [Fact]
        public void An_output_path_at_the_root_is_refused_and_nothing_is_written()
        {
            using var project = new TempProject(Project);
            var engine = new MockBuildEngine();
            var task = project.Generate(engine, Versions(project, "90", "10"));
            task.OutputPath = "/";
            task.OutputPathAsSet = "/";

            Assert.True(task.Execute());

            var finding = File.ReadAllText(task.FindingsFile);
            Assert.Contains("\tMT4013\t", finding);
            Assert.Contains("ManifestOutputPath '/' is the root of the file system", finding);
            Assert.False(File.Exists("/advertisements.service.yaml"));
        }

        [Fact]
        public void A_state_file_that_cannot_be_written_fails_before_the_output_changes()
        {
            using var project = new TempProject(Project);
            Assert.True(project.Generate(new MockBuildEngine(), Versions(project, "90", "10")).Execute());
            var before = Snapshot(project.Output);
            var engine = new MockBuildEngine();
            var task = project.Generate(engine, Versions(project, "80", "20"));
            File.Delete(task.StampFile);
            Directory.CreateDirectory(task.StampFile);

            Assert.False(task.Execute());

            Assert.Equal(before, Snapshot(project.Output));
            var error = Assert.Single(engine.Errors);
            Assert.Equal("MT4009", error.Code);
            Assert.Contains("generate.stamp", error.Message);
            Assert.EndsWith("; the output folder was not changed", error.Message);
        }

        [Theory]
        [InlineData("MT4008", false, "")]
        [InlineData("", true, "")]
        public void A_warning_that_MSBuild_turns_into_an_error_keeps_the_output_as_it_was(string warningsAsErrors, bool treatAll, string noWarn)
        {
            using var project = new TempProject(Project);
            Assert.True(project.Generate(new MockBuildEngine(), Versions(project, "90", "10")).Execute());
            var before = Snapshot(project.Output);
            var task = project.Generate(new MockBuildEngine(), new[] { project.Item("v1", ("ImageTag", "1.0"), ("Weight", "90")), project.Item("v2", ("ImageTag", "1.0"), ("Weight", "10")) });
            task.WarningsAsErrors = warningsAsErrors;
            task.TreatWarningsAsErrors = treatAll;
            task.NoWarn = noWarn;

            Assert.True(task.Execute());

            Assert.Equal(before, Snapshot(project.Output));
            Assert.Contains("\tMT4008\t", File.ReadAllText(task.FindingsFile));
            Assert.False(File.Exists(task.StampFile));
        }

        [Fact]
        public void A_warning_that_stays_a_warning_writes_the_output()
        {
            using var project = new TempProject(Project);
            var task = project.Generate(new MockBuildEngine(), new[] { project.Item("v1", ("ImageTag", "1.0"), ("Weight", "90")), project.Item("v2", ("ImageTag", "1.0"), ("Weight", "10")) });
            task.TreatWarningsAsErrors = true;
            task.WarningsNotAsErrors = "MT4008";

            Assert.True(task.Execute());

            Assert.True(File.Exists(task.StampFile));
            Assert.Equal(5, task.GeneratedFiles.Length);
        }

        [Fact]
        public void Findings_of_items_with_one_identity_twice_or_in_two_cases_are_at_their_own_lines()
        {
            const string xml = @"<Project>
  <ItemGroup>
    <ServiceVersion Include=""v1"" Weight=""fifty"" />
    <ServiceVersion Include=""V1"" />
    <ServiceVersion Include=""v3"" Weight=""+5"" />
    <ServiceVersion Include=""v3"" />
  </ItemGroup>
</Project>
";
            using var project = new TempProject(xml);
            var engine = new MockBuildEngine();
            var task = project.Generate(engine, new[]
            {
                project.Item("v1", ("Weight", "fifty")), project.Item("V1"), project.Item("v3", ("Weight", "+5")), project.Item("v3"),
            });

            Assert.True(task.Execute());
            new ReportManifestFindings { BuildEngine = engine, FindingsFiles = new ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(task.FindingsFile) } }.Execute();

            Assert.Contains(engine.Errors, e => e.Code == "MT4005" && e.LineNumber == 3 && e.Message!.StartsWith("Weight 'fifty' of v1", System.StringComparison.Ordinal));
            Assert.Contains(engine.Errors, e => e.Code == "MT4005" && e.LineNumber == 5 && e.Message!.StartsWith("Weight '+5' of v3", System.StringComparison.Ordinal));
            Assert.Contains(engine.Errors, e => e.Code == "MT4004" && e.LineNumber == 6);
        }

        private static System.Collections.Generic.SortedDictionary<string, string> Snapshot(string folder)
        {
            var snapshot = new System.Collections.Generic.SortedDictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
            {
                snapshot[entry] = Directory.Exists(entry) ? "<folder>" : System.Convert.ToBase64String(File.ReadAllBytes(entry));
            }

            return snapshot;
        }
    }

    /// <summary>
    /// An item as MSBuild gives a task one whose identity is no path: reading its built-in path metadata (FullPath,
    /// RootDir, ...) throws, as MSBuild's own items do.
    /// </summary>
    internal sealed class PathlessItem : ITaskItem
    {
        private static readonly string[] PathMetadata = { "FullPath", "RootDir", "Filename", "Extension", "RelativeDir", "Directory", "ModifiedTime", "CreatedTime", "AccessedTime" };
        private readonly System.Collections.Generic.Dictionary<string, string> _metadata = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);

        public PathlessItem(string itemSpec, string definingProject, params (string Name, string Value)[] metadata)
        {
            ItemSpec = itemSpec;
            _metadata["DefiningProjectFullPath"] = definingProject;
            foreach (var (name, value) in metadata)
            {
                _metadata[name] = value;
            }
        }

        public string ItemSpec { get; set; }
        public System.Collections.ICollection MetadataNames => _metadata.Keys.Concat(PathMetadata).ToList();
        public int MetadataCount => _metadata.Count + PathMetadata.Length;

        public string GetMetadata(string metadataName) =>
            PathMetadata.Contains(metadataName, System.StringComparer.OrdinalIgnoreCase)
                ? throw new System.InvalidOperationException($"The item metadata \"%({metadataName})\" cannot be applied to the path \"{ItemSpec}\".")
                : _metadata.TryGetValue(metadataName, out var value) ? value : "";

        public void SetMetadata(string metadataName, string metadataValue) => _metadata[metadataName] = metadataValue;
        public void RemoveMetadata(string metadataName) => _metadata.Remove(metadataName);
        public void CopyMetadataTo(ITaskItem destinationItem) => throw new System.NotSupportedException();
        public System.Collections.IDictionary CloneCustomMetadata() => new System.Collections.Generic.Dictionary<string, string>(_metadata);
    }
}
