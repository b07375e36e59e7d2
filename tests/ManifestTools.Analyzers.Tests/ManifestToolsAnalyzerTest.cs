using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>
    /// An analyzer test as the package's targets set it up: manifests and appsettings files as additional files tagged
    /// with their kind, and MSBuild properties, both in a global analyzer config as the SDK generates it.
    /// </summary>
    /// <example>
    /// await new ManifestToolsAnalyzerTest&lt;ManifestAnalyzer&gt;()
    ///     .Manifest("/k8s/extra.yaml", yaml)
    ///     .Property("_ManifestToolsNamespaceAsSet", "ns3")
    ///     .Expect(Diagnostics.At("MT1001", DiagnosticSeverity.Error, "/k8s/extra.yaml", yaml, "labels"))
    ///     .RunAsync();
    /// </example>
    internal sealed class ManifestToolsAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        private readonly Dictionary<string, string> _properties = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<(string Path, string Kind)> _kinds = new List<(string, string)>();

        public ManifestToolsAnalyzerTest()
        {
            ReferenceAssemblies = OfflineReferences.None;
            TestState.AdditionalReferences.AddRange(OfflineReferences.SharedFrameworks);
        }

        /// <summary>A hand-written manifest: a ManifestFile item.</summary>
        public ManifestToolsAnalyzerTest<TAnalyzer> Manifest(string path, string yaml) => Additional(path, yaml, "Manifest");

        /// <summary>A manifest that the build generated: a ManifestGeneratedFile item.</summary>
        public ManifestToolsAnalyzerTest<TAnalyzer> Generated(string path, string yaml) => Additional(path, yaml, "Generated");

        public ManifestToolsAnalyzerTest<TAnalyzer> AppSettings(string path, string json) => Additional(path, json, "AppSettings");

        /// <summary>The project's Dockerfile, as the targets pass it.</summary>
        public ManifestToolsAnalyzerTest<TAnalyzer> Dockerfile(string path, string text) => Additional(path, text, "Dockerfile");

        /// <summary>An additional file that the package did not add (no kind).</summary>
        public ManifestToolsAnalyzerTest<TAnalyzer> OtherFile(string path, string text) => Additional(path, text, kind: null);

        public ManifestToolsAnalyzerTest<TAnalyzer> Source(string code)
        {
            TestState.Sources.Add(code);
            return this;
        }

        /// <summary>An MSBuild property that the targets make compiler-visible (build_property.NAME).</summary>
        public ManifestToolsAnalyzerTest<TAnalyzer> Property(string name, string value)
        {
            _properties[name] = value;
            return this;
        }

        public ManifestToolsAnalyzerTest<TAnalyzer> Expect(params DiagnosticResult[] diagnostics)
        {
            ExpectedDiagnostics.AddRange(diagnostics);
            return this;
        }

        /// <summary>Further lines of the global analyzer config, such as dotnet_diagnostic.MT1004.severity = error.</summary>
        public List<string> GlobalConfigLines { get; } = new List<string>();

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            if (TestState.Sources.Count == 0)
            {
                // The framework needs a compilation with at least one document.
                TestState.Sources.Add("internal static class Empty { }");
            }

            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig()));
            return base.RunImplAsync(cancellationToken);
        }

        private ManifestToolsAnalyzerTest<TAnalyzer> Additional(string path, string text, string? kind)
        {
            TestState.AdditionalFiles.Add((path, text));
            if (kind != null)
            {
                _kinds.Add((path, kind));
            }

            return this;
        }

        private string GlobalConfig()
        {
            var config = new StringBuilder("is_global = true\n");
            foreach (var line in _properties.Select(p => $"build_property.{p.Key} = {p.Value}").Concat(GlobalConfigLines))
            {
                config.Append(line).Append('\n');
            }

            foreach (var (path, kind) in _kinds)
            {
                config.Append($"\n[{path}]\nbuild_metadata.AdditionalFiles._ManifestToolsKind = {kind}\n");
            }

            return config.ToString();
        }
    }

    /// <summary>Expected diagnostics, located by a fragment of the file's text so that tests show what they point at.</summary>
    internal static class Diagnostics
    {
        /// <summary>
        /// <paramref name="id"/> at the <paramref name="occurrence"/>-th (1-based) occurrence of <paramref name="fragment"/>
        /// in <paramref name="text"/>, spanning the fragment, which must not cross a line.
        /// </summary>
        public static DiagnosticResult At(string id, DiagnosticSeverity severity, string path, string text, string fragment, int occurrence = 1)
        {
            int index = -1;
            for (int i = 0; i < occurrence; i++)
            {
                index = text.IndexOf(fragment, index + 1, StringComparison.Ordinal);
                if (index < 0)
                {
                    throw new ArgumentException($"'{fragment}' does not occur {occurrence} times in {path}");
                }
            }

            int line = text.Take(index).Count(c => c == '\n') + 1;
            int lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
            int column = index - lineStart + 1;
            return new DiagnosticResult(id, severity).WithSpan(path, line, column, line, column + fragment.Length);
        }
    }
}
