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
                var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                return new SettingsFile(f.Path, JsonKeyReader.TryRead(f.Text, values) ? values : null);
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
            _files.Any(f => f.Values == null || f.Values.ContainsKey(key) || (asSection && f.Values.Keys.Any(k => ConfigurationKeys.IsUnder(k, key))));

        /// <summary>
        /// The value of <paramref name="key"/> as the configuration reader ends up with it: an environment's file wins over
        /// appsettings.json. False when no file gives it a value; <paramref name="value"/> is null when a file the reader
        /// rejects could hold it, or the value is an empty object.
        /// </summary>
        public bool TryGetValue(string key, out string? value, out string file)
        {
            value = null;
            file = "";
            bool found = false;
            foreach (var settings in _files.OrderBy(f => EnvironmentOf(f.Path) == null ? 0 : 1))
            {
                string? text = null;
                if (settings.Values == null || settings.Values.TryGetValue(key, out text))
                {
                    value = text;
                    file = FileName(settings.Path);
                    found = true;
                }
            }

            return found;
        }

        /// <summary>"Development" for appsettings.Development.json; null for appsettings.json.</summary>
        private static string? EnvironmentOf(string path)
        {
            var parts = FileName(path).Split('.');
            return parts.Length == 3 ? parts[1] : null;
        }

        private static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);

        /// <summary>One file's keys and values; null when the configuration reader would reject it.</summary>
        private sealed class SettingsFile
        {
            public SettingsFile(string path, Dictionary<string, string?>? values)
            {
                Path = path;
                Values = values;
            }

            public string Path { get; }
            public Dictionary<string, string?>? Values { get; }
        }
    }
}
