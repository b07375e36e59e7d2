using System;
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
            var bestScore = (-1, -1, -1);
            foreach (var candidate in candidates)
            {
                // Exact matches first; among equals, the nearer typos, then keys that are present.
                var score = (
                    wanted.Count(label => candidate.Labels.TryGetValue(label.Key, out var value) && value == label.Value),
                    wanted.Sum(label => Nearness(candidate.Labels, label)),
                    wanted.Count(label => candidate.Labels.TryGetValue(label.Key, out _)));
                if (score.CompareTo(bestScore) > 0)
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

        /// <summary>How close a differing value is: another case (V2 for v2) beats a longer or shorter form (v2.0).</summary>
        private static int Nearness(LabelMap labels, Label wanted)
        {
            if (!labels.TryGetValue(wanted.Key, out var value) || value == wanted.Value)
            {
                return 0;
            }

            if (string.Equals(value, wanted.Value, StringComparison.OrdinalIgnoreCase))
            {
                return 2;
            }

            return value.StartsWith(wanted.Value, StringComparison.OrdinalIgnoreCase) ||
                   wanted.Value.StartsWith(value, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
        public static int EditDistance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (int j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                    }
                }
            }

            return d[a.Length, b.Length];
        }

        public static IEnumerable<(ManifestObject Owner, LabelMap Labels)> Pods(IEnumerable<Workload> workloads) =>
            workloads.Select(w => ((ManifestObject)w, w.PodLabels));
    }
}
