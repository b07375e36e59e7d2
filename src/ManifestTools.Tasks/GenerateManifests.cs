using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Generation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ManifestTools.Tasks
{
    /// <summary>
    /// Renders the service's manifests into <see cref="OutputPath"/>. Findings go to <see cref="FindingsFile"/> for the
    /// report target. <see cref="FileListFile"/> always lists the files this project owns, for clean and for deleting
    /// stale files; <see cref="StampFile"/> is written only on success, so a failed run is retried by the next build.
    /// </summary>
    public sealed class GenerateManifests : Task
    {
        [Required] public string ProjectFile { get; set; } = "";
        [Required] public string OutputPath { get; set; } = "";
        [Required] public string PackageTemplatePath { get; set; } = "";
        [Required] public string FileListFile { get; set; } = "";
        [Required] public string StampFile { get; set; } = "";
        [Required] public string FindingsFile { get; set; } = "";

        public string TemplatePath { get; set; } = "";
        public string ServiceName { get; set; } = "";
        public string Namespace { get; set; } = "";
        public string ContainerRegistry { get; set; } = "";
        public string ContainerRepository { get; set; } = "";
        public string ContainerImageTag { get; set; } = "";
        public string VersionEnvironmentVariable { get; set; } = "";

        public string ReadinessProbePath { get; set; } = "";

        public string LivenessProbePath { get; set; } = "";

        public ITaskItem[] ServiceVersions { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] ServiceRoutes { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] ContainerPorts { get; set; } = Array.Empty<ITaskItem>();
        public ITaskItem[] EnvironmentVariables { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Every file this project generated, for FileWrites and for linting.</summary>
        [Output] public ITaskItem[] GeneratedFiles { get; private set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            try
            {
                return Generate();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // The state files in obj/; the manifests themselves are written by the core, which reports MT4009.
                var descriptor = DiagnosticCatalog.OutputWriteFailed;
                MSBuildPositions.Log(Log, new Finding(descriptor.DefaultSeverity, descriptor.Id, ProjectFile, SourceSpan.At(0, 0), descriptor.FormatMessage(FileListFile, e.Message)));
                return false;
            }
        }

        private bool Generate()
        {
            var locator = new ProjectFileLocator();
            var declaration = Declare(locator);
            var findings = new List<ManifestDiagnostic>();
            var previous = ReadFileList();

            var (model, files, generateFindings) = ManifestGenerator.Generate(declaration, PackageTemplatePath, TemplatePath, Path.GetDirectoryName(ProjectFile)!);
            findings.AddRange(generateFindings);
            if (model != null && files.Count > 0)
            {
                var result = GeneratedFileWriter.Write(Path.GetFullPath(OutputPath), files, previous, declaration.ProjectFileName, model.Name);
                findings.AddRange(result.Diagnostics);
                foreach (var path in result.Written)
                {
                    Log.LogMessage(MessageImportance.Normal, "ManifestTools: wrote {0}", path);
                }

                foreach (var path in result.Deleted)
                {
                    Log.LogMessage(MessageImportance.Normal, "ManifestTools: deleted {0}, which the project no longer generates", path);
                }

                GeneratedFiles = result.Files.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
            }

            Finding.WriteAll(FindingsFile, findings.Select(Finding.From));
            bool succeeded = !findings.Any(f => f.Severity == Severity.Error);
            // A failed run keeps the earlier entries too: files it did not get to are still this project's to clean.
            var owned = GeneratedFiles.Select(f => f.ItemSpec);
            WriteFileList(succeeded ? owned : previous.Concat(owned).Distinct(StringComparer.Ordinal));
            if (succeeded)
            {
                File.WriteAllText(StampFile, "");
            }
            else if (File.Exists(StampFile))
            {
                File.Delete(StampFile);
            }

            return true;
        }

        private ServiceDeclaration Declare(ProjectFileLocator locator)
        {
            string project = Path.GetFullPath(ProjectFile);
            DeclaredValue Property(string value, string name) => new DeclaredValue(value, locator.Property(project, name));
            IReadOnlyList<DeclaredItem> Items(ITaskItem[] items, string itemType) => items.Select(item =>
            {
                string defining = item.GetMetadata("DefiningProjectFullPath");
                var site = locator.Item(string.IsNullOrEmpty(defining) ? project : defining, itemType, item.ItemSpec);
                var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (string name in item.MetadataNames)
                {
                    metadata[name] = item.GetMetadata(name);
                }

                return new DeclaredItem(item.ItemSpec, metadata, site);
            }).ToList();

            return new ServiceDeclaration
            {
                ProjectFileName = Path.GetFileName(project),
                ProjectSite = new DeclarationSite(project, SourceSpan.At(0, 0)),
                ServiceName = Property(ServiceName, "ManifestServiceName"),
                Namespace = Property(Namespace, "ManifestNamespace"),
                Registry = Property(ContainerRegistry, "ContainerRegistry"),
                Repository = Property(ContainerRepository, "ContainerRepository"),
                DefaultImageTag = Property(ContainerImageTag, "ContainerImageTag"),
                VersionEnvironmentVariable = Property(VersionEnvironmentVariable, "ManifestVersionEnvironmentVariable"),
                ReadinessProbePath = Property(ReadinessProbePath, "ManifestReadinessProbePath"),
                LivenessProbePath = Property(LivenessProbePath, "ManifestLivenessProbePath"),
                Versions = Items(ServiceVersions, "ServiceVersion"),
                Routes = Items(ServiceRoutes, "ServiceRoute"),
                Ports = Items(ContainerPorts, "ContainerPort"),
                EnvironmentVariables = Items(EnvironmentVariables, "ServiceEnvironmentVariable"),
            };
        }

        private IReadOnlyList<string> ReadFileList() =>
            File.Exists(FileListFile) ? File.ReadAllLines(FileListFile).Where(l => l.Length > 0).ToList() : new List<string>();

        private void WriteFileList(IEnumerable<string> files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FileListFile))!);
            File.WriteAllText(FileListFile, string.Concat(files.Select(f => f + "\n")));
        }
    }
}
