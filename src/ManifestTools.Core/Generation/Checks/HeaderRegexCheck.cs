using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>
    /// MT4005: a ServiceRoute's Regex that RE2, the dialect of Istio and Envoy, rejects. Istio's webhook rejects such a
    /// VirtualService on apply; the HTTPRoute CRD does not check the pattern, so there the route silently fails in the
    /// proxy. Only what is certain is reported: brackets or parentheses that do not close, and the Perl constructs RE2
    /// leaves out (lookaround, atomic groups, possessive quantifiers, named backreferences). RE2's own syntax that .NET
    /// lacks (<c>(?P&lt;name&gt;</c>, <c>\pL</c>, <c>\Q…\E</c>) is accepted.
    /// </summary>
    internal static class HeaderRegexCheck
    {
        public static void Check(BoundDeclaration bound)
        {
            foreach (var route in bound.Routes)
            {
                if (route.MatchType == "regex" && Problem(route.MatchValue) is { } problem)
                {
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, route.Item.Site,
                        $"Regex '{DeclaredTextCheck.Visible(route.MatchValue)}' of ServiceRoute {route.Item.Identity} {problem}, which RE2 (the " +
                        "regular expressions of Istio and Envoy) rejects: rewrite it without that construct");
                }
            }
        }

        /// <summary>What RE2 rejects in <paramref name="pattern"/>, in a message's words; null when nothing certain.</summary>
        internal static string? Problem(string pattern)
        {
            int depth = 0;
            bool inClass = false, quoted = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (quoted)
                {
                    quoted = !(c == '\\' && At(pattern, i + 1, "E") && Skip(ref i, 1));
                    continue;
                }

                if (c == '\\')
                {
                    if (At(pattern, i + 1, "Q"))
                    {
                        quoted = true;
                    }
                    else if (!inClass && At(pattern, i + 1, "k<"))
                    {
                        return "uses a named backreference (\\k<…>)";
                    }

                    i++; // The escaped character is literal, or a class such as \d.
                    continue;
                }

                if (inClass)
                {
                    inClass = c != ']';
                    continue;
                }

                switch (c)
                {
                    case '[':
                        inClass = true;
                        // A ']' first in the class, or after '^', is a literal member.
                        if (At(pattern, i + 1, "^]"))
                        {
                            i += 2;
                        }
                        else if (At(pattern, i + 1, "]"))
                        {
                            i++;
                        }

                        break;
                    case '(':
                        if (At(pattern, i + 1, "?=") || At(pattern, i + 1, "?!") || At(pattern, i + 1, "?<=") || At(pattern, i + 1, "?<!"))
                        {
                            return "uses a lookaround ((?=, (?!, (?<=, (?<!)";
                        }

                        if (At(pattern, i + 1, "?>"))
                        {
                            return "uses an atomic group ((?>…))";
                        }

                        depth++;
                        break;
                    case ')':
                        if (--depth < 0)
                        {
                            return "closes a parenthesis it never opened";
                        }

                        break;
                    case '*':
                    case '+':
                    case '?':
                    case '}':
                        if (At(pattern, i + 1, "+"))
                        {
                            return $"uses a possessive quantifier ({c}+)";
                        }

                        break;
                }
            }

            return inClass ? "leaves a character class ([…) open" : depth > 0 ? "leaves a parenthesis open" : null;
        }

        private static bool At(string text, int index, string expected) =>
            index + expected.Length <= text.Length && string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;

        private static bool Skip(ref int i, int count)
        {
            i += count;
            return true;
        }
    }
}
