namespace ManifestTools.Yaml
{
    /// <summary>Which characters YAML readers accept, by go-yaml's rules: the reader of kubectl and of the API server's clients.</summary>
    public static class YamlCharacters
    {
        /// <summary>
        /// What go-yaml accepts anywhere in a stream (its reader's check, YAML 1.2's printable set): tab, the line breaks,
        /// printable ASCII, NEL, and the rest of the BMP but for surrogates, U+FFFE and U+FFFF. A surrogate is allowed only
        /// as part of a pair, which the caller checks.
        /// </summary>
        public static bool IsAllowed(char c) =>
            c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == '\u0085' ||
            (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

        /// <summary>
        /// Whether a character can stand unescaped inside a one-line value: allowed by <see cref="IsAllowed"/> and not a
        /// line break in YAML 1.1 or 1.2 (LF, CR, NEL, U+2028, U+2029), not a tab, and not a byte order mark.
        /// </summary>
        public static bool IsPrintableInLine(char c) =>
            (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != '\u2028' && c != '\u2029') || (c >= 0xE000 && c <= 0xFFFD && c != '\uFEFF');

        /// <summary>The index of the first character go-yaml rejects, or -1: a control character or a lone surrogate.</summary>
        public static int FirstDisallowed(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                if (!IsAllowed(c))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
