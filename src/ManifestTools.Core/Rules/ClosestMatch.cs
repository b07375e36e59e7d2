using System.Collections.Generic;
using System.Linq;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>Finds the pod source nearest to a wanted label set, so a message can show the one-character typo.</summary>
    internal static class ClosestMatch
    {
        /// <summary>
        /// "the closest is Deployment ads-v2 with version=v2, but the subset wants version=V2", or null when there
        /// is no candidate at all.
        /// </summary>
        public static string? Describe(IEnumerable<(ManifestObject Owner, LabelMap Labels)> candidates, LabelMap wanted, string wanter)
        {
            (ManifestObject Owner, LabelMap Labels)? best = null;
            int bestScore = -1;
            foreach (var candidate in candidates)
            {
                int score = wanted.Sum(label => Score(candidate.Labels, label));
                if (score > bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            if (best == null)
            {
                return null;
            }

            var (owner, labels) = best.Value;
            var mismatched = wanted.Where(label => !(labels.TryGetValue(label.Key, out var value) && value == label.Value)).ToList();
            var has = string.Join(", ", mismatched.Select(label =>
                labels.TryGetValue(label.Key, out var value) ? label.Key + "=" + value : "no label " + label.Key));
            return $"the closest is {owner.Kind} {owner.Name} with {has}, but {wanter} wants {LabelMap.Format(mismatched)}";
        }

        /// <summary>An exact label counts most; then the typos worth pointing at: another case (V2), a longer form (v2.0).</summary>
        private static int Score(LabelMap labels, Label wanted)
        {
            if (!labels.TryGetValue(wanted.Key, out var value))
            {
                return 0;
            }

            if (value == wanted.Value)
            {
                return 3;
            }

            if (string.Equals(value, wanted.Value, System.StringComparison.OrdinalIgnoreCase))
            {
                return 2;
            }

            bool prefix = value.StartsWith(wanted.Value, System.StringComparison.OrdinalIgnoreCase) ||
                          wanted.Value.StartsWith(value, System.StringComparison.OrdinalIgnoreCase);
            return prefix ? 1 : 0;
        }

        public static IEnumerable<(ManifestObject Owner, LabelMap Labels)> Pods(IEnumerable<Workload> workloads) =>
            workloads.Select(w => ((ManifestObject)w, w.PodLabels));
    }
}
