using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ManifestTools.Loading;
using Microsoft.CodeAnalysis.Text;

namespace ManifestTools.Analyzers
{
    /// <summary>
    /// Parsed manifests by path, valid while the text's checksum and the options match. The IDE analyzes again on every
    /// edit, and the lint is cross-file, so without this every keystroke would reparse every manifest of the project.
    /// </summary>
    internal sealed class ParsedFileCache
    {
        /// <summary>One entry per path; a process that saw more paths than this (many solutions) starts over.</summary>
        private const int MaxFiles = 4096;

        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        private int _parses;

        public static ParsedFileCache Shared { get; } = new ParsedFileCache();

        /// <summary>How many files this cache parsed, for the tests.</summary>
        internal int Parses => Volatile.Read(ref _parses);

        public ParsedFile Get(string path, SourceText text, LintOptions options)
        {
            var checksum = text.GetChecksum();
            string optionsKey = options.DefaultNamespace + "\n" + options.ClusterDomain;
            if (_entries.TryGetValue(path, out var entry) && entry.Matches(checksum, optionsKey))
            {
                return entry.File;
            }

            var file = ManifestParser.ParseText(path, text.ToString(), options);
            Interlocked.Increment(ref _parses);
            // A text without a checksum (SourceHashAlgorithm.None) cannot be recognized again.
            if (!checksum.IsDefaultOrEmpty)
            {
                if (_entries.Count >= MaxFiles)
                {
                    _entries.Clear();
                }

                _entries[path] = new Entry(checksum, optionsKey, file);
            }

            return file;
        }

        private sealed class Entry
        {
            public Entry(ImmutableArray<byte> checksum, string optionsKey, ParsedFile file)
            {
                Checksum = checksum;
                OptionsKey = optionsKey;
                File = file;
            }

            public ImmutableArray<byte> Checksum { get; }
            public string OptionsKey { get; }
            public ParsedFile File { get; }

            public bool Matches(ImmutableArray<byte> checksum, string optionsKey) =>
                !checksum.IsDefaultOrEmpty && OptionsKey == optionsKey && Checksum.SequenceEqual(checksum);
        }
    }
}
