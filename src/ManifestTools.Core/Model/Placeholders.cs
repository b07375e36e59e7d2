namespace ManifestTools.Model
{
    /// <summary>
    /// Substitution placeholders that a tool or a person replaces before the file reaches a cluster: envsubst and shell
    /// <c>${VAR}</c> and <c>$VAR</c>, Kubernetes and Make <c>$(VAR)</c>, Go, Helm or Jinja templates <c>{{ … }}</c>, the
    /// tokens of .NET release pipelines (Azure DevOps Replace Tokens <c>#{VAR}#</c>, Octopus and Replace Tokens
    /// <c>__VAR__</c>), and the
    /// fill-in-the-blank names of samples (<c>YOUR_NAMESPACE</c>, <c>PROJECT_ID</c>: capitals, digits and underscores,
    /// which no Kubernetes name may hold). A value that holds one is unknown to the linter, so it is neither reported
    /// as invalid nor taken as a real name to look up.
    /// </summary>
    /// <remarks>Scanned by hand: every name and label passes through here, and a regular expression would be built and
    /// compiled by the JIT on every run of the CLI.</remarks>
    public static class Placeholders
    {
        public static bool In(string? value)
        {
            if (value == null)
            {
                return false;
            }

            for (int i = value.IndexOfAny(Starts); i >= 0 && i + 1 < value.Length; i = value.IndexOfAny(Starts, i + 1))
            {
                char next = value[i + 1];
                if (value[i] == '$' && (next == '_' || (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z')))
                {
                    return true; // envsubst's $VAR: no Kubernetes name or label may hold a $.
                }

                string? close = value[i] == '$' ? (next == '{' ? "}" : next == '(' ? ")" : null)
                    : value[i] == '#' ? (next == '{' ? "}#" : null)
                    : value[i] == '_' ? (next == '_' && IsDoubleUnderscoreToken(value, i) ? "__" : null)
                    : next == '{' ? "}}" : null;
                if (close != null && value.IndexOf(close, i + 2, System.StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// For namespaces and hosts, which may not hold capitals or underscores, also a fill-in name. Not for object
        /// names, where <c>DB_PASSWORD</c> is a real mistake the API server rejects, nor for label values, which may hold
        /// capitals and underscores (<c>tier: BACKEND_API</c>).
        /// </summary>
        public static bool InName(string? value) => In(value) || (value != null && value.IndexOf('_') > 0 && HasFillIn(value));

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

        /// <summary>A part between dots, dashes or slashes of capitals and digits with an underscore inside: PROJECT_ID.</summary>
        private static bool HasFillIn(string value)
        {
            int start = 0;
            for (int i = 0; i <= value.Length; i++)
            {
                if (i == value.Length || value[i] == '.' || value[i] == '-' || value[i] == '/')
                {
                    if (IsFillIn(value, start, i))
                    {
                        return true;
                    }

                    start = i + 1;
                }
            }

            return false;
        }

        private static bool IsFillIn(string value, int start, int end)
        {
            if (end - start < 3 || value[start] < 'A' || value[start] > 'Z' || value[end - 1] == '_')
            {
                return false;
            }

            bool underscore = false;
            for (int i = start; i < end; i++)
            {
                char c = value[i];
                if (c == '_')
                {
                    if (value[i - 1] == '_')
                    {
                        return false;
                    }

                    underscore = true;
                }
                else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return underscore;
        }

        /// <summary>
        /// A <c>__VAR__</c> token at <paramref name="start"/>: not inside a word (<c>ads__api__v1</c> is a name, not a
        /// token), a letter first, then letters, digits and single underscores up to a closing <c>__</c> that ends the
        /// value or is followed by a character no name part holds (<c>.</c>, <c>/</c>, <c>-</c>, <c>:</c>).
        /// </summary>
        private static bool IsDoubleUnderscoreToken(string value, int start)
        {
            if (start > 0 && IsWordCharacter(value[start - 1]))
            {
                return false;
            }

            int i = start + 2;
            if (i >= value.Length || !((value[i] >= 'A' && value[i] <= 'Z') || (value[i] >= 'a' && value[i] <= 'z')))
            {
                return false;
            }

            for (; i + 1 < value.Length; i++)
            {
                if (value[i] == '_' && value[i + 1] == '_')
                {
                    return i + 2 == value.Length || !IsWordCharacter(value[i + 2]);
                }

                if (!IsWordCharacter(value[i]) && value[i] != '_')
                {
                    return false;
                }
            }

            return false;
        }

        private static bool IsWordCharacter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

        private static readonly char[] Starts = { '$', '{', '#', '_' };
    }
}
