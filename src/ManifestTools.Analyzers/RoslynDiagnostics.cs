using ManifestTools.Code;
using ManifestTools.Configuration;
using ManifestTools.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ManifestTools.Analyzers
{
    /// <summary>Core findings as Roslyn diagnostics; every finding this analyzer reports passes through here.</summary>
    internal static class RoslynDiagnostics
    {
        /// <summary>
        /// A finding in a manifest, at its YAML span, with its own severity: MT1004 is a warning on a DestinationRule
        /// host though an error by default. The compiler applies NoWarn, WarningsAsErrors and .globalconfig to it.
        /// </summary>
        public static Diagnostic Create(ManifestDiagnostic finding, SourceText text) =>
            Diagnostic.Create(RoslynDescriptors.Get(finding.Id), RoslynPositions.Location(finding.File, text, finding.Span),
                RoslynDescriptors.Severity(finding.Severity), additionalLocations: null, properties: null, finding.Message);

        /// <summary>
        /// A code check's finding in a manifest, with the severity .manifest-tools.yaml gives its rule and path; null when
        /// the file sets it to none or suppresses it there. Lint findings come configured from the linter.
        /// </summary>
        public static Diagnostic? Create(ManifestDiagnostic finding, SourceText text, ManifestToolsConfig? config) =>
            (config == null ? finding.Severity : config.SeverityOf(finding.Id, finding.Severity, finding.File)) is { } severity
                ? Diagnostic.Create(RoslynDescriptors.Get(finding.Id), RoslynPositions.Location(finding.File, text, finding.Span),
                    RoslynDescriptors.Severity(severity), additionalLocations: null, properties: null, finding.Message)
                : null;

        /// <summary>A finding at a place in the code, configured as above by the C# file's path.</summary>
        public static Diagnostic? Create(CodeFinding finding, Location location, ManifestToolsConfig? config)
        {
            var id = finding.Descriptor.Id;
            var severity = config == null ? finding.Descriptor.DefaultSeverity : config.SeverityOf(id, finding.Descriptor.DefaultSeverity, location.SourceTree?.FilePath);
            if (severity == null)
            {
                return null;
            }

            return severity == finding.Descriptor.DefaultSeverity
                ? Diagnostic.Create(RoslynDescriptors.Get(id), location, finding.Message)
                : Diagnostic.Create(RoslynDescriptors.Get(id), location, RoslynDescriptors.Severity(severity.Value), additionalLocations: null, properties: null, finding.Message);
        }
    }
}
