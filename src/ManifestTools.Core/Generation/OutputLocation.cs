using System;
using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation
{
    /// <summary>
    /// Whether a project may write to its output folder: never a file system root, never a path that is absolute only
    /// because an empty property stood in front of it, and, unless the project opts in, only inside its repository.
    /// </summary>
    public static class OutputLocation
    {
        /// <param name="outputDirectory">The full path the build resolved ManifestOutputPath to.</param>
        /// <param name="asSet">ManifestOutputPath as evaluated, before it was resolved against the project folder.</param>
        /// <param name="definition">The property's text in the project file, before evaluation; null when the project file does not set it.</param>
        public static ManifestDiagnostic? Check(string projectFile, string outputDirectory, string asSet, string? definition,
            bool allowOutsideRepository, DeclarationSite site) =>
            Check(OutputFileSystem.Disk, projectFile, outputDirectory, asSet, definition, allowOutsideRepository, site);

        internal static ManifestDiagnostic? Check(OutputFileSystem fileSystem, string projectFile, string outputDirectory, string asSet,
            string? definition, bool allowOutsideRepository, DeclarationSite site)
        {
            string shown = $"'{Checks.DeclaredTextCheck.Visible(asSet)}'";
            if (outputDirectory.Any(Checks.DeclaredTextCheck.IsControl) || asSet.Any(Checks.DeclaredTextCheck.IsControl))
            {
                return Report(site, $"{shown} holds a control character, which no folder name should", "write the path without it");
            }

            string full = Trim(Path.GetFullPath(outputDirectory));
            if (string.Equals(full, Trim(Path.GetPathRoot(full) ?? ""), StringComparison.Ordinal) || full.Length == 0)
            {
                return Report(site, $"{shown} is the root of the file system", "point it at a folder of its own, such as manifests/");
            }

            if (EmptyPropertyInFront(asSet, definition) is string property)
            {
                return Report(site, $"{shown} starts at the root of the file system because $({property}) in front of it is empty",
                    $"define {property}, or write a path relative to the project");
            }

            if (allowOutsideRepository)
            {
                return null;
            }

            string projectDirectory = Trim(Path.GetDirectoryName(Path.GetFullPath(projectFile))!);
            string? repository = RepositoryOf(fileSystem, projectDirectory);
            string root = repository ?? projectDirectory;
            string allow = "set ManifestAllowOutputOutsideRepository to true to allow it";
            if (!IsUnder(full, root))
            {
                return Report(site, repository != null
                        ? $"{shown} resolves to {full}, outside the repository {root} (the nearest folder above the project that holds .git)"
                        : $"{shown} resolves to {full}, outside the project folder {root}, and no folder above the project holds .git",
                    allow);
            }

            for (string? directory = full; directory != null && directory.Length > root.Length; directory = Path.GetDirectoryName(directory))
            {
                if (fileSystem.IsLink(directory))
                {
                    return Report(site, $"{shown} goes through the symbolic link {directory}, which may lead out of {root}", allow);
                }
            }

            return null;
        }

        /// <summary>The nearest folder at or above <paramref name="directory"/> that holds .git (a folder, or a file in a worktree or submodule).</summary>
        private static string? RepositoryOf(OutputFileSystem fileSystem, string directory)
        {
            for (string? current = directory; current != null; current = Path.GetDirectoryName(current))
            {
                string git = Path.Combine(current, ".git");
                if (fileSystem.DirectoryExists(git) || fileSystem.FileExists(git))
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>
        /// The property whose empty value made the path absolute: the definition is <c>$(Name)</c>, a separator and
        /// literal text, and the evaluated value is that text alone.
        /// </summary>
        private static string? EmptyPropertyInFront(string asSet, string? definition)
        {
            if (definition == null || !definition.StartsWith("$(", StringComparison.Ordinal) || asSet.Length == 0 || !IsSeparator(asSet[0]))
            {
                return null;
            }

            int close = definition.IndexOf(')');
            if (close < 3 || close + 1 >= definition.Length || !IsSeparator(definition[close + 1]))
            {
                return null;
            }

            // Only a plain property, and only when nothing else in the path is evaluated: then the value is known to be
            // the rest of the text exactly when the property was empty. $(RepoRoot)/$(Deploy)/ could be either, and is
            // left to the repository check.
            string name = definition.Substring(2, close - 2);
            string rest = definition.Substring(close + 1);
            bool plain = (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '-');
            return plain && rest.IndexOf("$(", StringComparison.Ordinal) < 0 && rest.IndexOf("@(", StringComparison.Ordinal) < 0 &&
                rest.IndexOf("%(", StringComparison.Ordinal) < 0 && asSet == rest ? name : null;
        }

        private static bool IsSeparator(char c) => c == '/' || c == '\\';

        private static bool IsUnder(string path, string root) =>
            string.Equals(path, root, PathComparison) ||
            path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? root : root + Path.DirectorySeparatorChar, PathComparison);

        private static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        private static string Trim(string path) =>
            path.Length > 1 ? path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : path;

        private static ManifestDiagnostic Report(DeclarationSite site, string problem, string fix)
        {
            var descriptor = DiagnosticCatalog.UnsafeOutputPath;
            return new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, site.File, site.Span, descriptor.FormatMessage(problem, fix), null);
        }
    }
}
