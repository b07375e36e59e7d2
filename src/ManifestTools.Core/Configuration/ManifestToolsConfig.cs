using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Yaml;

namespace ManifestTools.Configuration
{
    /// <summary>
    /// <c>.manifest-tools.yaml</c>: what the linter cannot learn from the input (hosts and namespaces defined
    /// elsewhere, the namespace <c>kubectl apply</c> will use), paths to leave out, and rule severities. The CLI, the
    /// MSBuild task and the analyzer read the same file, so a repository configures all three in one place.
    /// </summary>
    public sealed class ManifestToolsConfig
    {
        public const string FileName = ".manifest-tools.yaml";

        private const int MaxBytes = 1 << 20;

        private static readonly string[] Keys = { "defaultNamespace", "clusterDomain", "ignore", "external", "rules", "suppress" };

        private readonly List<PathPattern> _ignore = new List<PathPattern>();
        private readonly Dictionary<string, Severity?> _rules = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        private readonly List<(List<PathPattern> Paths, HashSet<string> Rules)> _suppressions = new List<(List<PathPattern>, HashSet<string>)>();
        private readonly List<string> _externalNamespaces = new List<string>();
        private readonly List<string> _externalHosts = new List<string>();

        private ManifestToolsConfig(string path)
        {
            Path = path;
            Directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? string.Empty;
        }

        /// <summary>The file's path as given.</summary>
        public string Path { get; }

        /// <summary>The full path of the folder that relative paths in the file start from.</summary>
        public string Directory { get; }

        public string? DefaultNamespace { get; private set; }
        public string? ClusterDomain { get; private set; }
        public IReadOnlyList<string> ExternalNamespaces => _externalNamespaces;
        public IReadOnlyList<string> ExternalHosts => _externalHosts;

        /// <summary>The nearest configuration file in <paramref name="directory"/> or a folder above it; null when there is none.</summary>
        public static string? Find(string directory)
        {
            for (var current = new DirectoryInfo(System.IO.Path.GetFullPath(directory)); current != null; current = current.Parent)
            {
                var candidate = System.IO.Path.Combine(current.FullName, FileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>Reads the file; problems (unknown keys, wrong types, unknown rule IDs, YAML errors) come back as MT0005 findings at their position.</summary>
        public static ManifestToolsConfig? Load(string path, out IReadOnlyList<ManifestDiagnostic> errors)
        {
            string? text;
            try
            {
                text = Loading.BoundedText.Read(path, MaxBytes);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                errors = new[] { Error(path, SourceSpan.At(1, 1), "cannot be read: " + (ex is UnauthorizedAccessException ? "permission denied" : ex.GetType().Name)) };
                return null;
            }

            if (text == null)
            {
                errors = new[] { Error(path, SourceSpan.At(1, 1), $"holds more than {MaxBytes:N0} bytes, far more than any configuration needs") };
                return null;
            }

            return Parse(path, text, out errors);
        }

        public static ManifestToolsConfig? Parse(string path, string text, out IReadOnlyList<ManifestDiagnostic> errors)
        {
            var found = new List<ManifestDiagnostic>();
            var yaml = new List<ManifestDiagnostic>();
            var documents = new List<YNode>();
            new YamlDocumentReader(path, InputLimits.Default, yaml).Read(text, documents.Add);
            found.AddRange(yaml.Select(d => Error(path, d.Span, d.Message)));

            var config = new ManifestToolsConfig(path);
            if (documents.Count > 1)
            {
                found.Add(Error(path, documents[1].Span, "holds more than one YAML document; keep one"));
            }
            else if (documents.Count == 1)
            {
                config.Read(documents[0], found);
            }

            errors = found;
            return found.Count == 0 ? config : null;
        }

        /// <summary>Sets the options this file configures; command-line options applied afterwards win.</summary>
        public void ApplyTo(LintOptions options)
        {
            options.Config = this;
            if (DefaultNamespace != null)
            {
                options.DefaultNamespace = DefaultNamespace;
            }

            if (ClusterDomain != null)
            {
                options.ClusterDomain = ClusterDomain;
            }
        }

        /// <summary>True when <paramref name="fullPath"/> is under this file's folder and matches an <c>ignore</c> pattern.</summary>
        public bool IsIgnored(string fullPath) => Relative(fullPath) is { } relative && _ignore.Any(p => p.Matches(relative));

        /// <summary>
        /// The severity a finding of <paramref name="id"/> in <paramref name="fullPath"/> gets: null when it is
        /// suppressed there or its rule is set to <c>none</c>, otherwise the configured or the given severity.
        /// </summary>
        public Severity? SeverityOf(string id, Severity severity, string? fullPath)
        {
            string? relative = null;
            if (fullPath != null && System.IO.Path.IsPathRooted(fullPath) && (relative = Relative(fullPath)) == null)
            {
                return severity; // A file beside the configured folder, linted in the same run, is not configured by it.
            }

            // A path that is not rooted (a test's, an in-memory file's) is taken as relative to this file's folder.
            relative ??= fullPath?.Replace('\\', '/');

            if (relative != null && _suppressions.Any(s => (s.Rules.Contains("*") || s.Rules.Contains(id)) && s.Paths.Any(p => p.Matches(relative))))
            {
                return null;
            }

            return _rules.TryGetValue(id, out var configured) ? configured : severity;
        }

        private string? Relative(string fullPath)
        {
            var full = System.IO.Path.GetFullPath(fullPath).Replace('\\', '/');
            var root = Directory.Replace('\\', '/').TrimEnd('/') + "/";
            return full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : null;
        }

        private void Read(YNode root, List<ManifestDiagnostic> errors)
        {
            if (root is YScalar scalar && scalar.IsNull)
            {
                return;
            }

            if (!(root is YMapping mapping))
            {
                errors.Add(Error(Path, root.Span, $"must be a mapping of settings, not {root.KindName}"));
                return;
            }

            foreach (var entry in mapping.Entries)
            {
                var key = entry.Key.Value;
                var value = entry.Value;
                switch (key)
                {
                    case "defaultNamespace":
                        if (Text(value, key, errors) is { } ns)
                        {
                            if (KubernetesNames.CheckDns1123Label(ns) is { } problem)
                            {
                                errors.Add(Error(Path, value.Span, $"defaultNamespace \"{ns}\" is not a DNS-1123 label: it {problem}"));
                            }
                            else
                            {
                                DefaultNamespace = ns;
                            }
                        }

                        break;
                    case "clusterDomain":
                        if (Text(value, key, errors) is { } domain)
                        {
                            if (KubernetesNames.CheckDns1123Subdomain(domain.Trim('.')) is { } problem)
                            {
                                errors.Add(Error(Path, value.Span, $"clusterDomain \"{domain}\" is not a DNS subdomain: it {problem}"));
                            }
                            else
                            {
                                ClusterDomain = domain.Trim('.');
                            }
                        }

                        break;
                    case "ignore":
                        _ignore.AddRange(Patterns(value, key, errors));
                        break;
                    case "external":
                        ReadExternal(value, errors);
                        break;
                    case "rules":
                        ReadRules(value, errors);
                        break;
                    case "suppress":
                        ReadSuppressions(value, errors);
                        break;
                    default:
                        errors.Add(Error(Path, entry.Key.Span, $"unknown key {key}; the keys are {string.Join(", ", Keys)}"));
                        break;
                }
            }
        }

        private void ReadExternal(YNode value, List<ManifestDiagnostic> errors)
        {
            if (!(Mapping(value, "external", errors) is { } external))
            {
                return;
            }

            foreach (var entry in external.Entries)
            {
                switch (entry.Key.Value)
                {
                    case "namespaces":
                        _externalNamespaces.AddRange(Strings(entry.Value, "external.namespaces", errors));
                        break;
                    case "hosts":
                        _externalHosts.AddRange(Strings(entry.Value, "external.hosts", errors));
                        break;
                    default:
                        errors.Add(Error(Path, entry.Key.Span, $"unknown key external.{entry.Key.Value}; the keys are namespaces and hosts"));
                        break;
                }
            }
        }

        private void ReadRules(YNode value, List<ManifestDiagnostic> errors)
        {
            if (!(Mapping(value, "rules", errors) is { } rules))
            {
                return;
            }

            foreach (var entry in rules.Entries)
            {
                var id = entry.Key.Value.ToUpperInvariant();
                if (!IsConfigurableId(id, entry.Key.Span, errors))
                {
                    continue;
                }

                var level = entry.Value is YScalar scalar && !scalar.IsNull ? scalar.Value : null;
                switch (level)
                {
                    case "error": _rules[id] = Severity.Error; break;
                    case "warning": _rules[id] = Severity.Warning; break;
                    case "info": _rules[id] = Severity.Info; break;
                    case "none": _rules[id] = null; break;
                    default:
                        errors.Add(Error(Path, entry.Value.Span, $"rules.{entry.Key.Value} must be error, warning, info or none"));
                        break;
                }
            }
        }

        private void ReadSuppressions(YNode value, List<ManifestDiagnostic> errors)
        {
            if (!(value is YSequence sequence))
            {
                errors.Add(Error(Path, value.Span, $"suppress must be a sequence of {{ paths, rules }} entries, not {value.KindName}"));
                return;
            }

            for (int i = 0; i < sequence.Items.Count; i++)
            {
                var where = $"suppress[{i}]";
                if (!(Mapping(sequence.Items[i], where, errors) is { } item))
                {
                    continue;
                }

                var paths = new List<PathPattern>();
                var ids = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in item.Entries)
                {
                    switch (entry.Key.Value)
                    {
                        case "paths":
                            paths.AddRange(Patterns(entry.Value, where + ".paths", errors));
                            break;
                        case "rules":
                            var listed = Located(entry.Value, where + ".rules", errors);
                            if (listed.Count == 0 && entry.Value is YSequence)
                            {
                                // Read as "all rules", an empty list would silently drop every finding in these paths.
                                errors.Add(Error(Path, entry.Value.Span, $"{where}.rules is empty: name the rules to suppress, or omit rules to suppress them all"));
                            }

                            foreach (var id in listed)
                            {
                                var upper = id.Value.ToUpperInvariant();
                                if (upper == "*" || IsConfigurableId(upper, id.Span, errors))
                                {
                                    ids.Add(upper);
                                }
                            }

                            break;
                        default:
                            errors.Add(Error(Path, entry.Key.Span, $"unknown key {where}.{entry.Key.Value}; the keys are paths and rules"));
                            break;
                    }
                }

                if (paths.Count == 0)
                {
                    errors.Add(Error(Path, item.Span, $"{where} needs paths: the files it applies to"));
                    continue;
                }

                _suppressions.Add((paths, ids.Count == 0 ? new HashSet<string> { "*" } : ids));
            }
        }

        private bool IsConfigurableId(string id, SourceSpan span, List<ManifestDiagnostic> errors)
        {
            if (DiagnosticCatalog.Configurable.Any(d => d.Id == id))
            {
                return true;
            }

            errors.Add(Error(Path, span, id == DiagnosticCatalog.InvalidConfiguration.Id
                ? $"{id}, a problem of this file itself, cannot be configured in it"
                : $"{id} is not a rule that can be configured here; `manifest-tools rules` lists them"));
            return false;
        }

        private IEnumerable<PathPattern> Patterns(YNode value, string key, List<ManifestDiagnostic> errors)
        {
            foreach (var pattern in Located(value, key, errors))
            {
                // Read as literal text, a negation or a character class would silently match nothing.
                if (pattern.Value.StartsWith("!", StringComparison.Ordinal) || pattern.Value.IndexOfAny(new[] { '[', ']' }) >= 0)
                {
                    errors.Add(Error(Path, pattern.Span, $"{key}: \"{pattern.Value}\" uses ! or [ ], which are not supported; patterns have *, ** and ?"));
                    continue;
                }

                yield return new PathPattern(pattern.Value);
            }
        }

        private IEnumerable<string> Strings(YNode value, string key, List<ManifestDiagnostic> errors) =>
            Located(value, key, errors).Select(s => s.Value);

        private List<Located<string>> Located(YNode value, string key, List<ManifestDiagnostic> errors)
        {
            var result = new List<Located<string>>();
            if (!(value is YSequence sequence))
            {
                errors.Add(Error(Path, value.Span, $"{key} must be a sequence of strings, not {value.KindName}"));
                return result;
            }

            foreach (var item in sequence.Items)
            {
                if (item is YScalar scalar && !scalar.IsNull && scalar.Value.Length > 0)
                {
                    result.Add(new Located<string>(scalar.Value, scalar.Span));
                }
                else
                {
                    errors.Add(Error(Path, item.Span, $"each entry of {key} must be a non-empty string, not {item.KindName}"));
                }
            }

            return result;
        }

        private string? Text(YNode value, string key, List<ManifestDiagnostic> errors)
        {
            if (value is YScalar scalar && !scalar.IsNull && scalar.Value.Length > 0)
            {
                return scalar.Value;
            }

            errors.Add(Error(Path, value.Span, $"{key} must be a non-empty string, not {value.KindName}"));
            return null;
        }

        private YMapping? Mapping(YNode value, string key, List<ManifestDiagnostic> errors)
        {
            if (value is YMapping mapping)
            {
                return mapping;
            }

            errors.Add(Error(Path, value.Span, $"{key} must be a mapping, not {value.KindName}"));
            return null;
        }

        private static ManifestDiagnostic Error(string path, SourceSpan span, string message) =>
            new ManifestDiagnostic(DiagnosticCatalog.InvalidConfiguration, Severity.Error, path, span, message, null);
    }
}
