using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation
{
    /// <summary>The declaration after its values were parsed, still with the site of every item, for the checks.</summary>
    internal sealed class BoundDeclaration
    {
        public BoundDeclaration(ServiceDeclaration source) => Source = source;

        public ServiceDeclaration Source { get; }

        /// <summary>Istio until the declaration says otherwise: checks that depend on it read it after binding.</summary>
        public TrafficApi TrafficApi { get; set; }
        public List<BoundVersion> Versions { get; } = new List<BoundVersion>();
        public List<BoundRoute> Routes { get; } = new List<BoundRoute>();
        public List<BoundPort> Ports { get; } = new List<BoundPort>();
        public List<BoundEnvironmentVariable> Environment { get; } = new List<BoundEnvironmentVariable>();
        public List<ManifestDiagnostic> Diagnostics { get; } = new List<ManifestDiagnostic>();

        /// <summary>Items whose text was reported before binding; they are not bound, so no later check reports them again.</summary>
        public HashSet<DeclaredItem> Unreadable { get; } = new HashSet<DeclaredItem>();

        public void Report(DiagnosticDescriptor descriptor, DeclarationSite site, params string[] args) =>
            Diagnostics.Add(new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, site.File, site.Span, descriptor.FormatMessage(args), null));
    }

    /// <param name="Weight">Null when the item has no Weight; the default split then decides (see MT4001).</param>
    internal sealed record BoundVersion(DeclaredItem Item, string ImageTag, string Image, int? Weight, int Replicas)
    {
        public string Name => Item.Identity;
    }

    internal sealed record BoundRoute(DeclaredItem Item, string Header, string MatchType, string MatchValue, IReadOnlyList<WeightedVersion> Weights);

    /// <param name="Item">Null for the default port, which no item declares.</param>
    internal sealed record BoundPort(DeclaredItem? Item, PortModel Port);

    /// <param name="Versions">Empty: every version.</param>
    internal sealed record BoundEnvironmentVariable(DeclaredItem Item, string Value, IReadOnlyList<string> Versions)
    {
        public string Name => Item.Identity;
    }
}
