using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>
    /// MT4005, with ManifestTrafficApi=GatewayApi: what the HTTPRoute CRD's schema refuses, which the API server would
    /// reject on apply. A route holds at most 16 rules (the ServiceRoutes and the catch-all), a rule at most 16
    /// backendRefs, and a header match a name of 256 characters and a value of 4,096 (a Prefix as its regular expression). Versions without traffic in a rule are left out of it, so only the versions with a weight count.
    /// </summary>
    internal static class HttpRouteLimitsCheck
    {
        public const int MaxRules = 16;
        public const int MaxBackends = 16;

        /// <summary>HTTPHeaderName's and HTTPHeaderMatch.value's maxLength in the CRD.</summary>
        public const int MaxHeaderName = 256;
        public const int MaxHeaderValue = 4096;

        public static void Check(BoundDeclaration bound)
        {
            if (bound.TrafficApi != TrafficApi.GatewayApi)
            {
                return;
            }

            if (bound.Routes.Count > MaxRules - 1)
            {
                bound.Report(DiagnosticCatalog.InvalidDeclaredValue, bound.Routes[MaxRules - 1].Item.Site,
                    $"ServiceRoute {bound.Routes[MaxRules - 1].Item.Identity} is number {Format(MaxRules)}, but an HTTPRoute holds at most {Format(MaxRules)} rules " +
                    $"and one is the rule for every other request: declare at most {Format(MaxRules - 1)} ServiceRoute items with ManifestTrafficApi=GatewayApi");
            }

            foreach (var route in bound.Routes)
            {
                var (_, value) = GatewayHeaderMatch.Of(route.MatchType, route.MatchValue);
                if (route.Header.Length > MaxHeaderName || value.Length > MaxHeaderValue)
                {
                    bool name = route.Header.Length > MaxHeaderName;
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, route.Item.Site,
                        $"the {(name ? "Header" : "match value")} of ServiceRoute {route.Item.Identity} is {Format(name ? route.Header.Length : value.Length)} characters long" +
                        (name ? string.Empty : " in the HTTPRoute") + $", but an HTTPRoute header match takes at most {Format(name ? MaxHeaderName : MaxHeaderValue)}: " +
                        "shorten it with ManifestTrafficApi=GatewayApi");
                }

                var served = route.Weights.Where(w => w.Weight > 0).ToList();
                if (served.Count > MaxBackends)
                {
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, route.Item.Site, TooMany("ServiceRoute " + route.Item.Identity, served.Select(w => w.Version)));
                }
            }

            // Without any Weight the first version takes all, so only declared weights can exceed the limit.
            var weighted = bound.Versions.Where(v => v.Weight > 0).ToList();
            if (weighted.Count > MaxBackends)
            {
                bound.Report(DiagnosticCatalog.InvalidDeclaredValue, weighted[MaxBackends].Item.Site,
                    TooMany("the ServiceVersion items, the default route", weighted.Select(v => v.Name)));
            }
        }

        private static string TooMany(string subject, IEnumerable<string> versions)
        {
            var list = versions.ToList();
            return $"{Format(list.Count)} versions get traffic from {subject} ({string.Join(", ", list)}), but an HTTPRoute rule holds at most " +
                $"{Format(MaxBackends)} backendRefs: give at most {Format(MaxBackends)} versions a weight above 0 with ManifestTrafficApi=GatewayApi";
        }

        private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
