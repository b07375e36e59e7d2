using System.Text.RegularExpressions;

namespace ManifestTools.Loading
{
    /// <summary>Whether a file that could not be read as YAML was meant to be a manifest.</summary>
    internal static class ManifestText
    {
        /// <summary>An <c>apiVersion:</c> or <c>kind:</c> key at the start of a line (YAML), or a <c>"kind":</c> key anywhere (JSON).</summary>
        private static readonly Regex Key = new Regex(
            @"^[ \t]*(?:-[ \t]+)?(?:apiVersion|kind|""apiVersion""|""kind""|'apiVersion'|'kind')[ \t]*:|""(?:apiVersion|kind)""[ \t\r\n]*:",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>How much of a file is searched: a manifest names its kind near the top.</summary>
        private const int Head = 1 << 20;

        public static bool DeclaresKind(string text) => Key.IsMatch(text.Length > Head ? text.Substring(0, Head) : text);

        /// <summary>For bytes that are not UTF-8: the keys are ASCII, so each byte is read as one character.</summary>
        public static bool DeclaresKind(byte[] bytes, int count)
        {
            var chars = new char[System.Math.Min(count, Head)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return DeclaresKind(new string(chars));
        }
    }
}
