using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>MT4008: two versions of a canary deploy different images.</summary>
    internal static class DistinctImagesCheck
    {
        public static void Check(BoundDeclaration bound)
        {
            var firstByImage = new Dictionary<string, BoundVersion>(System.StringComparer.Ordinal);
            foreach (var version in bound.Versions)
            {
                if (firstByImage.TryGetValue(version.Image, out var first))
                {
                    if (first.Name != version.Name)
                    {
                        bound.Report(DiagnosticCatalog.DuplicateDeclaredImage, version.Item.Site, first.Name, version.Name, version.Image);
                    }
                }
                else
                {
                    firstByImage.Add(version.Image, version);
                }
            }
        }
    }
}
