using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation
{
    public sealed class WriteResult
    {
        public WriteResult(IReadOnlyList<string> files, IReadOnlyList<string> written, IReadOnlyList<string> deleted, IReadOnlyList<ManifestDiagnostic> diagnostics)
        {
            Files = files;
            Written = written;
            Deleted = deleted;
            Diagnostics = diagnostics;
        }

        /// <summary>Every generated file this run owns, written or already up to date: what a clean should remove.</summary>
        public IReadOnlyList<string> Files { get; }
        public IReadOnlyList<string> Written { get; }
        public IReadOnlyList<string> Deleted { get; }
        public IReadOnlyList<ManifestDiagnostic> Diagnostics { get; }

        public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
    }

    /// <summary>
    /// What a run will do to the output folder, decided before anything changes: which files it writes, which stale
    /// files it deletes, and why it keeps others. <see cref="Commit"/> then makes all of those changes or none.
    /// </summary>
    public sealed class WritePlan
    {
        private readonly OutputFileSystem _fileSystem;
        private readonly string _directory;
        private readonly List<(string Path, byte[] Bytes, bool Exists)> _writes;
        private readonly List<string> _deletes;
        private readonly List<ManifestDiagnostic> _diagnostics;

        internal WritePlan(OutputFileSystem fileSystem, string directory, IReadOnlyList<string> files,
            List<(string Path, byte[] Bytes, bool Exists)> writes, List<string> deletes, List<ManifestDiagnostic> diagnostics)
        {
            _fileSystem = fileSystem;
            _directory = directory;
            Files = files;
            _writes = writes;
            _deletes = deletes;
            _diagnostics = diagnostics;
        }

        /// <summary>The files of this run, for the record of what the project owns.</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>Conflicts (errors: nothing is written) and stale files that are kept (warnings).</summary>
        public IReadOnlyList<ManifestDiagnostic> Diagnostics => _diagnostics;

        public bool CanCommit => !_diagnostics.Any(d => d.Severity == Severity.Error);

        /// <summary>
        /// Writes every new file beside its target first, then renames the old files to backups and the new ones into
        /// place, and the stale files to backups. A failure at any step undoes the steps before it, so that the folder is
        /// as it was; only after every rename succeeded are the backups deleted.
        /// </summary>
        public WriteResult Commit()
        {
            var diagnostics = new List<ManifestDiagnostic>(_diagnostics);
            if (!CanCommit)
            {
                return new WriteResult(new string[0], new string[0], new string[0], diagnostics);
            }

            if (_writes.Count == 0 && _deletes.Count == 0)
            {
                return new WriteResult(Files, new string[0], new string[0], diagnostics);
            }

            var created = new List<string>();
            var temporaries = new List<string>();
            var undo = new Stack<Step>();
            var backups = new List<string>();
            string? failedPath = null;
            try
            {
                failedPath = _directory;
                CreateDirectories(created);
                var staged = new List<(string Path, string Temporary, bool Exists)>();
                foreach (var (path, bytes, exists) in _writes)
                {
                    failedPath = path;
                    string temporary = Sibling(path, ".tmp");
                    // Recorded first: a write that fails half way (a full disk) leaves a file to remove.
                    temporaries.Add(temporary);
                    _fileSystem.CreateNew(temporary, bytes);
                    staged.Add((path, temporary, exists));
                }

                foreach (var (path, temporary, exists) in staged)
                {
                    failedPath = path;
                    if (exists)
                    {
                        string backup = Sibling(path, ".bak");
                        _fileSystem.Move(path, backup);
                        backups.Add(backup);
                        undo.Push(new Step($"restore {path} from {backup}", backup, () => _fileSystem.Move(backup, path)));
                    }

                    _fileSystem.Move(temporary, path);
                    temporaries.Remove(temporary);
                    undo.Push(new Step($"remove the new {path}", null, () => _fileSystem.Delete(path)));
                }

                foreach (var path in _deletes)
                {
                    failedPath = path;
                    string backup = Sibling(path, ".bak");
                    _fileSystem.Move(path, backup);
                    backups.Add(backup);
                    undo.Push(new Step($"restore {path} from {backup}", backup, () => _fileSystem.Move(backup, path)));
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                diagnostics.Add(GeneratedFileWriter.Failed(failedPath ?? _directory, e.Message.TrimEnd('.', ' ') + "; the output folder was left as it was"));
                RollBack(undo, backups, temporaries, created, diagnostics);
                return new WriteResult(new string[0], new string[0], new string[0], diagnostics);
            }

            foreach (var backup in backups)
            {
                TryDelete(backup, diagnostics);
            }

            return new WriteResult(Files, _writes.Select(w => w.Path).ToList(), _deletes.ToList(), diagnostics);
        }

        private void CreateDirectories(List<string> created)
        {
            var missing = new Stack<string>();
            for (string? directory = _directory; directory != null && !_fileSystem.DirectoryExists(directory); directory = Path.GetDirectoryName(directory))
            {
                missing.Push(directory);
            }

            while (missing.Count > 0)
            {
                string directory = missing.Pop();
                _fileSystem.CreateDirectory(directory);
                created.Add(directory);
            }
        }

        private void RollBack(Stack<Step> undo, List<string> backups, List<string> temporaries,
            List<string> created, List<ManifestDiagnostic> diagnostics)
        {
            var kept = new HashSet<string>(StringComparer.Ordinal);
            while (undo.Count > 0)
            {
                var step = undo.Pop();
                try
                {
                    step.Undo();
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // The backup is then the only copy of the file: it stays where it is, and the finding names it.
                    diagnostics.Add(GeneratedFileWriter.Failed(_directory, $"could not {step.Description}: {e.Message}"));
                    if (step.Backup != null)
                    {
                        kept.Add(step.Backup);
                    }
                }
            }

            foreach (var temporary in temporaries.Where(_fileSystem.FileExists))
            {
                TryDelete(temporary, diagnostics);
            }

            foreach (var backup in backups.Where(b => !kept.Contains(b) && _fileSystem.FileExists(b)))
            {
                TryDelete(backup, diagnostics);
            }

            for (int i = created.Count - 1; i >= 0; i--)
            {
                try
                {
                    _fileSystem.DeleteEmptyDirectory(created[i]);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    break;
                }
            }
        }

        private void TryDelete(string path, List<ManifestDiagnostic> diagnostics)
        {
            try
            {
                _fileSystem.Delete(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                var failed = GeneratedFileWriter.Failed(path, "could not delete this temporary file: " + e.Message);
                diagnostics.Add(new ManifestDiagnostic(failed.Descriptor, Severity.Warning, failed.File, failed.Span, failed.Message, null));
            }
        }

        private sealed record Step(string Description, string? Backup, Action Undo);

        /// <summary>A hidden file beside the target, on the same file system, so that the rename is atomic.</summary>
        private static string Sibling(string path, string extension) =>
            Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + extension);
    }

    /// <summary>
    /// Puts generated files on disk without ever losing a user's file. A file is replaced or deleted only when
    /// <see cref="OwnershipProof"/> proves this project generated it; a conflict writes nothing; and the writes and
    /// deletes of a run happen all together or not at all.
    /// </summary>
    public static class GeneratedFileWriter
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <param name="outputDirectory">The full path of the output folder.</param>
        /// <param name="recorded">
        /// Full paths of the files an earlier run recorded in obj/. Only those in <paramref name="outputDirectory"/> are
        /// considered, and only deleted when proved this project's. The folder's own <c>*.yaml</c> files whose header names
        /// this project and service are considered too, for the committed output of a fresh clone that has no record.
        /// </param>
        public static WritePlan Plan(string outputDirectory, GeneratedFileOwner owner, IReadOnlyList<GeneratedFile> files, IEnumerable<string> recorded) =>
            Plan(OutputFileSystem.Disk, outputDirectory, owner, files, recorded, scanFolder: true);

        /// <summary>What <c>dotnet clean</c> does: deletes the recorded files that are provably this project's.</summary>
        public static WritePlan PlanClean(string outputDirectory, GeneratedFileOwner owner, IEnumerable<string> recorded) =>
            Plan(OutputFileSystem.Disk, outputDirectory, owner, new GeneratedFile[0], recorded, scanFolder: false);

        internal static WritePlan Plan(OutputFileSystem fileSystem, string outputDirectory, GeneratedFileOwner owner,
            IReadOnlyList<GeneratedFile> files, IEnumerable<string> recorded, bool scanFolder)
        {
            string directory = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var diagnostics = new List<ManifestDiagnostic>();
            var writes = new List<(string Path, byte[] Bytes, bool Exists)>();
            var current = new List<string>();
            foreach (var file in files)
            {
                if (Path.GetFileName(file.FileName) != file.FileName)
                {
                    throw new ArgumentException("A generated file name must not contain a folder: " + file.FileName);
                }

                string path = Path.Combine(directory, file.FileName);
                current.Add(path);
                var bytes = Utf8.GetBytes(file.Content);
                try
                {
                    if (!fileSystem.IsLink(path) && !fileSystem.FileExists(path))
                    {
                        writes.Add((path, bytes, false));
                        continue;
                    }

                    var (verdict, header, existing) = OwnershipProof.Check(fileSystem, path, owner);
                    if (existing != null && existing.AsSpan().SequenceEqual(bytes))
                    {
                        continue;
                    }

                    if (verdict == OwnershipProof.Verdict.Owned)
                    {
                        writes.Add((path, bytes, true));
                    }
                    else
                    {
                        diagnostics.Add(NotOwned(path, owner, OwnershipProof.Explain(verdict, header, stale: false)));
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    diagnostics.Add(Failed(path, e.Message));
                }
            }

            var deletes = new List<string>();
            if (!diagnostics.Any())
            {
                PlanDeletes(fileSystem, directory, owner, current, recorded, scanFolder, deletes, diagnostics);
            }

            return new WritePlan(fileSystem, directory, current, writes, deletes, diagnostics);
        }

        private static void PlanDeletes(OutputFileSystem fileSystem, string directory, GeneratedFileOwner owner, List<string> current,
            IEnumerable<string> recorded, bool scanFolder, List<string> deletes, List<ManifestDiagnostic> diagnostics)
        {
            var seen = new HashSet<string>(current, PathComparer);
            var candidates = new List<(string Path, bool Recorded)>();
            var kept = new List<string>();
            foreach (var entry in recorded.Select(FullPathOrNull).OfType<string>())
            {
                if (!seen.Add(entry))
                {
                    continue;
                }

                if (!PathComparer.Equals(Path.GetDirectoryName(entry), directory))
                {
                    // A record of another folder, such as the output path before it changed, or the original of a copied checkout.
                    if (fileSystem.FileExists(entry))
                    {
                        diagnostics.Add(Kept(entry, owner, $"it is not in the output folder {directory}{Path.DirectorySeparatorChar}, so the build does not touch it"));
                    }

                    continue;
                }

                candidates.Add((entry, true));
            }

            if (scanFolder)
            {
                try
                {
                    candidates.AddRange(fileSystem.YamlFiles(directory).Where(seen.Add).Select(p => (p, false)));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    diagnostics.Add(Failed(directory, e.Message));
                    return;
                }
            }

            foreach (var (path, isRecorded) in candidates)
            {
                try
                {
                    if (!fileSystem.IsLink(path) && !fileSystem.FileExists(path))
                    {
                        continue;
                    }

                    var (verdict, header, _) = OwnershipProof.Check(fileSystem, path, owner);

                    // A file of the folder that no record names is this run's business only when its header names this
                    // project: for this service, or for the one it had before a rename, whose files would otherwise stay
                    // beside the new ones and be applied with them. Any other file is someone else's, and not worth a word.
                    if (!isRecorded && (header == null || verdict == OwnershipProof.Verdict.OtherOwner))
                    {
                        continue;
                    }

                    if (verdict == OwnershipProof.Verdict.Owned && !GeneratedFileNames.IsNameOf(owner.Service, Path.GetFileName(path)))
                    {
                        diagnostics.Add(Kept(path, owner, $"its name is not one the build gives a file of service {owner.Service}"));
                    }
                    else if (verdict != OwnershipProof.Verdict.Owned)
                    {
                        diagnostics.Add(Kept(path, owner, OwnershipProof.Explain(verdict, header, stale: true)));
                        kept.Add(path);
                    }
                    else
                    {
                        deletes.Add(path);
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    diagnostics.Add(Failed(path, e.Message));
                }
            }

            KeepTrafficGroups(owner, deletes, diagnostics, kept);
        }

        /// <summary>
        /// A route refers to the other traffic objects of its API: a VirtualService to its DestinationRule's subsets, an
        /// HTTPRoute to the version Services. When a stale route is kept (edited, or not provably this project's),
        /// deleting those would leave it pointing at objects that are gone, and the folder would send that traffic
        /// nowhere; so they are kept with it.
        /// </summary>
        private static void KeepTrafficGroups(GeneratedFileOwner owner, List<string> deletes, List<ManifestDiagnostic> diagnostics, List<string> kept)
        {
            foreach (var keptPath in kept)
            {
                var group = GeneratedFileNames.TrafficGroup(owner.Service, Path.GetFileName(keptPath));
                if (group == null || !GeneratedFileNames.IsRoute(owner.Service, Path.GetFileName(keptPath)))
                {
                    continue;
                }

                for (int i = deletes.Count - 1; i >= 0; i--)
                {
                    if (GeneratedFileNames.TrafficGroup(owner.Service, Path.GetFileName(deletes[i])) == group)
                    {
                        diagnostics.Add(Kept(deletes[i], owner,
                            $"the {group} route {keptPath} is kept, and refers to it; delete both by hand when they are no longer needed"));
                        deletes.RemoveAt(i);
                    }
                }
            }
        }

        /// <summary>The record in obj/ is text anyone can edit; an entry that is no path is no file of ours.</summary>
        private static string? FullPathOrNull(string entry)
        {
            try
            {
                return entry.Length == 0 ? null : Path.GetFullPath(entry);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return null;
            }
        }

        private static StringComparer PathComparer =>
            Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private static ManifestDiagnostic NotOwned(string path, GeneratedFileOwner owner, string why)
        {
            var descriptor = DiagnosticCatalog.OutputFileNotGenerated;
            return new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, path, SourceSpan.At(1, 1), descriptor.FormatMessage(path, owner.ToString(), why), null);
        }

        private static ManifestDiagnostic Kept(string path, GeneratedFileOwner owner, string why)
        {
            var descriptor = DiagnosticCatalog.StaleFileKept;
            return new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, path, SourceSpan.At(0, 0), descriptor.FormatMessage(path, owner.ToString(), why), null);
        }

        internal static ManifestDiagnostic Failed(string path, string reason)
        {
            var descriptor = DiagnosticCatalog.OutputWriteFailed;
            return new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, path, SourceSpan.At(0, 0), descriptor.FormatMessage(path, reason), null);
        }
    }
}
