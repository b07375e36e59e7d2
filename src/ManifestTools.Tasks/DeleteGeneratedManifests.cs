using System.IO;
using System.Linq;
using ManifestTools.Generation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ManifestTools.Tasks
{
    /// <summary>
    /// The clean step: deletes the recorded files of the last generation that are provably this project's, by the
    /// same rules as a build's deletion of stale files. Clean's own FileWrites bookkeeping only deletes files under
    /// bin/ and obj/, and the manifests live next to the project.
    /// </summary>
    public sealed class DeleteGeneratedManifests : Task
    {
        [Required] public string ProjectFile { get; set; } = "";
        [Required] public string FileListFile { get; set; } = "";
        [Required] public string OutputPath { get; set; } = "";
        [Required] public string ServiceName { get; set; } = "";

        public string OutputPathAsSet { get; set; } = "";

        public bool AllowOutputOutsideRepository { get; set; }

        public override bool Execute()
        {
            if (!File.Exists(FileListFile))
            {
                return true;
            }

            string project = Path.GetFullPath(ProjectFile);
            string projectDirectory = Path.GetDirectoryName(project)!;
            var locator = new ProjectFileLocator();
            var location = OutputLocation.Check(project, OutputPath, OutputPathAsSet, locator.PropertyText(project, "ManifestOutputPath"),
                AllowOutputOutsideRepository, locator.Property(project, "ManifestOutputPath"));
            if (location != null)
            {
                MSBuildPositions.Log(Log, Finding.From(location));
                return false;
            }

            string output = Path.GetFullPath(OutputPath);
            var recorded = GeneratedFileList.Read(FileListFile, projectDirectory);
            var owner = new GeneratedFileOwner(GeneratedFileList.OwnerProject(output, project), ServiceName.Trim());
            var result = GeneratedFileWriter.PlanClean(output, owner, recorded).Commit();
            foreach (var path in result.Deleted)
            {
                Log.LogMessage(MessageImportance.Normal, "ManifestTools: deleted {0}", path);
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                MSBuildPositions.Log(Log, Finding.From(diagnostic));
            }

            if (result.Succeeded)
            {
                File.Delete(FileListFile);
            }

            return !Log.HasLoggedErrors;
        }
    }
}
