using System;
using System.Collections.Generic;
using System.Linq;

namespace ManifestTools.Code
{
    /// <summary>
    /// The configuration keys the project's appsettings*.json files give values to, flattened as
    /// Microsoft.Extensions.Configuration.Json does (<c>{"A":{"B":1}}</c> is <c>A:B</c>, array items are <c>A:0</c>).
    /// </summary>
    public sealed class AppSettings
    {
        private readonly HashSet<string> _keys;

        private AppSettings(HashSet<string> keys, IReadOnlyList<string> unreadableFiles)
        {
            _keys = keys;
            UnreadableFiles = unreadableFiles;
        }

        public static AppSettings Empty { get; } = new AppSettings(new HashSet<string>(StringComparer.OrdinalIgnoreCase), Array.Empty<string>());

        /// <summary>Files that are not JSON the configuration reader accepts. While any exist, no key counts as missing.</summary>
        public IReadOnlyList<string> UnreadableFiles { get; }

        public static AppSettings Read(IEnumerable<(string Path, string Text)> files)
        {
            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var unreadable = new List<string>();
            foreach (var (path, text) in files)
            {
                if (!JsonKeyReader.TryRead(text, keys))
                {
                    unreadable.Add(path);
                }
            }

            return new AppSettings(keys, unreadable);
        }

        /// <summary>True when <paramref name="key"/> has a value, or, for a section, when any key lies under it.</summary>
        public bool Provides(string key, bool asSection) =>
            UnreadableFiles.Count > 0 || _keys.Contains(key) || (asSection && _keys.Any(k => ConfigurationKeys.IsUnder(k, key)));
    }
}
