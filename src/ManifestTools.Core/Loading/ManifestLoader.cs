using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ManifestTools.Loading
{
    /// <summary>What loading a set of paths produced: parsed files in a stable order, and I/O failures.</summary>
    public sealed class LoadResult
    {
        public LoadResult(IReadOnlyList<ParsedFile> files, IReadOnlyList<string> ioErrors)
        {
            Files = files;
            IoErrors = ioErrors;
        }

        public IReadOnlyList<ParsedFile> Files { get; }

        /// <summary>Paths that do not exist or cannot be read; the CLI exits 2 when there are any.</summary>
        public IReadOnlyList<string> IoErrors { get; }
    }

    public static class ManifestLoader
    {
        private static readonly string[] Extensions = { ".yaml", ".yml", ".json" };

        /// <summary>
        /// Loads files and directories (recursively, skipping hidden directories such as .git and .github).
        /// Files are parsed in parallel; results keep the sorted path order, so output is deterministic.
        /// </summary>
        public static LoadResult Load(IEnumerable<string> paths, LintOptions options)
        {
            var ioErrors = new List<string>();
            var inputs = new List<(string Display, string Full)>();
            foreach (var path in paths)
            {
                if (File.Exists(path))
                {
                    inputs.Add((Normalize(path), Path.GetFullPath(path)));
                }
                else if (Directory.Exists(path))
                {
                    inputs.AddRange(Enumerate(path).Select(file => (Normalize(file), Path.GetFullPath(file))));
                }
                else
                {
                    ioErrors.Add($"{path}: no such file or directory");
                }
            }

            var unique = inputs.GroupBy(i => i.Full, StringComparer.Ordinal).Select(g => g.First()).ToArray();
            var files = new ParsedFile?[unique.Length];
            var errors = new string?[unique.Length];
            Parallel.For(0, unique.Length, i =>
            {
                try
                {
                    files[i] = ManifestParser.ParseFile(unique[i].Display, unique[i].Full, options);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    errors[i] = $"{unique[i].Display}: {ex.Message}";
                }
            });

            ioErrors.AddRange(errors.Where(e => e != null).Select(e => e!));
            return new LoadResult(files.Where(f => f != null).Select(f => f!).ToArray(), ioErrors);
        }

        private static IEnumerable<string> Enumerate(string directory)
        {
            var pending = new Stack<string>();
            pending.Push(directory);
            var found = new List<string>();
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                foreach (var file in Directory.EnumerateFiles(current))
                {
                    if (Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    {
                        found.Add(file);
                    }
                }

                foreach (var sub in Directory.EnumerateDirectories(current))
                {
                    // Hidden folders hold CI and tool config, not manifests; links could form cycles.
                    if (!Path.GetFileName(sub).StartsWith(".", StringComparison.Ordinal) &&
                        (new DirectoryInfo(sub).Attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(sub);
                    }
                }
            }

            found.Sort(StringComparer.Ordinal);
            return found;
        }

        private static string Normalize(string path)
        {
            var normalized = path.Replace('\\', '/');
            return normalized.StartsWith("./", StringComparison.Ordinal) ? normalized.Substring(2) : normalized;
        }
    }
}
