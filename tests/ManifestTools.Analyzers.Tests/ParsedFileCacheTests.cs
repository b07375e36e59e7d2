using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>What the IDE does on each edit: analyze the same project again, with one file's text changed.</summary>
    public class ParsedFileCacheTests
    {
        private const string GeneratedPath = "/src/Ads/manifests/ads.yaml";
        private const string CanaryPath = "/src/Ads/k8s/canary.yaml";

        [Fact]
        public async Task Editing_one_file_reparses_that_file_only()
        {
            var cache = new ParsedFileCache();
            var analyzer = new ManifestAnalyzer(cache);

            var first = await Analyze(analyzer, ("ns3", Yaml.Generated, Yaml.BrokenCanary));
            Assert.Equal(2, cache.Parses);
            Assert.Equal(new[] { "MT1001", "MT1002" }, first);

            var unchanged = await Analyze(analyzer, ("ns3", Yaml.Generated, Yaml.BrokenCanary));
            Assert.Equal(2, cache.Parses);
            Assert.Equal(first, unchanged);

            // The subset typo fixed: the findings follow the new text, and the generated file is not read again.
            var edited = await Analyze(analyzer, ("ns3", Yaml.Generated, Yaml.BrokenCanary.Replace("version: V2", "version: v2")));
            Assert.Equal(3, cache.Parses);
            Assert.Equal(new[] { "MT1002" }, edited);
        }

        [Fact]
        public async Task Another_namespace_option_reparses()
        {
            var cache = new ParsedFileCache();
            var analyzer = new ManifestAnalyzer(cache);

            await Analyze(analyzer, ("ns3", Yaml.Generated, Yaml.BrokenCanary));
            await Analyze(analyzer, ("other", Yaml.Generated, Yaml.BrokenCanary));

            Assert.Equal(4, cache.Parses);
        }

        private static async Task<string[]> Analyze(DiagnosticAnalyzer analyzer, (string Namespace, string Generated, string Canary) input)
        {
            var files = ImmutableArray.Create<AdditionalText>(new InMemoryText(GeneratedPath, input.Generated), new InMemoryText(CanaryPath, input.Canary));
            var provider = new OptionsProvider(
                new Dictionary<string, string> { ["build_property._ManifestToolsNamespaceAsSet"] = input.Namespace },
                new Dictionary<string, string> { [GeneratedPath] = "Generated", [CanaryPath] = "Manifest" });
            var compilation = CSharpCompilation.Create("Ads", new[] { CSharpSyntaxTree.ParseText("class C { }") },
                OfflineReferences.SharedFrameworks, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), new AnalyzerOptions(files, provider))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return diagnostics.Select(d => d.Id).OrderBy(id => id).ToArray();
        }

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Dictionary<string, string> _kinds;

            public OptionsProvider(Dictionary<string, string> global, Dictionary<string, string> kinds)
            {
                GlobalOptions = new Options(global);
                _kinds = kinds;
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(
                new Dictionary<string, string> { ["build_metadata.AdditionalFiles._ManifestToolsKind"] = _kinds[textFile.Path] });
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
