using System.IO;
using System.Linq;
using ManifestTools.Generation;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ManifestTools.Tasks
{
    /// <summary>
    /// The clean step: deletes the files of the last generation that still carry this project's header. Clean's own
    /// FileWrites bookkeeping only deletes files under bin/ and obj/, and the manifests live next to the project.
    /// </summary>
    public sealed class DeleteGeneratedManifests : Task
    {
        [Required] public string ProjectFile { get; set; } = "";
        [Required] public string FileListFile { get; set; } = "";

        public override bool Execute()
        {
            if (!File.Exists(FileListFile))
            {
                return true;
            }

            var result = GeneratedFileWriter.Delete(File.ReadAllLines(FileListFile), Path.GetFileName(ProjectFile));
            foreach (var path in result.Deleted)
            {
                Log.LogMessage(MessageImportance.Normal, "ManifestTools: deleted {0}", path);
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                MSBuildPositions.Log(Log, Finding.From(diagnostic));
            }

            File.Delete(FileListFile);
            return !Log.HasLoggedErrors;
        }
    }
}
