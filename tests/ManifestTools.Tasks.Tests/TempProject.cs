using System;
using System.IO;
using System.Linq;
using ManifestTools.Tests;
using Microsoft.Build.Framework;

namespace ManifestTools.Tasks.Tests
{
    /// <summary>A project folder in the temp directory with a project file whose lines the tests know.</summary>
    internal sealed class TempProject : IDisposable
    {
        public TempProject(string projectXml)
        {
            Directory = Path.Combine(Path.GetTempPath(), "mt-tasks-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            ProjectFile = Path.Combine(Directory, "Advertisements.csproj");
            File.WriteAllText(ProjectFile, projectXml);
        }

        public string Directory { get; }
        public string ProjectFile { get; }
        public string Output => Path.Combine(Directory, "manifests");
        public string State => Path.Combine(Directory, "obj");

        /// <summary>The 1-based line of the first line of the project file that contains the text.</summary>
        public int LineOf(string text) =>
            File.ReadAllLines(ProjectFile).Select((line, i) => (line, i)).First(l => l.line.Contains(text)).i + 1;

        /// <summary>An item as MSBuild passes it to a task: the defining project is well-known metadata.</summary>
        public ITaskItem Item(string identity, params (string Name, string Value)[] metadata)
        {
            var item = new DefinedItem(identity, ProjectFile);
            foreach (var (name, value) in metadata)
            {
                item.SetMetadata(name, value);
            }

            return item;
        }

        public GenerateManifests Generate(MockBuildEngine engine, ITaskItem[] versions, ITaskItem[]? routes = null) => new GenerateManifests
        {
            BuildEngine = engine,
            ProjectFile = ProjectFile,
            OutputPath = Output,
            PackageTemplatePath = Path.Combine(RepoRoot.Path, "templates"),
            TemplatePath = Path.Combine(Directory, "manifest-templates"),
            FileListFile = Path.Combine(State, "generated.txt"),
            StampFile = Path.Combine(State, "generate.stamp"),
            FindingsFile = Path.Combine(State, "generate.findings"),
            ServiceName = "advertisements",
            Namespace = "ns3",
            ContainerRegistry = "registry.example",
            ContainerRepository = "ecommerce/advertisements",
            ServiceVersions = versions,
            ServiceRoutes = routes ?? Array.Empty<ITaskItem>(),
            ContainerPorts = new[] { Item("5002", ("Type", "tcp")) },
        };

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder must not fail the test that already ran.
            }
        }
    }

    /// <summary>MSBuild's TaskItem refuses to set well-known metadata such as DefiningProjectFullPath; MSBuild's own items have it.</summary>
    internal sealed class DefinedItem : ITaskItem
    {
        private readonly System.Collections.Generic.Dictionary<string, string> _metadata = new System.Collections.Generic.Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public DefinedItem(string itemSpec, string definingProject)
        {
            ItemSpec = itemSpec;
            _metadata["DefiningProjectFullPath"] = definingProject;
        }

        public string ItemSpec { get; set; }
        public System.Collections.ICollection MetadataNames => _metadata.Keys;
        public int MetadataCount => _metadata.Count;
        public string GetMetadata(string metadataName) => _metadata.TryGetValue(metadataName, out var value) ? value : "";
        public void SetMetadata(string metadataName, string metadataValue) => _metadata[metadataName] = metadataValue;
        public void RemoveMetadata(string metadataName) => _metadata.Remove(metadataName);
        public void CopyMetadataTo(ITaskItem destinationItem)
        {
            foreach (var pair in _metadata)
            {
                destinationItem.SetMetadata(pair.Key, pair.Value);
            }
        }
        public System.Collections.IDictionary CloneCustomMetadata() => new System.Collections.Generic.Dictionary<string, string>(_metadata);
    }
}
