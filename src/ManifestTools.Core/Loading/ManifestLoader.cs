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
        public LoadResult(IReadOnlyList<ParsedFile> files, IReadOnlyList<string> ioErrors)
        {
            Files = files;
            IoErrors = ioErrors;
        }

        public IReadOnlyList<ParsedFile> Files { get; }

        /// <summary>Paths that do not exist or cannot be read; the CLI exits 2 when there are any.</summary>
        public IReadOnlyList<string> IoErrors { get; }
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
            var inputs = new List<Input>();
            var charts = new List<ParsedFile>();
            var kustomizations = new List<string>();
            foreach (var path in paths)
            {
                if (File.Exists(path))
                {
                    inputs.Add(new Input(Normalize(path), Path.GetFullPath(path), named: true));
                }
                else if (Directory.Exists(path))
                {
                    Walk(path, options, inputs, charts, kustomizations);
                }
                else
                {
                    ioErrors.Add($"{path}: no such file or directory");
                }
            }

            var patches = KustomizePatches.Listed(kustomizations);
            // A file both named and found in a folder is linted once, as named.
            var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
            var kept = new List<Input>(inputs.Count);
            foreach (var input in inputs)
            {
                if (!input.Named && patches.Contains(input.Full))
                {
                    continue;
                }

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
                    errors[i] = $"{unique[i].Display}: {ex.Message}";
                }
            });

            ioErrors.AddRange(errors.Where(e => e != null).Select(e => e!));
            var parsed = new HashSet<string>(unique.Select(u => u.Full), StringComparer.Ordinal);
            var all = files.Where(f => f != null).Select(f => f!).Concat(charts.Where(c => !parsed.Contains(c.FullPath!)));
            return new LoadResult(all.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray(), ioErrors);
        }

        private static void Walk(string directory, LintOptions options, List<Input> inputs, List<ParsedFile> charts, List<string> kustomizations)
        {
            var pending = new Stack<string>();
            pending.Push(directory);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                var chart = Path.Combine(current, "Chart.yaml");
                if (File.Exists(chart))
                {
                    charts.Add(HelmChart(Normalize(chart), Path.GetFullPath(chart), Normalize(current)));
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(current))
                {
                    var name = Path.GetFileName(file);
                    var full = Path.GetFullPath(file);
                    if (name.StartsWith(".", StringComparison.Ordinal) || (options.Config?.IsIgnored(full) ?? false))
                    {
                        continue;
                    }

                    if (KustomizePatches.IsKustomization(name))
                    {
                        kustomizations.Add(full);
                    }

                    if (Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    {
                        inputs.Add(new Input(Normalize(file), full, named: false));
                    }
                }

                foreach (var sub in Directory.EnumerateDirectories(current))
                {
                    // Hidden folders hold CI and tool config, build folders hold copies, and links could form cycles.
                    var name = Path.GetFileName(sub);
                    if (!name.StartsWith(".", StringComparison.Ordinal) && !SkippedFolders.Contains(name) &&
                        (new DirectoryInfo(sub).Attributes & FileAttributes.ReparsePoint) == 0 &&
                        !(options.Config?.IsIgnored(Path.GetFullPath(sub)) ?? false))
                    {
                        pending.Push(sub);
                    }
                }
            }
        }

        private static ParsedFile HelmChart(string display, string full, string folder)
        {
            var descriptor = DiagnosticCatalog.HelmChartNotLinted;
            var message = descriptor.FormatMessage(folder, folder);
            return new ParsedFile(display, Array.Empty<ManifestObject>(),
                new[] { new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, display, SourceSpan.At(1, 1), message, null) }, full);
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
