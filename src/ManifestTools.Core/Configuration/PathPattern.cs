using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ManifestTools.Configuration
{
    /// <summary>
    /// A path glob of the configuration file, relative to the file's folder, read as .gitignore reads one: <c>*</c>
    /// and <c>?</c> stay within a folder name, <c>**</c> spans folders, a pattern without a slash (and not starting
    /// with <c>./</c>) matches a file or folder name at any depth, and a pattern that matches a folder matches
    /// everything below it.
    /// </summary>
    public sealed class PathPattern
    {
        private readonly Regex _regex;

        public PathPattern(string pattern)
        {
            Text = pattern;
            var p = pattern.Replace('\\', '/');
            bool anchored = p.StartsWith("./", StringComparison.Ordinal) || p.StartsWith("/", StringComparison.Ordinal);
            if (p.StartsWith("./", StringComparison.Ordinal))
            {
                p = p.Substring(2);
            }

            anchored |= p.TrimEnd('/').IndexOf('/') >= 0;
            p = p.Trim('/');
            var regex = new StringBuilder("^");
            if (!anchored)
            {
                regex.Append("(?:.*/)?");
            }

            for (int i = 0; i < p.Length; i++)
            {
                char c = p[i];
                if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
                {
                    bool slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                    regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                }
                else if (c == '*')
                {
                    regex.Append("[^/]*");
                }
                else if (c == '?')
                {
                    regex.Append("[^/]");
                }
                else
                {
                    regex.Append(Regex.Escape(c.ToString()));
                }
            }

            regex.Append("(?:/.*)?$");
            _regex = new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public string Text { get; }

        /// <summary>Whether <paramref name="relativePath"/> (with forward slashes, relative to the configuration's folder) matches.</summary>
        public bool Matches(string relativePath) => _regex.IsMatch(relativePath);
    }
}
