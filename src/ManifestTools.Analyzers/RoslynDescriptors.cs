using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ManifestTools.Diagnostics;
using Microsoft.CodeAnalysis;
using CoreDescriptor = ManifestTools.Diagnostics.DiagnosticDescriptor;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace ManifestTools.Analyzers
{
    /// <summary>The one place this adapter turns the core catalogue into Roslyn descriptors.</summary>
    internal static class RoslynDescriptors
    {
        public const string Category = "ManifestTools";

        /// <summary>The catalogue lists whose findings the analyzer reports.</summary>
        private static readonly IReadOnlyList<IReadOnlyList<CoreDescriptor>> Reported = new[]
        {
            DiagnosticCatalog.Lint,
            DiagnosticCatalog.Code,
        };

        private static readonly ImmutableDictionary<string, RoslynDescriptor> ById =
            Reported.SelectMany(list => list).ToImmutableDictionary(d => d.Id, Create, StringComparer.Ordinal);

        public static ImmutableArray<RoslynDescriptor> Supported { get; } =
            ById.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

        /// <summary>The descriptor of a reported ID; every ID the core reports to this adapter is in <see cref="Reported"/>.</summary>
        public static RoslynDescriptor Get(string id) => ById[id];

        public static DiagnosticSeverity Severity(Severity severity) => severity switch
        {
            Diagnostics.Severity.Error => DiagnosticSeverity.Error,
            Diagnostics.Severity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };

        /// <summary>
        /// The core formats its messages itself (they name the objects involved), so the Roslyn format is "{0}".
        /// The help link is the anchor in the repository's rule documentation, relative as the CLI's SARIF has it.
        /// </summary>
        private static RoslynDescriptor Create(CoreDescriptor d) => new RoslynDescriptor(
            d.Id, d.Title, "{0}", Category, Severity(d.DefaultSeverity), isEnabledByDefault: true,
            description: d.Help, helpLinkUri: d.HelpAnchor);
    }
}
