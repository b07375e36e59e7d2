using System;
using System.IO;
using System.Text;

namespace ManifestTools.Generation
{
    /// <summary>
    /// Decides whether a file on disk is provably one this project generated: a regular file whose header names this
    /// project at its path relative to the output folder, this service and the file's own name, and whose content still
    /// matches the hash in that header. Anything else is someone's, and is never overwritten or deleted.
    /// </summary>
    internal static class OwnershipProof
    {
        /// <summary>Above what any template may render (4 Mi characters, at most 3 bytes each in UTF-8).</summary>
        private const int MaxBytes = 16 * 1024 * 1024;

        public enum Verdict
        {
            Owned,
            Link,
            TooLarge,
            NoHeader,
            OtherOwner,

            /// <summary>This project's header, for another service: the files of the name the service had before a rename.</summary>
            OtherService,
            Copy,
            Edited,
        }

        /// <summary>Reads the file, unless it is a link, and judges it; the bytes are returned for a caller that compares them.</summary>
        public static (Verdict Verdict, GeneratedHeaderInfo? Header, byte[]? Bytes) Check(OutputFileSystem fileSystem, string path, GeneratedFileOwner owner)
        {
            if (fileSystem.IsLink(path))
            {
                return (Verdict.Link, null, null);
            }

            var bytes = fileSystem.Read(path, MaxBytes);
            if (bytes == null)
            {
                return (Verdict.TooLarge, null, null);
            }

            var header = GeneratedHeader.Read(new UTF8Encoding(false).GetString(bytes));
            if (header == null)
            {
                return (Verdict.NoHeader, null, bytes);
            }

            bool sameProject = string.Equals(header.Project, GeneratedHeader.Encode(owner.Project), StringComparison.Ordinal);
            var verdict = !sameProject ? Verdict.OtherOwner
                : !string.Equals(header.Service, GeneratedHeader.Encode(owner.Service), StringComparison.Ordinal) ? Verdict.OtherService
                : !string.Equals(header.File, GeneratedHeader.Encode(Path.GetFileName(path)), StringComparison.Ordinal) ? Verdict.Copy
                : !header.ContentMatches ? Verdict.Edited
                : Verdict.Owned;
            return (verdict, header, bytes);
        }

        /// <summary>Why the file is not this project's, in the words of a finding: what was found, then what to do.</summary>
        public static string Explain(Verdict verdict, GeneratedHeaderInfo? header, bool stale) => verdict switch
        {
            Verdict.Link => "it is a symbolic link, and the build never writes or deletes through a link" +
                (stale ? "" : "; replace it with a regular file or remove it"),
            Verdict.TooLarge => "it is larger than any file ManifestTools writes, so it is someone's own file" +
                (stale ? "" : "; move it out of the output folder"),
            Verdict.NoHeader => "it has no ManifestTools header, so it is someone's own file" +
                (stale ? "" : "; move it out of the output folder (a ManifestFile item still lints it there), or delete it to let the build generate it"),
            Verdict.OtherOwner => $"its header says {header!.Owner} generated it" +
                (stale ? "" : "; give each project its own ManifestOutputPath or ManifestServiceName, or, if this project was moved or renamed, delete the file and build again"),
            Verdict.OtherService => $"its header says {header!.Owner} generated it" +
                (stale ? "; if the service was renamed, delete it by hand" : "; give each service its own ManifestOutputPath, or, if the service was renamed, delete the file and build again"),
            Verdict.Copy => $"its header says it was generated as {header!.File}, so it is a copy" +
                (stale ? "" : "; delete it, or rename it back"),
            Verdict.Edited => "it was edited after the build generated it: its content no longer matches the sha256 in its header" +
                (stale ? "" : "; move the change into the project file or a template, then delete the file so that the build generates it again"),
            _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
        };
    }
}
