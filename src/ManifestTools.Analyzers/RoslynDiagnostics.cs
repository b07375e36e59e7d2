using ManifestTools.Code;
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

        /// <summary>A finding at a place in the code.</summary>
        public static Diagnostic Create(CodeFinding finding, Location location) =>
            Diagnostic.Create(RoslynDescriptors.Get(finding.Descriptor.Id), location, finding.Message);
    }
}
