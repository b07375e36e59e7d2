using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation
{
    /// <summary>The declaration after its values were parsed, still with the site of every item, for the checks.</summary>
    internal sealed class BoundDeclaration
    {
        public BoundDeclaration(ServiceDeclaration source) => Source = source;

        public ServiceDeclaration Source { get; }
        public List<BoundVersion> Versions { get; } = new List<BoundVersion>();
        public List<BoundRoute> Routes { get; } = new List<BoundRoute>();
        public List<PortModel> Ports { get; } = new List<PortModel>();
        public List<BoundEnvironmentVariable> Environment { get; } = new List<BoundEnvironmentVariable>();
        public List<ManifestDiagnostic> Diagnostics { get; } = new List<ManifestDiagnostic>();

        public void Report(DiagnosticDescriptor descriptor, DeclarationSite site, params string[] args) =>
            Diagnostics.Add(new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, site.File, site.Span, descriptor.FormatMessage(args), null));
    }

    internal sealed class BoundVersion
    {
        public BoundVersion(DeclaredItem item, string imageTag, string image, int? weight, int replicas)
        {
            Item = item;
            ImageTag = imageTag;
            Image = image;
            Weight = weight;
            Replicas = replicas;
        }

        public DeclaredItem Item { get; }
        public string Name => Item.Identity;
        public string ImageTag { get; }
        public string Image { get; }

        /// <summary>Null when the item has no Weight; the default split then decides (see MT4001).</summary>
        public int? Weight { get; }
        public int Replicas { get; }
    }

    internal sealed class BoundRoute
    {
        public BoundRoute(DeclaredItem item, string header, string matchType, string matchValue, IReadOnlyList<WeightedVersion> weights)
        {
            Item = item;
            Header = header;
            MatchType = matchType;
            MatchValue = matchValue;
            Weights = weights;
        }

        public DeclaredItem Item { get; }
        public string Header { get; }
        public string MatchType { get; }
        public string MatchValue { get; }
        public IReadOnlyList<WeightedVersion> Weights { get; }
    }

    internal sealed class BoundEnvironmentVariable
    {
        public BoundEnvironmentVariable(DeclaredItem item, string value, IReadOnlyList<string> versions)
        {
            Item = item;
            Value = value;
            Versions = versions;
        }

        public DeclaredItem Item { get; }
        public string Name => Item.Identity;
        public string Value { get; }

        /// <summary>Empty: every version.</summary>
        public IReadOnlyList<string> Versions { get; }
    }
}
