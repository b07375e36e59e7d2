using System.IO;

namespace ManifestTools.Tests.Generation
{
    /// <summary>Compares with a file in the source tree; UPDATE_GOLDEN=1 rewrites it instead (review the diff), as in the CLI tests.</summary>
    internal static class Golden
    {
        public static void AssertMatches(string actual, string relativePath)
        {
            var sourcePath = Path.Combine(RepoRoot.Path, "tests", "ManifestTools.Core.Tests", relativePath);
            if (System.Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(sourcePath, actual);
            }

            Assert.Equal(File.ReadAllText(sourcePath), actual);
        }
    }
}
