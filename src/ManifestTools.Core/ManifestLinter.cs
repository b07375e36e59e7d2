using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ManifestTools.Configuration;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;
using ManifestTools.Resolution;
using ManifestTools.Rules;

namespace ManifestTools
{
    public sealed class LintReport
    {
        public LintReport(IReadOnlyList<ManifestDiagnostic> diagnostics, int fileCount, int objectCount)
        {
            Diagnostics = diagnostics;
            FileCount = fileCount;
            ObjectCount = objectCount;
        }

        /// <summary>Sorted by file, line, column and ID.</summary>
        public IReadOnlyList<ManifestDiagnostic> Diagnostics { get; }

        public int FileCount { get; }
        public int ObjectCount { get; }
    }

    /// <summary>The entry point every adapter calls: parsed files in, sorted findings out.</summary>
    public static class ManifestLinter
    {
        public static IReadOnlyList<IManifestRule> Rules { get; } = new IManifestRule[]
        {
            new SubsetSelectsPodsRule(),
            new RouteWeightsTotal100Rule(),
            new DestinationSubsetDefinedRule(),
            new HostResolvesRule(),
            new RouteHasPositiveWeightRule(),
            new WeightInRangeRule(),
            new DuplicateDestinationRule(),
            new DuplicateSubsetRule(),
            new DestinationPortExposedRule(),
            new GatewayExistsRule(),
            new MatchGatewayBoundRule(),
            new InternalGatewayReferenceRule(),
            new GatewayServesHostRule(),
            new ConflictingGatewaysRule(),
            new ExportToValidRule(),
            new MeshHostConflictRule(),
            new UnreachableRouteRule(),
            new IneffectiveMatchRule(),
            new IngressBypassesSubsetsRule(),
            new HttpRouteProtocolRule(),
            new BackendExistsRule(),
            new BackendReferenceGrantRule(),
            new BackendPortRule(),
            new BackendWeightsTotal100Rule(),
            new BackendHasPositiveWeightRule(),
            new BackendSelectsPodsRule(),
            new OverlappingBackendsRule(),
            new MeshRouteCatchAllRule(),
            new ParentExistsRule(),
            new ParentSectionExistsRule(),
            new HostnameAcceptedRule(),
            new ListenerAdmitsRouteRule(),
            new DuplicateRouteMatchRule(),
            new RouteRuleReachableRule(),
            new MeshRouteProtocolRule(),
            new SelectorMatchesTemplateRule(),
            new ServiceSelectsPodsRule(),
            new OverlappingSelectorsRule(),
            new ValidNamesRule(),
        };

        public static LintReport Lint(IReadOnlyList<ParsedFile> files, LintOptions options)
        {
            var objects = files.SelectMany(f => f.Objects).ToList();
            var index = new MeshIndex(objects, options, files.Select(f => f.MakesInputIncomplete).FirstOrDefault(reason => reason != null));
            // Rules only read the index, so they run in parallel, each into its own list; the sort below fixes the order.
            var findings = new List<ManifestDiagnostic>[Rules.Count];
            Parallel.For(0, Rules.Count, i =>
            {
                findings[i] = new List<ManifestDiagnostic>();
                Rules[i].Check(new RuleContext(index, Rules[i].Descriptor, findings[i]));
            });

            var diagnostics = files.SelectMany(f => f.Diagnostics).Concat(findings.SelectMany(f => f)).ToList();
            if (options.Config != null)
            {
                diagnostics = Configure(diagnostics, files, options.Config);
            }

            diagnostics.Sort(Compare);
            // Files that held no manifest (a values file, package.json) were passed over, and are not counted as linted.
            return new LintReport(diagnostics, files.Count(f => f.Objects.Count > 0 || f.Diagnostics.Count > 0), objects.Count);
        }

        /// <summary>Loads files and directories, then lints them together.</summary>
        public static (LintReport Report, IReadOnlyList<string> IoErrors) LintPaths(IEnumerable<string> paths, LintOptions options)
        {
            var loaded = ManifestLoader.Load(paths, options);
            return (Lint(loaded.Files, options), loaded.IoErrors);
        }

        /// <summary>Applies the configuration's rule severities and per-path suppressions; a finding set to none is dropped.</summary>
        private static List<ManifestDiagnostic> Configure(List<ManifestDiagnostic> diagnostics, IReadOnlyList<ParsedFile> files, ManifestToolsConfig config)
        {
            var fullPaths = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                fullPaths[file.Path] = file.FullPath;
            }

            var configured = new List<ManifestDiagnostic>(diagnostics.Count);
            foreach (var d in diagnostics)
            {
                var severity = config.SeverityOf(d.Id, d.Severity, fullPaths.TryGetValue(d.File, out var full) ? full : null);
                if (severity == d.Severity)
                {
                    configured.Add(d);
                }
                else if (severity is { } changed)
                {
                    configured.Add(new ManifestDiagnostic(d.Descriptor, changed, d.File, d.Span, d.Message, d.Subject));
                }
            }

            return configured;
        }

        private static int Compare(ManifestDiagnostic a, ManifestDiagnostic b)
        {
            int c = string.CompareOrdinal(a.File, b.File);
            if (c == 0) c = a.Span.Line.CompareTo(b.Span.Line);
            if (c == 0) c = a.Span.Column.CompareTo(b.Span.Column);
            if (c == 0) c = string.CompareOrdinal(a.Id, b.Id);
            if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
            if (c == 0) c = a.Severity.CompareTo(b.Severity);
            if (c == 0) c = string.CompareOrdinal(a.Subject?.ToString(), b.Subject?.ToString());
            return c;
        }
    }
}
