using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ManifestTools.Configuration;
using ManifestTools.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ManifestTools.Tasks
{
    /// <summary>Lints the generated manifests and the ManifestFile items together, writing the findings for the report target.</summary>
    public sealed class LintManifests : Task
    {
        [Required] public string FindingsFile { get; set; } = "";

        public ITaskItem[] GeneratedFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The hand-written manifests, as the project declared them: a missing one is reported at its item.</summary>
        public ITaskItem[] ManifestFiles { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The namespace of objects without metadata.namespace: the service's, as <c>kubectl apply -n</c> would use.</summary>
        public string DefaultNamespace { get; set; } = "";
        public string ClusterDomain { get; set; } = "";

        /// <summary>The repository's .manifest-tools.yaml; empty when there is none.</summary>
        public string ConfigFile { get; set; } = "";

        /// <summary>
        /// False when the compiler's ManifestTools analyzer lints the same files in this build: the task then only checks
        /// that the ManifestFile items exist (MT4010), so that each finding is reported once.
        /// </summary>
        public bool Lint { get; set; } = true;

        public override bool Execute()
        {
            var options = new LintOptions();
            var configErrors = new List<Finding>();
            if (!string.IsNullOrWhiteSpace(ConfigFile))
            {
                var config = ManifestToolsConfig.Load(ConfigFile, out var errors);
                config?.ApplyTo(options);
                configErrors.AddRange(errors.Select(Finding.From));
            }

            // What the project sets wins over the configuration file, as the command line does for the CLI.
            if (!string.IsNullOrWhiteSpace(DefaultNamespace))
            {
                options.DefaultNamespace = DefaultNamespace.Trim();
            }

            if (!string.IsNullOrWhiteSpace(ClusterDomain))
            {
                options.ClusterDomain = ClusterDomain.Trim();
            }

            var locator = new ProjectFileLocator();
            var missing = ManifestFiles.Where(f => !(FullPath(f) is string path && File.Exists(path))).Select(f =>
            {
                var site = locator.Item(f.GetMetadata("DefiningProjectFullPath"), "ManifestFile", f.ItemSpec);
                var descriptor = DiagnosticCatalog.ManifestFileNotFound;
                string problem = FullPath(f) is string path && Directory.Exists(path)
                    ? $"is a folder, not a file: name its manifests with a wildcard, such as {f.ItemSpec.TrimEnd('/', '\\')}/**/*.yaml"
                    : "does not exist";
                return new Finding(descriptor.DefaultSeverity, descriptor.Id, site.File, site.Span, descriptor.FormatMessage(f.ItemSpec, problem));
            }).ToList();

            if (!Lint)
            {
                Finding.WriteAll(FindingsFile, missing);
                return true;
            }

            var paths = GeneratedFiles.Concat(ManifestFiles).Select(FullPath).OfType<string>().Where(File.Exists)
                .Where(path => !(options.Config?.IsIgnored(path) ?? false))
                .Distinct(StringComparer.Ordinal).ToList();
            var (report, ioErrors) = ManifestLinter.LintPaths(paths, options);
            // The analyzer reports a broken configuration itself when it lints; here it is reported only when the task lints.
            var findings = configErrors.Concat(missing).Concat(report.Diagnostics.Select(Finding.From))
                .Concat(ioErrors.Select(e => new Finding(Severity.Error, DiagnosticCatalog.YamlSyntax.Id, "", SourceSpan.At(0, 0), "cannot read manifest " + e)));
            Finding.WriteAll(FindingsFile, findings);
            Log.LogMessage(MessageImportance.Low, "ManifestTools: linted {0} objects in {1} files", report.ObjectCount, report.FileCount);
            return true;
        }

        /// <summary>Null for an identity that is no path: MSBuild throws for its FullPath, and it names no file.</summary>
        private static string? FullPath(ITaskItem item)
        {
            try
            {
                string full = item.GetMetadata("FullPath");
                return string.IsNullOrEmpty(full) ? Path.GetFullPath(item.ItemSpec) : full;
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException)
            {
                return null;
            }
        }
    }
}
