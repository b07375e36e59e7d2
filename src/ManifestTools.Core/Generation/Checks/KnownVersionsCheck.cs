using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>MT4002: route weights and per-version environment variables name declared versions only.</summary>
    internal static class KnownVersionsCheck
    {
        public static void Check(BoundDeclaration bound)
        {
            // Without any version, every name would be unknown; MT4012 says so once instead.
            if (bound.Source.Versions.Count == 0)
            {
                return;
            }

            var declared = bound.Versions.Select(v => v.Name).Distinct().ToList();
            foreach (var route in bound.Routes)
            {
                foreach (var weight in route.Weights.Where(w => !declared.Contains(w.Version)))
                {
                    Report(bound, route.Item, $"ServiceRoute {route.Item.Identity}", weight.Version, declared);
                }
            }

            foreach (var variable in bound.Environment)
            {
                foreach (var version in variable.Versions.Where(v => !declared.Contains(v)))
                {
                    Report(bound, variable.Item, $"ServiceEnvironmentVariable {variable.Name}", version, declared);
                }
            }
        }

        private static void Report(BoundDeclaration bound, DeclaredItem item, string subject, string version, System.Collections.Generic.List<string> declared)
        {
            var near = declared.FirstOrDefault(name => string.Equals(name, version, System.StringComparison.OrdinalIgnoreCase));
            string hint = near != null ? $" (did you mean {near}?)" : declared.Count > 0 ? $" (declared: {string.Join(", ", declared)})" : "";
            bound.Report(DiagnosticCatalog.UnknownDeclaredVersion, item.Site, subject, version, hint);
        }
    }
}
