using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation
{
    /// <summary>Where something was declared: a project file and a span in it (line 0 when the line is unknown).</summary>
    public readonly record struct DeclarationSite(string File, SourceSpan Span);

    /// <summary>An MSBuild item as the project declared it: the identity, metadata as strings, and where it was written.</summary>
    public sealed class DeclaredItem
    {
        public DeclaredItem(string identity, IReadOnlyDictionary<string, string> metadata, DeclarationSite site)
        {
            Identity = identity;
            Metadata = metadata;
            Site = site;
        }

        public string Identity { get; }
        public IReadOnlyDictionary<string, string> Metadata { get; }
        public DeclarationSite Site { get; }

        /// <summary>
        /// The metadata value as written, or null when it is missing or blank (MSBuild gives unset metadata as "").
        /// Nothing is trimmed: a value with spaces around it is reported where it matters, not silently changed.
        /// </summary>
        public string? Get(string name) =>
            Metadata.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        public static IReadOnlyDictionary<string, string> Meta(params (string Name, string Value)[] pairs)
        {
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in pairs)
            {
                metadata[name] = value;
            }

            return metadata;
        }
    }

    /// <summary>A declared property value and where it was set.</summary>
    public readonly record struct DeclaredValue(string Value, DeclarationSite Site);
}
