using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Loading
{
    /// <summary>What loading a set of paths produced: parsed files in a stable order, and I/O failures.</summary>
    public sealed class LoadResult
    {
        public LoadResult(IReadOnlyList<ParsedFile> files, IReadOnlyList<string> ioErrors, IReadOnlyList<string>? skipped = null)
        {
            Files = files;
            IoErrors = ioErrors;
            Skipped = skipped ?? Array.Empty<string>();
        }

        public IReadOnlyList<ParsedFile> Files { get; }

        /// <summary>Named paths that do not exist or cannot be read; the CLI exits 2 when there are any.</summary>
        public IReadOnlyList<string> IoErrors { get; }

        /// <summary>
        /// Files and folders found while walking that could not be read (no permission, a name the file system cannot
        /// open): said on stderr, but no failure, since nothing named them and a repository holds such things.
        /// </summary>
        public IReadOnlyList<string> Skipped { get; }
    }

    /// <summary>
    /// Finds the manifests in files and folders. A file named on the command line is always linted and reported. A
    /// folder is walked as a repository is laid out: hidden files and folders, <c>bin/</c>, <c>obj/</c> and
    /// <c>node_modules/</c> are skipped; a Helm chart (a folder with Chart.yaml) is not parsed but reported once; the
    /// patches a kustomization lists are not objects; and YAML that is not a Kubernetes object is passed over.
    /// </summary>
    public static class ManifestLoader
    {
        private static readonly string[] Extensions = { ".yaml", ".yml", ".json" };

        private static readonly HashSet<string> SkippedFolders = new HashSet<string>(StringComparer.Ordinal) { "bin", "obj", "node_modules" };

        /// <summary>
        /// Loads files and directories. Files are parsed in parallel; results keep the sorted path order, so output
        /// is deterministic.
        /// </summary>
        public static LoadResult Load(IEnumerable<string> paths, LintOptions options)
        {
            var ioErrors = new List<string>();
            var skipped = new List<string>();
            var inputs = new List<Input>();
            var charts = new List<ParsedFile>();
            foreach (var path in paths)
            {
                if (File.Exists(path))
                {
                    inputs.Add(new Input(Normalize(path), Path.GetFullPath(path), named: true));
                }
                else if (Directory.Exists(path))
                {
                    Walk(path, options, inputs, charts, skipped);
                }
                else
                {
                    ioErrors.Add($"{path}: no such file or directory");
                }
            }

            // A file both named and found in a folder is linted once, as named.
            var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
            var kept = new List<Input>(inputs.Count);
            foreach (var input in inputs)
            {
                if (!byPath.TryGetValue(input.Full, out int at))
                {
                    byPath.Add(input.Full, kept.Count);
                    kept.Add(input);
                }
                else if (input.Named)
                {
                    kept[at] = input;
                }
            }

            var unique = kept.ToArray();
            var files = new ParsedFile?[unique.Length];
            var errors = new string?[unique.Length];
            Parallel.For(0, unique.Length, i =>
            {
                try
                {
                    files[i] = ManifestParser.ParseFile(unique[i].Display, unique[i].Full, options, unique[i].Named);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    errors[i] = $"{unique[i].Display}: {Describe(ex)}";
                }
            });

            var notObjects = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < unique.Length; i++)
            {
                if (errors[i] != null)
                {
                    (unique[i].Named ? ioErrors : skipped).Add(errors[i]!);
                }
                else
                {
                    var folder = Path.GetDirectoryName(unique[i].Full) ?? string.Empty;
                    notObjects.UnionWith(files[i]!.NotObjects.Select(listed => Path.GetFullPath(Path.Combine(folder, listed))));
                }
            }

            // What a kustomization lists as patches or data is dropped once every kustomization has been read; named, it stays.
            var parsed = new HashSet<string>(unique.Select(u => u.Full), StringComparer.Ordinal);
            var all = Enumerable.Range(0, unique.Length)
                .Where(i => files[i] != null && (unique[i].Named || !notObjects.Contains(unique[i].Full)))
                .Select(i => files[i]!)
                .Concat(charts.Where(c => !parsed.Contains(c.FullPath!)));
            return new LoadResult(all.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray(), ioErrors, skipped);
        }

        /// <summary>In words: with UseSystemResourceKeys, as the CLI is built, an exception's message is a resource key.</summary>
        private static string Describe(Exception ex) => ex switch
        {
            UnauthorizedAccessException _ => "permission denied",
            FileNotFoundException _ => "no such file",
            DirectoryNotFoundException _ => "no such folder",
            PathTooLongException _ => "the path is too long",
            _ => "cannot be read",
        };

        private static void Walk(string directory, LintOptions options, List<Input> inputs, List<ParsedFile> charts, List<string> skipped)
        {
            var pending = new Stack<string>();
            pending.Push(directory);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                string[] files, folders;
                try
                {
                    files = Directory.GetFiles(current);
                    folders = Directory.GetDirectories(current);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    skipped.Add($"{Normalize(current)}/: {Describe(ex)}");
                    continue;
                }

                // Helm renders only a chart's templates and subcharts; other folders beside them (crds/, k8s/) are walked.
                bool chart = HelmCharts.IsChart(Path.Combine(current, "Chart.yaml"));
                if (chart)
                {
                    var chartFile = Path.Combine(current, "Chart.yaml");
                    charts.Add(HelmChart(Normalize(chartFile), Path.GetFullPath(chartFile), Normalize(current)));
                }

                foreach (var file in files)
                {
                    var name = Path.GetFileName(file);
                    var full = Path.GetFullPath(file);
                    // Links are not followed: they may point out of the repository, at a device or a pipe.
                    if (name.StartsWith(".", StringComparison.Ordinal) || (chart && HelmCharts.IsChartFile(name)) || IsLink(file) ||
                        (options.Config?.IsIgnored(full) ?? false))
                    {
                        continue;
                    }

                    // A kustomization is read for the files it lists, also when it is named Kustomization.
                    if (KustomizePatches.IsKustomization(name) || Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    {
                        inputs.Add(new Input(Normalize(file), full, named: false));
                    }
                }

                foreach (var sub in folders)
                {
                    // Hidden folders hold CI and tool config, build folders hold copies, and links could form cycles.
                    var name = Path.GetFileName(sub);
                    if (!name.StartsWith(".", StringComparison.Ordinal) && !SkippedFolders.Contains(name) && !(chart && HelmCharts.IsChartFolder(name)) &&
                        !IsLink(sub) && !(options.Config?.IsIgnored(Path.GetFullPath(sub)) ?? false))
                    {
                        pending.Push(sub);
                    }
                }
            }
        }

        private static bool IsLink(string path)
        {
            try
            {
                return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return true; // Not even its attributes can be read: there is nothing to lint.
            }
        }

        private static ParsedFile HelmChart(string display, string full, string folder)
        {
            var descriptor = DiagnosticCatalog.HelmChartNotLinted;
            var message = descriptor.FormatMessage(folder, folder);
            return new ParsedFile(display, Array.Empty<ManifestObject>(),
                new[] { new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, display, SourceSpan.At(1, 1), message, null) }, full,
                $"Helm chart {folder} is not rendered");
        }

        private static string Normalize(string path)
        {
            var normalized = path.Replace('\\', '/');
            while (normalized.StartsWith("./", StringComparison.Ordinal))
            {
                normalized = normalized.Substring(2);
            }

            return normalized.Length == 0 || normalized == "." ? "." : normalized;
        }

        private sealed class Input
        {
            public Input(string display, string full, bool named)
            {
                Display = display;
                Full = full;
                Named = named;
            }

            public string Display { get; }
            public string Full { get; }
            public bool Named { get; }
        }
    }
}
