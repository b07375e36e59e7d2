using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>
    /// MT4005: an Exact or Prefix header value that no request can carry. HTTP strips the spaces around a field value
    /// and forbids control characters in it (RFC 9110, section 5.5), so such a route would never match.
    /// </summary>
    internal static class HeaderMatchValuesCheck
    {
        public static void Check(BoundDeclaration bound)
        {
            foreach (var route in bound.Routes)
            {
                if (route.MatchType == "regex")
                {
                    continue;
                }

                string value = route.MatchValue;
                string field = route.MatchType == "exact" ? "Exact" : "Prefix";
                bool padded = value.Length > 0 && (char.IsWhiteSpace(value[0]) || (route.MatchType == "exact" && char.IsWhiteSpace(value[value.Length - 1])));
                bool control = false;
                foreach (char c in value)
                {
                    control |= DeclaredTextCheck.IsControl(c) && c != '\t';
                }

                if (padded || control)
                {
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, route.Item.Site,
                        $"{field} '{DeclaredTextCheck.Visible(value)}' of ServiceRoute {route.Item.Identity} " +
                        (control ? "holds a control character, which HTTP does not allow in a header value"
                                 : "begins or ends with spaces, which HTTP strips from a header value") +
                        $", so the route would never match: write '{DeclaredTextCheck.Visible(value.Trim())}'");
                }
            }
        }
    }
}
