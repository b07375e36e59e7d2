using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>MT4001: the default split (ServiceVersion weights) and each ServiceRoute's split total 100.</summary>
    internal static class WeightsTotal100Check
    {
        public static void Check(BoundDeclaration bound)
        {
            var weighted = bound.Versions.Where(v => v.Weight != null).ToList();

            // A Weight that did not parse is MT4005; counting it as 0 here would add a second, misleading finding.
            bool unparsed = bound.Versions.Any(v => v.Weight == null && v.Item.Get("Weight") != null);
            if (weighted.Count > 0 && !unparsed)
            {
                int total = bound.Versions.Sum(v => v.Weight ?? 0);
                if (total != 100)
                {
                    // Reported at the last weighted item: the one a canary step usually edits.
                    bound.Report(DiagnosticCatalog.DeclaredWeightsNot100, weighted[weighted.Count - 1].Item.Site,
                        "the ServiceVersion items (the default route)", Format(total),
                        string.Join(", ", bound.Versions.Select(v => v.Name + "=" + (v.Weight?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0 (no Weight)"))));
                }
            }

            foreach (var route in bound.Routes)
            {
                int total = route.Weights.Sum(w => w.Weight);
                if (total != 100)
                {
                    bound.Report(DiagnosticCatalog.DeclaredWeightsNot100, route.Item.Site, "ServiceRoute " + route.Item.Identity, Format(total),
                        string.Join(", ", route.Weights.Select(w => w.Version + "=" + Format(w.Weight))));
                }
            }
        }

        private static string Format(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
