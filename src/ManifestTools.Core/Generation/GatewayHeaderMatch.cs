using System.Text;

namespace ManifestTools.Generation
{
    /// <summary>
    /// A ServiceRoute's match as a Gateway API HTTPHeaderMatch, whose types are Exact and RegularExpression only: a
    /// Prefix becomes a RegularExpression that matches the value escaped, at the start, followed by anything.
    /// </summary>
    internal static class GatewayHeaderMatch
    {
        public const string Exact = "Exact";
        public const string RegularExpression = "RegularExpression";

        /// <param name="matchType">exact, prefix or regex, as the bound route has it.</param>
        public static (string Type, string Value) Of(string matchType, string value) => matchType switch
        {
            "exact" => (Exact, value),
            "prefix" => (RegularExpression, "^" + Escape(value) + ".*"),
            _ => (RegularExpression, value),
        };

        /// <summary>
        /// The characters RE2 (Istio's and Envoy's dialect) treats as syntax outside a class, as Go's regexp.QuoteMeta
        /// escapes them. Each escape is also literal in ECMAScript and PCRE, so the pattern means the same to any
        /// implementation; '^' and '.*' make it a prefix match whether it matches the whole value (Istio) or a part.
        /// </summary>
        private static string Escape(string value)
        {
            var builder = new StringBuilder(value.Length + 8);
            foreach (char c in value)
            {
                if (@"\.+*?()|[]{}^$".IndexOf(c) >= 0)
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            return builder.ToString();
        }
    }
}
