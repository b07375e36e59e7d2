using System;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ManifestTools.Tasks
{
    /// <summary>Logs the findings that generation and linting recorded, on every build, whether or not they ran this time.</summary>
    public sealed class ReportManifestFindings : Task
    {
        [Required] public ITaskItem[] FindingsFiles { get; set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            foreach (var file in FindingsFiles)
            {
                foreach (var finding in Finding.ReadAll(file.ItemSpec))
                {
                    MSBuildPositions.Log(Log, finding);
                }
            }

            return !Log.HasLoggedErrors;
        }
    }
}
