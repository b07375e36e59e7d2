using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace ManifestTools.Analyzers
{
    /// <summary>
    /// Lints the manifests that the package's targets pass as additional files (generated and hand-written), and
    /// reports each finding in its file at its YAML position, in the IDE as in the build.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ManifestAnalyzer : DiagnosticAnalyzer
    {
        private readonly ParsedFileCache _cache;

        public ManifestAnalyzer()
            : this(ParsedFileCache.Shared)
        {
        }

        internal ManifestAnalyzer(ParsedFileCache cache) => _cache = cache;

        public override ImmutableArray<RoslynDescriptor> SupportedDiagnostics => RoslynDescriptors.Supported;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(Start);
        }

        private void Start(CompilationStartAnalysisContext context)
        {
            var settings = AnalyzerSettings.Read(context.Options.AnalyzerConfigOptionsProvider);
            if (!settings.Lint)
            {
                return;
            }

            // Findings are cross-file (a subset in one file, the pods in another), so all manifests are linted together
            // up front, and each file's action then reports its own share.
            var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
            var files = new List<ParsedFile>();
            foreach (var additional in context.Options.AdditionalFiles)
            {
                if (!settings.IsManifest(additional) || texts.ContainsKey(additional.Path))
                {
                    continue;
                }

                // Null when the compiler could not read the file; there is nothing to lint then.
                var text = additional.GetText(context.CancellationToken);
                if (text != null)
                {
                    texts.Add(additional.Path, text);
                    files.Add(_cache.Get(additional.Path, text, settings.Options));
                }
            }

            if (files.Count == 0)
            {
                return;
            }

            var findings = ManifestLinter.Lint(files, settings.Options).Diagnostics.ToLookup(d => d.File, StringComparer.Ordinal);
            context.RegisterAdditionalFileAction(fileContext =>
            {
                string path = fileContext.AdditionalFile.Path;
                if (!texts.TryGetValue(path, out var text))
                {
                    return;
                }

                foreach (var finding in findings[path])
                {
                    if (RoslynDescriptors.TryGet(finding.Id, out var descriptor))
                    {
                        // The finding's own severity: MT1004 is a warning on a DestinationRule host though an error by
                        // default. The compiler applies NoWarn, WarningsAsErrors and dotnet_diagnostic.*.severity to it.
                        fileContext.ReportDiagnostic(Diagnostic.Create(descriptor, RoslynPositions.Location(path, text, finding.Span),
                            RoslynDescriptors.Severity(finding.Severity), additionalLocations: null, properties: null, finding.Message));
                    }
                }
            });
        }
    }
}
