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
        /// A finding in a manifest, at its YAML span, with its own severity: MT1004 is a warning for a host the input
        /// cannot know, though an error by default. The compiler applies NoWarn, WarningsAsErrors and .globalconfig to it.
        /// </summary>
        public static Diagnostic Create(ManifestDiagnostic finding, SourceText text) =>
            Create(finding.Id, RoslynPositions.Location(finding.File, text, finding.Span), finding.Severity, finding.Message);

        /// <summary>
        /// A code check's finding in a manifest, with the severity .manifest-tools.yaml gives its rule and path; null when
        /// the file sets it to none or suppresses it there. Lint findings come configured from the linter.
        /// </summary>
        public static Diagnostic? Create(ManifestDiagnostic finding, SourceText text, ManifestToolsConfig? config) =>
            Configured(finding.Id, finding.Severity, finding.File, config) is { } severity
                ? Create(finding.Id, RoslynPositions.Location(finding.File, text, finding.Span), severity, finding.Message)
                : null;

        /// <summary>A finding at a place in the code, configured as above by the C# file's path.</summary>
        public static Diagnostic? Create(CodeFinding finding, Location location, ManifestToolsConfig? config) =>
            Configured(finding.Descriptor.Id, finding.Descriptor.DefaultSeverity, location.SourceTree?.FilePath, config) is { } severity
                ? Create(finding.Descriptor.Id, location, severity, finding.Message)
                : null;

        private static Severity? Configured(string id, Severity severity, string? path, ManifestToolsConfig? config) =>
            config == null ? severity : config.SeverityOf(id, severity, path);

        private static Diagnostic Create(string id, Location location, Severity severity, string message) =>
            Diagnostic.Create(RoslynDescriptors.Get(id), location, RoslynDescriptors.Severity(severity), additionalLocations: null, properties: null, message);
    }
}
