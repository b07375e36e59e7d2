using System;
using System.Collections.Immutable;
using System.Linq;
using ManifestTools.Analyzers.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace ManifestTools.Analyzers
{
    /// <summary>
    /// Lints the manifests that the package's targets pass as additional files (generated and hand-written), and
    /// reports each finding in its file at its YAML position, in the IDE as in the build; then compares the service's
    /// code with them (MT3xxx).
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
            var inputs = ManifestInputs.Load(context.Options, _cache, context.CancellationToken);
            if (inputs.Settings.Lint && inputs.Config is { } config && config.Errors.Count > 0)
            {
                context.RegisterAdditionalFileAction(fileContext =>
                {
                    if (fileContext.AdditionalFile.Path == config.Path)
                    {
                        foreach (var error in config.Errors)
                        {
                            fileContext.ReportDiagnostic(RoslynDiagnostics.Create(error, config.Text));
                        }
                    }
                });
            }

            if (inputs.Settings.Lint && inputs.Files.Count > 0)
            {
                // Findings are cross-file (a subset in one file, the pods in another), so all manifests are linted together
                // up front, and each file's action then reports its own share.
                var findings = ManifestLinter.Lint(inputs.Files, inputs.Settings.Options).Diagnostics.ToLookup(d => d.File, StringComparer.Ordinal);
                context.RegisterAdditionalFileAction(fileContext =>
                {
                    string path = fileContext.AdditionalFile.Path;
                    if (inputs.Texts.TryGetValue(path, out var text))
                    {
                        foreach (var finding in findings[path])
                        {
                            fileContext.ReportDiagnostic(RoslynDiagnostics.Create(finding, text));
                        }
                    }
                });
            }

            ServiceCodeChecks.Register(context, inputs);
        }
    }
}
