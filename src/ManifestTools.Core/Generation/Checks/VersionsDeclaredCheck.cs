using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>MT4012: ServiceRoute or ServiceEnvironmentVariable items, but no ServiceVersion item for them to describe.</summary>
    internal static class VersionsDeclaredCheck
    {
        public static void Check(BoundDeclaration bound)
        {
            var source = bound.Source;
            if (source.Versions.Count > 0)
            {
                return;
            }

            var first = source.Routes.Select(r => (Item: r, Text: "ServiceRoute " + DeclaredTextCheck.Visible(r.Identity)))
                .Concat(source.EnvironmentVariables.Select(e => (Item: e, Text: "ServiceEnvironmentVariable " + DeclaredTextCheck.Visible(e.Identity))))
                .FirstOrDefault();
            if (first.Item == null)
            {
                return;
            }

            int others = source.Routes.Count + source.EnvironmentVariables.Count - 1;
            bound.Report(DiagnosticCatalog.DeclarationWithoutVersions, first.Item.Site, first.Text,
                (others > 0 ? $" ({others} more such item{(others == 1 ? "" : "s")})" : "") +
                "; files that earlier builds generated are removed as stale");
        }
    }
}
