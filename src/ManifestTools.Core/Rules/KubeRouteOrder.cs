using System.Collections.Generic;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// Which matches of an HTTPRoute or GRPCRoute are never used. The Gateway API picks the most specific match, and
    /// among equally specific ones the first rule; a more general match never hides a more specific one, whatever their
    /// order. Since specificity grows with every condition, a match hides another only when the two are equal, so
    /// canonical keys (<see cref="KubeRouteMatch"/>) compared in rule order find them all.
    /// </summary>
    internal static class KubeRouteOrder
    {
        /// <summary>A match that an earlier match of the same route repeats; <see cref="Match"/> is -1 for a rule without matches.</summary>
        public readonly struct Repeat
        {
            public Repeat(KubeRouteRule rule, int match, KubeRouteRule earlierRule, int earlierMatch)
            {
                Rule = rule;
                Match = match;
                EarlierRule = earlierRule;
                EarlierMatch = earlierMatch;
            }

            public KubeRouteRule Rule { get; }
            public int Match { get; }
            public KubeRouteRule EarlierRule { get; }
            public int EarlierMatch { get; }
        }

        /// <summary>
        /// The repeated matches of <paramref name="route"/>, and the rules all of whose matches earlier rules repeat.
        /// Nothing when a rule's matches could not be read.
        /// </summary>
        public static (List<Repeat> Repeats, List<Repeat> Unreachable) Analyze(KubeRoute route)
        {
            var repeats = new List<Repeat>();
            var unreachable = new List<Repeat>();
            foreach (var rule in route.Rules)
            {
                if (rule.MatchesUnreadable)
                {
                    return (repeats, unreachable);
                }
            }

            var seen = new Dictionary<string, (KubeRouteRule Rule, int Match)>();
            foreach (var rule in route.Rules)
            {
                int count = rule.Matches.Count == 0 ? 1 : rule.Matches.Count;
                var ofRule = new List<Repeat>(0);
                bool allByEarlierRules = true;
                for (int i = 0; i < count; i++)
                {
                    int match = rule.Matches.Count == 0 ? -1 : i;
                    var key = match < 0 ? KubeRouteMatch.CatchAllKey : rule.Matches[i].Key;
                    if (seen.TryGetValue(key, out var earlier))
                    {
                        ofRule.Add(new Repeat(rule, match, earlier.Rule, earlier.Match));
                        allByEarlierRules &= earlier.Rule != rule;
                    }
                    else
                    {
                        seen.Add(key, (rule, match));
                        allByEarlierRules = false;
                    }
                }

                if (allByEarlierRules && ofRule.Count > 0)
                {
                    unreachable.Add(ofRule[0]);
                }
                else
                {
                    repeats.AddRange(ofRule);
                }
            }

            return (repeats, unreachable);
        }

        /// <summary>"matches[1] of rules[2] (canary)", or "rules[2]" for a rule without matches.</summary>
        public static string Describe(KubeRouteRule rule, int match) =>
            match < 0 ? rule.Describe() : $"matches[{match.ToString(System.Globalization.CultureInfo.InvariantCulture)}] of {rule.Describe()}";
    }
}
