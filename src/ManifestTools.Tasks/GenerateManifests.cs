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

        /// <summary>
        /// The codes MSBuild turns from warnings into errors, and the switches that decide it: a warning that fails the
        /// build must stop the output from changing as an error does, since a failed build leaves the folder as it was.
        /// </summary>
        public string WarningsAsErrors { get; set; } = "";
        public string WarningsNotAsErrors { get; set; } = "";
        public bool TreatWarningsAsErrors { get; set; }
        public string NoWarn { get; set; } = "";

        public string TemplatePath { get; set; } = "";
        public string ServiceName { get; set; } = "";
        public string Namespace { get; set; } = "";
        public string ContainerRegistry { get; set; } = "";
        public string ContainerRepository { get; set; } = "";
        public string ContainerImageTag { get; set; } = "";
        public string VersionEnvironmentVariable { get; set; } = "";

        public string ReadinessProbePath { get; set; } = "";

        public string LivenessProbePath { get; set; } = "";

        /// <summary>ManifestTrafficApi: Istio or GatewayApi; the core checks the value.</summary>
        public string TrafficApi { get; set; } = "";

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
                // The state files in obj/, written before the output folder changes; the manifests themselves are written
                // by the core, which reports MT4009 at each. The exception's message names the file.
                var descriptor = DiagnosticCatalog.OutputWriteFailed;
                string state = Path.GetDirectoryName(Path.GetFullPath(FileListFile))!;
                MSBuildPositions.Log(Log, new Finding(descriptor.DefaultSeverity, descriptor.Id, ProjectFile, SourceSpan.At(0, 0),
                    descriptor.FormatMessage(state, e.Message.TrimEnd('.', ' ') + "; the output folder was not changed")));
                return false;
            }
        }

        private bool Generate()
        {
            string project = Path.GetFullPath(ProjectFile);
            string projectDirectory = Path.GetDirectoryName(project)!;
            var locator = new ProjectFileLocator();
            var location = OutputLocation.Check(project, OutputPath, OutputPathAsSet, locator.PropertyText(project, "ManifestOutputPath"),
                AllowOutputOutsideRepository, locator.Property(project, "ManifestOutputPath"));

            // A path with a control character has no full form; it is reported above, and nothing is written anywhere.
            string output = OutputPath.Any(char.IsControl) ? projectDirectory : Path.GetFullPath(OutputPath);
            var declaration = Declare(locator, project, output);
            var (_, files, generateFindings) = ManifestGenerator.Generate(declaration, PackageTemplatePath, TemplatePath, projectDirectory);
            var findings = generateFindings.ToList();
            if (location != null)
            {
                findings.Add(location);
            }

            var previous = GeneratedFileList.Read(FileListFile, projectDirectory);
            WritePlan? plan = null;
            if (!findings.Any(f => f.Severity == Severity.Error))
            {
                plan = GeneratedFileWriter.Plan(output, new GeneratedFileOwner(declaration.OwnerProject, declaration.ServiceName.Value.Trim()), files, previous);
                findings.AddRange(plan.Diagnostics);
            }

            if (plan == null || findings.Any(FailsTheBuild))
            {
                Finding.WriteAll(FindingsFile, findings.Select(Finding.From));
                DeleteStamp();
                return true;
            }

            // Everything in obj/ that can fail is written before the folder changes: the record covers both runs' files,
            // and the findings and the stamp are those of a success. Only a failed commit then changes them again.
            GeneratedFileList.Write(FileListFile, projectDirectory, previous.Concat(plan.Files));
            Finding.WriteAll(FindingsFile, findings.Select(Finding.From));
            File.WriteAllText(StampFile, "");

            var result = plan.Commit();
            foreach (var path in result.Written)
            {
                Log.LogMessage(MessageImportance.Normal, "ManifestTools: wrote {0}", path);
            }

            foreach (var path in result.Deleted)
            {
                Log.LogMessage(MessageImportance.Normal, "ManifestTools: deleted {0}, which the project no longer generates", path);
            }

            if (!result.Succeeded)
            {
                Finding.WriteAll(FindingsFile, generateFindings.Concat(result.Diagnostics).Select(Finding.From));
                DeleteStamp();
                return true;
            }

            GeneratedFiles = result.Files.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
            GeneratedFileList.Write(FileListFile, projectDirectory, result.Files);
            return true;
        }

        /// <summary>An error, or a warning that MSBuild will turn into one: either fails the build, so neither may change the output.</summary>
        private bool FailsTheBuild(ManifestDiagnostic finding)
        {
            if (finding.Severity == Severity.Error)
            {
                return true;
            }

            if (finding.Severity != Severity.Warning || Codes(NoWarn).Contains(finding.Id))
            {
                return false;
            }

            return Codes(WarningsAsErrors).Contains(finding.Id) || (TreatWarningsAsErrors && !Codes(WarningsNotAsErrors).Contains(finding.Id));
        }

        private static HashSet<string> Codes(string list) =>
            new HashSet<string>(list.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);

        private void DeleteStamp()
        {
            if (File.Exists(StampFile))
            {
                File.Delete(StampFile);
            }
        }

        private ServiceDeclaration Declare(ProjectFileLocator locator, string project, string output)
        {
            DeclaredValue Property(string value, string name) => new DeclaredValue(value, locator.Property(project, name, value));
            IReadOnlyList<DeclaredItem> Items(ITaskItem[] items, string itemType) => items.Select((item, index) =>
            {
                string defining = Metadata(item, "DefiningProjectFullPath");
                int occurrence = items.Take(index).Count(i => i.ItemSpec == item.ItemSpec);
                var site = locator.Item(string.IsNullOrEmpty(defining) ? project : defining, itemType, item.ItemSpec, occurrence);
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
                OwnerProject = GeneratedFileList.OwnerProject(output, project),
                ProjectSite = new DeclarationSite(project, SourceSpan.At(0, 0)),
                ServiceName = Property(ServiceName, "ManifestServiceName"),
                Namespace = Property(Namespace, "ManifestNamespace"),
                Registry = Property(ContainerRegistry, "ContainerRegistry"),
                Repository = Property(ContainerRepository, "ContainerRepository"),
                DefaultImageTag = Property(ContainerImageTag, "ContainerImageTag"),
                VersionEnvironmentVariable = Property(VersionEnvironmentVariable, "ManifestVersionEnvironmentVariable"),
                ReadinessProbePath = Property(ReadinessProbePath, "ManifestReadinessProbePath"),
                LivenessProbePath = Property(LivenessProbePath, "ManifestLivenessProbePath"),
                TrafficApi = Property(TrafficApi, "ManifestTrafficApi"),
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
    }
}
