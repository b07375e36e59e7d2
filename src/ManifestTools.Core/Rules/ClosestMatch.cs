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
            int bestScore = -1, bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                // Most exact labels first; among equals, the nearest values, so v2 beats v1 for a wanted V2.
                int score = wanted.Count(label => candidate.Labels.TryGetValue(label.Key, out var value) && value == label.Value);
                int distance = wanted.Sum(label => candidate.Labels.TryGetValue(label.Key, out var value)
                    ? EditDistance(value, label.Value)
                    : label.Value.Length + 1);
                if (score > bestScore || (score == bestScore && distance < bestDistance))
                {
                    best = candidate;
                    bestScore = score;
                    bestDistance = distance;
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

        /// <summary>Levenshtein distance, kept cheap: valid label values have at most 63 characters.</summary>
        private static int EditDistance(string a, string b)
        {
            if (a.Length > 63 || b.Length > 63)
            {
                return a == b ? 0 : System.Math.Max(a.Length, b.Length); // Invalid (MT2004); not worth quadratic work.
            }

            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = System.Math.Min(substitute, System.Math.Min(previous[j], current[j - 1]) + 1);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }

        public static IEnumerable<(ManifestObject Owner, LabelMap Labels)> Pods(IEnumerable<Workload> workloads) =>
            workloads.Select(w => ((ManifestObject)w, w.PodLabels));
    }
}
