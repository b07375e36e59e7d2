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
    }

    /// <summary>
    /// Puts generated files on disk without ever losing a user's file: only files whose header names this project are
    /// replaced or deleted, a file is rewritten only when its bytes change, and every write is a rename of a complete file.
    /// </summary>
    public static class GeneratedFileWriter
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <param name="previous">The files an earlier run generated; those no longer generated are deleted if this project still owns them.</param>
        /// <remarks>
        /// Nothing is written when any target path holds a file the project does not own, so that a conflict never
        /// leaves half a service behind. Files in the folder whose header names this project and service, but which it
        /// no longer generates, are deleted too: the committed output of a fresh clone has no record of earlier runs.
        /// </remarks>
        public static WriteResult Write(string outputDirectory, IReadOnlyList<GeneratedFile> files, IEnumerable<string> previous,
            string projectFileName, string serviceName)
        {
            var owned = new List<string>();
            var written = new List<string>();
            var deleted = new List<string>();
            var diagnostics = new List<ManifestDiagnostic>();
            try
            {
                Directory.CreateDirectory(outputDirectory);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                diagnostics.Add(Failed(outputDirectory, e.Message));
                return new WriteResult(owned, written, deleted, diagnostics);
            }

            var toWrite = new List<(string Path, byte[] Bytes)>();
            foreach (var file in files)
            {
                if (Path.GetFileName(file.FileName) != file.FileName)
                {
                    throw new ArgumentException("A generated file name must not contain a folder: " + file.FileName);
                }

                string path = Path.Combine(outputDirectory, file.FileName);
                var bytes = Utf8.GetBytes(file.Content);
                try
                {
                    if (File.Exists(path))
                    {
                        var existing = File.ReadAllBytes(path);
                        if (existing.AsSpan().SequenceEqual(bytes))
                        {
                            owned.Add(path);
                            continue;
                        }

                        var owner = GeneratedHeader.Owner(Utf8.GetString(existing, 0, Math.Min(existing.Length, 4096)));
                        if (owner?.Project != projectFileName)
                        {
                            diagnostics.Add(NotOwned(path, projectFileName, owner?.Project));
                            continue;
                        }
                    }

                    toWrite.Add((path, bytes));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    diagnostics.Add(Failed(path, e.Message));
                }
            }

            if (diagnostics.Count > 0)
            {
                return new WriteResult(new string[0], written, deleted, diagnostics);
            }

            foreach (var (path, bytes) in toWrite)
            {
                try
                {
                    WriteAtomically(path, bytes);
                    owned.Add(path);
                    written.Add(path);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    diagnostics.Add(Failed(path, e.Message));
                }
            }

            var current = new HashSet<string>(files.Select(f => Path.GetFullPath(Path.Combine(outputDirectory, f.FileName))), PathComparer);
            DeleteOwned(previous.Where(p => p.Length > 0 && !current.Contains(Path.GetFullPath(p))), projectFileName, null, deleted, diagnostics);
            var leftOver = Directory.EnumerateFiles(outputDirectory, "*.yaml").Where(p => !current.Contains(Path.GetFullPath(p)));
            DeleteOwned(leftOver, projectFileName, serviceName, deleted, diagnostics);
            return new WriteResult(owned, written, deleted, diagnostics);
        }

        /// <summary>Deletes those of <paramref name="files"/> whose header still names the project: what <c>dotnet clean</c> does.</summary>
        public static WriteResult Delete(IEnumerable<string> files, string projectFileName)
        {
            var deleted = new List<string>();
            var diagnostics = new List<ManifestDiagnostic>();
            DeleteOwned(files.Where(p => p.Length > 0), projectFileName, null, deleted, diagnostics);
            return new WriteResult(new string[0], new string[0], deleted, diagnostics);
        }

        /// <param name="serviceName">When set, the header must name this service too: for files no record says this project wrote.</param>
        private static void DeleteOwned(IEnumerable<string> files, string projectFileName, string? serviceName, List<string> deleted, List<ManifestDiagnostic> diagnostics)
        {
            foreach (var file in files.Distinct(PathComparer).Where(f => !deleted.Contains(f, PathComparer)))
            {
                try
                {
                    var owner = File.Exists(file) ? GeneratedHeader.Owner(ReadStart(file)) : null;
                    if (owner?.Project == projectFileName && (serviceName == null || owner?.Service == serviceName))
                    {
                        File.Delete(file);
                        deleted.Add(file);
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    diagnostics.Add(Failed(file, e.Message));
                }
            }
        }

        private static StringComparer PathComparer =>
            Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        /// <summary>Write beside the target, then rename over it: readers see the old file or the new one, never half of one.</summary>
        private static void WriteAtomically(string path, byte[] bytes)
        {
            string temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllBytes(temporary, bytes);
                if (File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        private static string ReadStart(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new byte[4096];
            int read = stream.Read(buffer, 0, buffer.Length);
            return Utf8.GetString(buffer, 0, read);
        }

        private static ManifestDiagnostic NotOwned(string path, string projectFileName, string? owner)
        {
            var descriptor = DiagnosticCatalog.OutputFileNotGenerated;
            string why = owner == null ? "it has no ManifestTools header, so it is someone's own file" : $"its header says {owner} generated it";
            return new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, path, SourceSpan.At(1, 1), descriptor.FormatMessage(path, projectFileName, why), null);
        }

        private static ManifestDiagnostic Failed(string path, string reason)
        {
            var descriptor = DiagnosticCatalog.OutputWriteFailed;
            return new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, path, SourceSpan.At(0, 0), descriptor.FormatMessage(path, reason), null);
        }
    }
}
