using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>MT4004: no two ServiceVersion items share a name.</summary>
    internal static class UniqueVersionsCheck
    {
        public static void Check(BoundDeclaration bound)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var version in bound.Versions)
            {
                if (!seen.Add(version.Name))
                {
                    bound.Report(DiagnosticCatalog.DuplicateDeclaredVersion, version.Item.Site, version.Name);
                }
            }
        }
    }
}
