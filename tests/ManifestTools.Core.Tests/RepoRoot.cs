using System;
using System.IO;

namespace ManifestTools.Tests
{
    /// <summary>The repository checkout, for tests that read its docs and samples.</summary>
    internal static class RepoRoot
    {
        public static string Path { get; } = Find();

        private static string Find()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "ManifestTools.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("ManifestTools.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
