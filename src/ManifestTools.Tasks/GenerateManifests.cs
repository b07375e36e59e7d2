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
    /// report target. <see cref="FileListFile"/> lists the files this project generated, relative to the project folder,
    /// for clean and for deleting stale files; <see cref="StampFile"/> is written only on success, so a failed run is
    /// retried by the next build.
    /// </summary>
    public sealed class GenerateManifests : Task
    {
        [Required] public string ProjectFile { get; set; } = "";
        [Required] public string OutputPath { get; set; } = "";
        [Required] public string PackageTemplatePath { get; set; } = "";
        [Required] public string FileListFile { get; set; } = "";
        [Required] public string StampFile { get; set; } = "";
        [Required] public string FindingsFile { get; set; } = "";

        /// <summary>ManifestOutputPath as the project set it, before the targets resolved it against the project folder.</summary>
        public string OutputPathAsSet { get; set; } = "";

        public bool AllowOutputOutsideRepository { get; set; }

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

        /// <summary>The only metadata the tasks read: built-in metadata such as FullPath throws for an identity that is no path.</summary>
        private static readonly IReadOnlyDictionary<string, string[]> MetadataOf = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["ServiceVersion"] = new[] { "ImageTag", "Weight", "Replicas" },
            ["ServiceRoute"] = new[] { "Header", "Exact", "Prefix", "Regex", "Weights" },
            ["ContainerPort"] = new[] { "Type", "Name" },
            ["ServiceEnvironmentVariable"] = new[] { "Value", "Versions" },
        };

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
            string project = Path.GetFullPath(ProjectFile);
            string projectDirectory = Path.GetDirectoryName(project)!;
            string output = Path.GetFullPath(OutputPath);
            var locator = new ProjectFileLocator();
            var declaration = Declare(locator, project, output);
            var findings = new List<ManifestDiagnostic>();

            var (_, files, generateFindings) = ManifestGenerator.Generate(declaration, PackageTemplatePath, TemplatePath, projectDirectory);
            findings.AddRange(generateFindings);
            var location = OutputLocation.Check(project, output, OutputPathAsSet, locator.PropertyText(project, "ManifestOutputPath"),
                AllowOutputOutsideRepository, locator.Property(project, "ManifestOutputPath"));
            if (location != null)
            {
                findings.Add(location);
            }

            var previous = ReadFileList(projectDirectory);
            bool succeeded = !findings.Any(f => f.Severity == Severity.Error);
            if (succeeded)
            {
                var owner = new GeneratedFileOwner(declaration.OwnerProject, declaration.ServiceName.Value.Trim());
                var plan = GeneratedFileWriter.Plan(output, owner, files, previous);
                if (plan.CanCommit)
                {
                    // Before the folder changes, the record covers both runs' files, so that a failure from here on
                    // leaves nothing this project wrote unrecorded.
                    WriteFileList(projectDirectory, previous.Concat(plan.Files));
                }

                var result = plan.Commit();
                findings.AddRange(result.Diagnostics);
                succeeded = result.Succeeded;
                foreach (var path in result.Written)
                {
                    Log.LogMessage(MessageImportance.Normal, "ManifestTools: wrote {0}", path);
                }

                foreach (var path in result.Deleted)
                {
                    Log.LogMessage(MessageImportance.Normal, "ManifestTools: deleted {0}, which the project no longer generates", path);
                }

                if (succeeded)
                {
                    GeneratedFiles = result.Files.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
                    WriteFileList(projectDirectory, result.Files);
                }
            }

            Finding.WriteAll(FindingsFile, findings.Select(Finding.From));
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

        private ServiceDeclaration Declare(ProjectFileLocator locator, string project, string output)
        {
            DeclaredValue Property(string value, string name) => new DeclaredValue(value, locator.Property(project, name));
            IReadOnlyList<DeclaredItem> Items(ITaskItem[] items, string itemType) => items.Select(item =>
            {
                string defining = Metadata(item, "DefiningProjectFullPath");
                var site = locator.Item(string.IsNullOrEmpty(defining) ? project : defining, itemType, item.ItemSpec);
                var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (string name in MetadataOf[itemType])
                {
                    metadata[name] = Metadata(item, name);
                }

                return new DeclaredItem(item.ItemSpec, metadata, site);
            }).ToList();

            return new ServiceDeclaration
            {
                ProjectFileName = Path.GetFileName(project),
                OwnerProject = Path.GetRelativePath(output, project).Replace('\\', '/'),
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

        /// <summary>Custom metadata never throws; a built-in one may, for an identity that is no path, and is then unknown.</summary>
        private static string Metadata(ITaskItem item, string name)
        {
            try
            {
                return item.GetMetadata(name) ?? "";
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException)
            {
                return "";
            }
        }

        /// <summary>The recorded files, as full paths resolved against this project's folder, so that a copied checkout reads its own.</summary>
        private IReadOnlyList<string> ReadFileList(string projectDirectory) =>
            File.Exists(FileListFile)
                ? File.ReadAllLines(FileListFile).Where(l => l.Length > 0 && l.IndexOf('\0') < 0).Select(l => Path.Combine(projectDirectory, l)).ToList()
                : new List<string>();

        private void WriteFileList(string projectDirectory, IEnumerable<string> files)
        {
            var lines = files.Select(f => Path.GetRelativePath(projectDirectory, f).Replace('\\', '/')).Distinct(StringComparer.Ordinal);
            string text = string.Concat(lines.Select(f => f + "\n"));
            if (File.Exists(FileListFile) && File.ReadAllText(FileListFile) == text)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FileListFile))!);
            File.WriteAllText(FileListFile, text);
        }
    }
}
