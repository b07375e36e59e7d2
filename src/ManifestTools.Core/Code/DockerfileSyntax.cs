using System;
using System.Collections.Generic;
using System.Text;

namespace ManifestTools.Code
{
    /// <summary>
    /// Splits a Dockerfile into instructions as BuildKit's parser does: the <c># escape=</c> directive, continuation
    /// lines (without the comment and blank lines inside them) and the leading <c>--flag</c> words.
    /// Heredocs are not read: their bodies would be taken for instructions, which only matters if a body line starts
    /// with FROM, ENV, ARG, EXPOSE, ENTRYPOINT or CMD.
    /// </summary>
    internal static class DockerfileSyntax
    {
        /// <summary>The instructions that shape an image's environment, ports and command; the others are dropped.</summary>
        private static readonly Dictionary<string, string> Keywords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["from"] = "from", ["env"] = "env", ["arg"] = "arg", ["expose"] = "expose", ["entrypoint"] = "entrypoint", ["cmd"] = "cmd",
        };

        /// <summary>The characters BuildKit splits an instruction from its arguments at, and a legacy ENV's name from its value.</summary>
        private static readonly char[] Separators = { ' ', '\t', '\v', '\f', '\r' };

        /// <summary>The instructions in file order, and the escape character their words are read with.</summary>
        public static List<DockerfileInstruction> Instructions(string text, out char escape)
        {
            var lines = text.Split('\n');
            if (lines[0].Length > 0 && lines[0][0] == '\uFEFF')
            {
                lines[0] = lines[0].Substring(1);
            }

            for (int i = 0; i < lines.Length; i++)
            {
                lines[i] = lines[i].TrimEnd('\r');
            }

            escape = EscapeDirective(lines);
            var instructions = new List<DockerfileInstruction>();
            var joined = new StringBuilder();
            for (int i = 0; i < lines.Length; i++)
            {
                if (IsComment(lines[i]))
                {
                    continue;
                }

                int start = i;
                joined.Clear();
                bool continues = AppendLine(joined, lines[i].TrimStart(), escape);
                if (!continues && joined.Length == 0)
                {
                    continue;
                }

                while (continues && i + 1 < lines.Length)
                {
                    string next = lines[++i];
                    if (!IsComment(next) && next.Trim().Length > 0)
                    {
                        continues = AppendLine(joined, next, escape);
                    }
                }

                Add(instructions, joined.ToString(), start + 1);
            }

            return instructions;
        }

        /// <summary>
        /// The words of an ENV, ARG or EXPOSE, split at unquoted whitespace with their quotes and escapes kept, as
        /// BuildKit's parser leaves them for its shell lexer.
        /// </summary>
        public static List<string> Words(string text, char escape)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            char quote = '\0';
            for (int at = 0; at < text.Length; at++)
            {
                char ch = text[at];
                if (quote == '\0' && char.IsWhiteSpace(ch))
                {
                    if (word.Length > 0)
                    {
                        words.Add(word.ToString());
                    }

                    word.Clear();
                    continue;
                }

                if (quote == '\0' && (ch == '\'' || ch == '"'))
                {
                    quote = ch;
                }
                else if (ch == quote)
                {
                    quote = '\0';
                }
                else if (ch == escape && quote != '\'')
                {
                    if (at + 1 == text.Length)
                    {
                        // BuildKit drops an escape character that ends the text.
                        break;
                    }

                    word.Append(ch);
                    ch = text[++at];
                }

                word.Append(ch);
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
            }

            return words;
        }

        /// <summary>The index of the first whitespace BuildKit splits at, or -1.</summary>
        public static int IndexOfSeparator(string text) => text.IndexOfAny(Separators);

        /// <summary>
        /// The escape character of the directives that open the file. BuildKit stops looking for them at the first line
        /// that is not one, and fails the build on a value other than a backslash or a backtick, so that case keeps the default.
        /// </summary>
        private static char EscapeDirective(string[] lines)
        {
            char escape = '\\';
            bool seen = false;
            foreach (var line in lines)
            {
                if (!TryDirective(line.TrimStart(), out string name, out string value) ||
                    !(name.Equals("escape", StringComparison.OrdinalIgnoreCase) || name.Equals("syntax", StringComparison.OrdinalIgnoreCase) ||
                      name.Equals("check", StringComparison.OrdinalIgnoreCase)))
                {
                    break;
                }

                if (!seen && name.Equals("escape", StringComparison.OrdinalIgnoreCase) && (value == "`" || value == "\\"))
                {
                    escape = value[0];
                    seen = true;
                }
            }

            return escape;
        }

        /// <summary><c>#[ \t]*name[ \t]*=[ \t]*value[ \t]*</c>, read without a regular expression to stay linear on a long line.</summary>
        private static bool TryDirective(string line, out string name, out string value)
        {
            name = value = "";
            if (line.Length == 0 || line[0] != '#')
            {
                return false;
            }

            int at = SkipBlanks(line, 1);
            int start = at;
            if (at < line.Length && IsAsciiLetter(line[at]))
            {
                while (at < line.Length && (IsAsciiLetter(line[at]) || (line[at] >= '0' && line[at] <= '9')))
                {
                    at++;
                }
            }

            name = line.Substring(start, at - start);
            at = SkipBlanks(line, at);
            if (name.Length == 0 || at == line.Length || line[at] != '=')
            {
                return false;
            }

            value = line.Substring(SkipBlanks(line, at + 1)).TrimEnd(' ', '\t');
            return value.Length > 0;
        }

        private static int SkipBlanks(string line, int at)
        {
            while (at < line.Length && (line[at] == ' ' || line[at] == '\t'))
            {
                at++;
            }

            return at;
        }

        private static bool IsAsciiLetter(char ch) => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');

        private static bool IsComment(string line) => line.TrimStart().StartsWith("#", StringComparison.Ordinal);

        /// <summary>Appends the line without its continuation escape; true when it ends with one, so the next line joins it.</summary>
        private static bool AppendLine(StringBuilder joined, string line, char escape)
        {
            int end = line.Length;
            while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
            {
                end--;
            }

            bool continues = end > 0 && line[end - 1] == escape;
            joined.Append(line, 0, continues ? end - 1 : line.Length);
            return continues;
        }

        private static void Add(List<DockerfileInstruction> instructions, string line, int lineNumber)
        {
            line = line.Trim();
            int split = IndexOfSeparator(line);
            if (!Keywords.TryGetValue(split < 0 ? line : line.Substring(0, split), out var keyword))
            {
                return;
            }

            int at = split < 0 ? line.Length : split;
            bool hasFlags = false;
            while (true)
            {
                while (at < line.Length && char.IsWhiteSpace(line[at]))
                {
                    at++;
                }

                if (at + 1 >= line.Length || line[at] != '-' || line[at + 1] != '-')
                {
                    break;
                }

                int start = at;
                at = FlagEnd(line, at);
                if (at - start == 2)
                {
                    // A bare "--" ends the flags.
                    break;
                }

                hasFlags = true;
            }

            instructions.Add(new DockerfileInstruction(keyword, at < line.Length ? line.Substring(at).TrimStart() : "", lineNumber, hasFlags));
        }

        /// <summary>The end of a <c>--flag=value</c> word, whose value may hold quoted whitespace.</summary>
        private static int FlagEnd(string line, int at)
        {
            char quote = '\0';
            for (; at < line.Length; at++)
            {
                char ch = line[at];
                if (quote == '\0' && char.IsWhiteSpace(ch))
                {
                    break;
                }

                if (ch == '\\')
                {
                    at++;
                }
                else if (quote == '\0' && (ch == '\'' || ch == '"'))
                {
                    quote = ch;
                }
                else if (ch == quote)
                {
                    quote = '\0';
                }
            }

            return Math.Min(at, line.Length);
        }
    }

    /// <summary>One instruction that matters to the image: its keyword in lower case, its arguments and its first line.</summary>
    internal sealed class DockerfileInstruction
    {
        public DockerfileInstruction(string keyword, string arguments, int line, bool hasFlags)
        {
            Keyword = keyword;
            Arguments = arguments;
            Line = line;
            HasFlags = hasFlags;
        }

        public string Keyword { get; }

        /// <summary>The text after the keyword and its flags.</summary>
        public string Arguments { get; }

        public int Line { get; }

        /// <summary>True when <c>--flag</c> words led the arguments: BuildKit rejects them on all but FROM.</summary>
        public bool HasFlags { get; }
    }
}
