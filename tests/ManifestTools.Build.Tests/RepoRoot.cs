using System;
using System.IO;

namespace ManifestTools.Build.Tests
{
    /// <summary>The repository checkout: the package's source and the committed sample.</summary>
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
