using System.Text.RegularExpressions;

namespace ManifestTools.Model
{
    /// <summary>
    /// Substitution placeholders that a tool or a person replaces before the file reaches a cluster: envsubst and shell
    /// <c>${VAR}</c>, Kubernetes and Make <c>$(VAR)</c>, Go, Helm or Jinja templates <c>{{ … }}</c>, and the
    /// fill-in-the-blank names of samples (<c>YOUR_NAMESPACE</c>, <c>PROJECT_ID</c>: capitals, digits and underscores,
    /// which no Kubernetes name may hold). A value that holds one is unknown to the linter, so it is neither reported
    /// as invalid nor taken as a real name to look up.
    /// </summary>
    public static class Placeholders
    {
        private static readonly Regex Pattern = new Regex(@"\$\{[^}]*\}|\$\([^)]*\)|\{\{.*?\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline);

        private static readonly Regex FillIn = new Regex(@"(?:^|[.\-/])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:$|[.\-/])", RegexOptions.CultureInvariant);

        public static bool In(string? value) =>
            value != null && value.IndexOfAny(Starts) >= 0 && Pattern.IsMatch(value);

        /// <summary>
        /// For names, namespaces and hosts, which may not hold capitals or underscores, also a fill-in name. Label
        /// values may (<c>tier: BACKEND_API</c> is valid), so they are placeholders only by <see cref="In(string)"/>.
        /// </summary>
        public static bool InName(string? value) =>
            In(value) || (value != null && value.IndexOf('_') > 0 && FillIn.IsMatch(value));

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
