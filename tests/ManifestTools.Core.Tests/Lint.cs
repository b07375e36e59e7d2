using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;

namespace ManifestTools.Tests
{
    /// <summary>Lints in-memory files the way the CLI lints files on disk.</summary>
    internal static class Lint
    {
        public static IReadOnlyList<ManifestDiagnostic> Files(params (string Path, string Yaml)[] files) =>
            Files(new LintOptions(), files);

        public static IReadOnlyList<ManifestDiagnostic> Files(LintOptions options, params (string Path, string Yaml)[] files) =>
            ManifestLinter.Lint(files.Select(f => ManifestParser.ParseText(f.Path, f.Yaml, options)).ToList(), options).Diagnostics;

        public static IReadOnlyList<ManifestDiagnostic> Yaml(string yaml) => Files(("test.yaml", yaml));

        /// <summary>The findings of one rule, so a test speaks about the rule it covers.</summary>
        public static IReadOnlyList<ManifestDiagnostic> Only(this IReadOnlyList<ManifestDiagnostic> diagnostics, string id) =>
            diagnostics.Where(d => d.Id == id).ToList();
    }
}
