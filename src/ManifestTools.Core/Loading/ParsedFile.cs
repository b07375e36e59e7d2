using System.Collections.Generic;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Loading
{
    /// <summary>The objects of one file and the findings made while reading it (MT0001 to MT0003).</summary>
    public sealed class ParsedFile
    {
        public ParsedFile(string path, IReadOnlyList<ManifestObject> objects, IReadOnlyList<ManifestDiagnostic> diagnostics, string? fullPath = null,
            string? makesInputIncomplete = null, IReadOnlyList<string>? notObjects = null)
        {
            Path = path;
            FullPath = fullPath;
            MakesInputIncomplete = makesInputIncomplete;
            NotObjects = notObjects ?? System.Array.Empty<string>();
            Objects = objects;
            Diagnostics = diagnostics;
        }

        /// <summary>The path as findings show it.</summary>
        public string Path { get; }

        /// <summary>The file's full path, which the configuration's path patterns match; null for standard input.</summary>
        public string? FullPath { get; }

        public IReadOnlyList<ManifestObject> Objects { get; }

        /// <summary>
        /// Why the objects read are not all that will be applied, when this file says so: a Helm chart that was not
        /// rendered, a kustomization that renames objects or moves them to another namespace. Null for other files.
        /// </summary>
        public string? MakesInputIncomplete { get; }

        /// <summary>
        /// For a kustomization: the files it reads as patches, plugin configuration or generator data, relative to its
        /// folder. They are fragments or data, not objects, and a walk does not lint them.
        /// </summary>
        public IReadOnlyList<string> NotObjects { get; }
        public IReadOnlyList<ManifestDiagnostic> Diagnostics { get; }
    }
}
