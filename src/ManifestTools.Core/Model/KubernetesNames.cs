namespace ManifestTools.Model
{
    /// <summary>The API server's name and label syntax (k8s.io/apimachinery validation), without regex cost.</summary>
    public static class KubernetesNames
    {
        /// <summary>DNS-1123 label: at most 63 of [a-z0-9-], alphanumeric at both ends.</summary>
        public static string? CheckDns1123Label(string value) =>
            value.Length == 0 ? "must not be empty"
            : value.Length > 63 ? "must be at most 63 characters"
            : IsLabelPart(value, allowUpper: false, extra: "-") ? null
            : "must consist of lower-case letters, digits and '-', and start and end with a letter or digit";

        /// <summary>DNS-1035 label (Service names): a DNS-1123 label that starts with a letter.</summary>
        public static string? CheckDns1035Label(string value)
        {
            var problem = CheckDns1123Label(value);
            if (problem != null)
            {
                return problem;
            }

            return value[0] >= 'a' && value[0] <= 'z' ? null : "must start with a lower-case letter";
        }

        /// <summary>DNS-1123 subdomain: at most 253 characters of dot-separated DNS-1123 labels.</summary>
        public static string? CheckDns1123Subdomain(string value)
        {
            if (value.Length == 0)
            {
                return "must not be empty";
            }

            if (value.Length > 253)
            {
                return "must be at most 253 characters";
            }

            // Every object name passes through here: walk the dot-separated parts without splitting the string.
            for (int start = 0; ; )
            {
                int dot = value.IndexOf('.', start);
                int end = dot < 0 ? value.Length : dot;
                if (end == start || !IsLabelPart(value, start, end - start, allowUpper: false, extra: "-"))
                {
                    return "must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit";
                }

                if (dot < 0)
                {
                    return null;
                }

                start = dot + 1;
            }
        }

        /// <summary>A label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters.</summary>
        public static string? CheckLabelKey(string key)
        {
            string name = key;
            int slash = key.IndexOf('/');
            if (slash >= 0)
            {
                var prefixProblem = CheckDns1123Subdomain(key.Substring(0, slash));
                if (prefixProblem != null)
                {
                    return "must have a valid prefix before '/': the prefix " + prefixProblem;
                }

                name = key.Substring(slash + 1);
            }

            if (name.Length == 0)
            {
                return "must have a name";
            }

            if (name.Length > 63)
            {
                return "must have a name of at most 63 characters";
            }

            return IsLabelPart(name, allowUpper: true, extra: "-_.") ? null
                : "must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit";
        }

        /// <summary>A label value: empty, or at most 63 of [A-Za-z0-9-_.], alphanumeric at both ends.</summary>
        public static string? CheckLabelValue(string value) =>
            value.Length == 0 ? null
            : value.Length > 63 ? "must be at most 63 characters"
            : IsLabelPart(value, allowUpper: true, extra: "-_.") ? null
            : "must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit";

        private static bool IsLabelPart(string value, bool allowUpper, string extra) => IsLabelPart(value, 0, value.Length, allowUpper, extra);

        /// <summary><paramref name="value"/>[start..start+length), which must not be empty.</summary>
        private static bool IsLabelPart(string value, int start, int length, bool allowUpper, string extra)
        {
            if (!IsAlphanumeric(value[start], allowUpper) || !IsAlphanumeric(value[start + length - 1], allowUpper))
            {
                return false;
            }

            for (int i = start; i < start + length; i++)
            {
                if (!IsAlphanumeric(value[i], allowUpper) && extra.IndexOf(value[i]) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAlphanumeric(char c, bool allowUpper) =>
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (allowUpper && c >= 'A' && c <= 'Z');
    }
}
