using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ManifestTools.Tasks
{
    /// <summary>
    /// The record in obj/ of the files a project generated, and the project path its headers name. Both are relative,
    /// so that a copied or moved checkout reads its own files, never the original's.
    /// </summary>
    internal static class GeneratedFileList
    {
        /// <summary>The recorded files as full paths, resolved against the project folder; none when there is no record.</summary>
        public static IReadOnlyList<string> Read(string listFile, string projectDirectory) =>
            File.Exists(listFile)
                ? File.ReadAllLines(listFile).Where(l => l.Length > 0 && l.IndexOf('\0') < 0).Select(l => Path.Combine(projectDirectory, l)).ToList()
                : new List<string>();

        /// <summary>Writes the files relative to the project folder, only when that changes the record.</summary>
        public static void Write(string listFile, string projectDirectory, IEnumerable<string> files)
        {
            var lines = files.Select(f => Slashes(Path.GetRelativePath(projectDirectory, f))).Distinct(StringComparer.Ordinal);
            string text = string.Concat(lines.Select(f => f + "\n"));
            if (File.Exists(listFile) && File.ReadAllText(listFile) == text)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(listFile))!);
            File.WriteAllText(listFile, text);
        }

        /// <summary>The project as generated headers name it: its path relative to the output folder, with '/' on every system.</summary>
        public static string OwnerProject(string outputDirectory, string projectFile) => Slashes(Path.GetRelativePath(outputDirectory, projectFile));

        private static string Slashes(string path) => path.Replace('\\', '/');
    }
}
