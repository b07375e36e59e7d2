using System.Text.RegularExpressions;

namespace ManifestTools.Model
{
    /// <summary>
    /// Substitution placeholders that a tool replaces before the file reaches a cluster: envsubst and shell
    /// <c>${VAR}</c>, Kubernetes and Make <c>$(VAR)</c>, and Go, Helm or Jinja templates <c>{{ … }}</c>. A value that
    /// holds one is unknown to the linter, so it is neither reported as invalid nor taken as a real name to look up.
    /// </summary>
    public static class Placeholders
    {
        private static readonly Regex Pattern = new Regex(@"\$\{[^}]*\}|\$\([^)]*\)|\{\{.*?\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline);

        public static bool In(string? value) =>
            value != null && value.IndexOfAny(Starts) >= 0 && Pattern.IsMatch(value);

        public static bool In(LabelMap labels)
        {
            foreach (var label in labels)
            {
                if (In(label.Key) || In(label.Value))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly char[] Starts = { '$', '{' };
    }
}
