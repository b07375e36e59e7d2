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
        /// <summary>Environment names by convention; their files apply only in that environment.</summary>
        private static readonly HashSet<string> ConventionalEnvironments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Development", "Staging", "Production", "Test", "Testing", "Local",
        };

        private readonly IReadOnlyList<SettingsFile> _files;

        private AppSettings(IReadOnlyList<SettingsFile> files) => _files = files;

        public static AppSettings Empty { get; } = new AppSettings(Array.Empty<SettingsFile>());

        public static AppSettings Read(IEnumerable<(string Path, string Text)> files) =>
            new AppSettings(files.Select(f =>
            {
                var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                return new SettingsFile(f.Path, JsonKeyReader.TryRead(f.Text, keys) ? keys : null);
            }).ToList());

        /// <summary>
        /// The files that apply in these environments (ASPNETCORE_ENVIRONMENT; Production when unset): appsettings.json,
        /// appsettings.{environment}.json, and files of other names, which the code may load itself. So
        /// appsettings.Development.json gives no value in the cluster.
        /// </summary>
        public AppSettings For(IReadOnlyCollection<string> environments) =>
            new AppSettings(_files.Where(f =>
            {
                var environment = EnvironmentOf(f.Path);
                return environment == null || !ConventionalEnvironments.Contains(environment) ||
                       environments.Contains(environment, StringComparer.OrdinalIgnoreCase);
            }).ToList());

        /// <summary>
        /// True when <paramref name="key"/> has a value, or, for a section, when any key lies under it. A file the
        /// configuration reader rejects could hold any key, so while one applies no key counts as missing.
        /// </summary>
        public bool Provides(string key, bool asSection) =>
            _files.Any(f => f.Keys == null || f.Keys.Contains(key) || (asSection && f.Keys.Any(k => ConfigurationKeys.IsUnder(k, key))));

        /// <summary>"Development" for appsettings.Development.json; null for appsettings.json.</summary>
        private static string? EnvironmentOf(string path)
        {
            var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
            var parts = name.Split('.');
            return parts.Length == 3 ? parts[1] : null;
        }

        /// <summary>One file's keys; null when the configuration reader would reject it.</summary>
        private sealed class SettingsFile
        {
            public SettingsFile(string path, HashSet<string>? keys)
            {
                Path = path;
                Keys = keys;
            }

            public string Path { get; }
            public HashSet<string>? Keys { get; }
        }
    }
}
