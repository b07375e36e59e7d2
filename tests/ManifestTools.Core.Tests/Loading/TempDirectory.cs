using System;
using System.IO;

namespace ManifestTools.Tests.Loading
{
    /// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
    internal sealed class TempDirectory : IDisposable
    {
        public TempDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "manifest-tools-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        /// <summary>Writes <paramref name="text"/> to a path relative to the directory, creating folders as needed.</summary>
        public string Write(string relativePath, string text)
        {
            var full = Prepare(relativePath);
            File.WriteAllText(full, text);
            return full;
        }

        public string WriteBytes(string relativePath, byte[] bytes)
        {
            var full = Prepare(relativePath);
            File.WriteAllBytes(full, bytes);
            return full;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder must not fail a test that passed.
            }
        }

        private string Prepare(string relativePath)
        {
            var full = System.IO.Path.Combine(Path, relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            return full;
        }
    }
}
