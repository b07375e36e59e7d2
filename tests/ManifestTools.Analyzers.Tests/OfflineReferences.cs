using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>
    /// The test framework's reference assemblies come from NuGet packages that it downloads; the tests compile against
    /// the assemblies of the running runtime and of the ASP.NET Core shared framework instead, which need no network.
    /// </summary>
    internal static class OfflineReferences
    {
        /// <summary>A target framework with no package to resolve.</summary>
        public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

        public static ImmutableArray<MetadataReference> SharedFrameworks { get; } = Load(typeof(object), typeof(Microsoft.AspNetCore.Builder.WebApplication));

        /// <summary>The runtime alone, as a worker or a library without ASP.NET Core compiles against.</summary>
        public static ImmutableArray<MetadataReference> RuntimeOnly { get; } = Load(typeof(object));

        private static ImmutableArray<MetadataReference> Load(params Type[] types)
        {
            var folders = types
                .Select(t => Path.GetDirectoryName(t.Assembly.Location)!)
                .ToHashSet(StringComparer.Ordinal);
            var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            return trusted.Where(path => folders.Contains(Path.GetDirectoryName(path)!))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
