using System;
using System.Collections.Generic;
using System.IO;

namespace ManifestTools.Generation
{
    /// <summary>
    /// The file operations the writer uses on the output folder. Every change is one of <see cref="CreateNew"/>,
    /// <see cref="Move"/>, <see cref="Delete"/>, <see cref="CreateDirectory"/> and <see cref="DeleteEmptyDirectory"/>,
    /// so that a test can make any one of them fail and check that the folder is restored.
    /// </summary>
    internal class OutputFileSystem
    {
        public static readonly OutputFileSystem Disk = new OutputFileSystem();

        public virtual bool FileExists(string path) => File.Exists(path);

        public virtual bool DirectoryExists(string path) => Directory.Exists(path);

        /// <summary>A symbolic link (or other reparse point): writing through it could change a file anywhere.</summary>
        public virtual bool IsLink(string path)
        {
            try
            {
                return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>
        /// The file's bytes, or null when it holds more than <paramref name="maxBytes"/>. A file that reports no length is
        /// not opened: named pipes and devices report 0, and opening a pipe blocks until someone writes to it.
        /// </summary>
        public virtual byte[]? Read(string path, int maxBytes)
        {
            if (new FileInfo(path).Length == 0)
            {
                return new byte[0];
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }

        /// <summary>The top-level <c>*.yaml</c> files of a folder, in ordinal order so that findings come in the same order everywhere.</summary>
        public virtual IReadOnlyList<string> YamlFiles(string directory)
        {
            var files = new List<string>(Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.yaml") : new string[0]);
            files.Sort(StringComparer.Ordinal);
            return files;
        }

        /// <summary>Creates the file; fails if anything, a link included, is already at the path.</summary>
        public virtual void CreateNew(string path, byte[] bytes)
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(true);
        }

        /// <summary>Renames within the folder; fails if <paramref name="to"/> exists.</summary>
        public virtual void Move(string from, string to) => File.Move(from, to);

        public virtual void Delete(string path) => File.Delete(path);

        public virtual void CreateDirectory(string path) => Directory.CreateDirectory(path);

        public virtual void DeleteEmptyDirectory(string path) => Directory.Delete(path, recursive: false);
    }
}
