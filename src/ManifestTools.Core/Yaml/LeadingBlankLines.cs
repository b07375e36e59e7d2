using System.Collections.Generic;
using System.Text;
using YamlDotNet.Core;

namespace ManifestTools.Yaml
{
    /// <summary>
    /// The lines of only spaces that open a block scalar. libyaml and go-yaml, and so kubectl, read them as empty lines
    /// (or, past an explicit indentation, as text), but YamlDotNet refuses some: the first line of a literal scalar
    /// when it holds two spaces or more ("found extra spaces in first line"), and in a folded scalar any such line
    /// deeper than the line after them. For a document it refuses, <see cref="Find"/> makes a copy in which those lines
    /// hold no spaces, or, where the first line is text past an explicit indentation, its last space is a letter. Only
    /// spaces go, so every other character keeps its line and column. <see cref="Read"/> gives each such scalar back its
    /// value and tells what go-yaml would refuse; <see cref="Holds"/> tells whether every change fell where it was meant.
    /// </summary>
    internal sealed class LeadingBlankLines
    {
        /// <summary>Stands for the space it replaces, so that YamlDotNet reads the line as text; put back in the value.</summary>
        private const char Stand = 'x';

        private readonly List<Change> _changes;
        private int _next;
        private bool _misplaced;

        private LeadingBlankLines(string text, List<Change> changes)
        {
            Text = text;
            _changes = changes;
        }

        /// <summary>The copy for YamlDotNet to read instead of the document.</summary>
        public string Text { get; }

        /// <summary>
        /// The copy, or null when no block scalar in <paramref name="text"/> opens with such lines. Block scalars are
        /// found by the line that opens them, and their bodies skipped, so that text in one that looks like YAML (a
        /// script, an embedded file) is never changed. A scalar whose key is on an earlier line may have a body less
        /// indented than its indicator: nothing after one is changed.
        /// </summary>
        public static LeadingBlankLines? Find(string text)
        {
            if (HasOtherLineBreak(text))
            {
                return null; // YamlDotNet also ends lines there, so its line numbers would not be these.
            }

            var changes = new List<Change>();
            var copy = new StringBuilder();
            int copied = 0, line = 1, bodyDeeperThan = 0;
            bool inBody = false;
            for (int start = 0; start < text.Length; start = NextLine(text, start), line++)
            {
                int end = ContentEnd(text, start);
                int indent = Spaces(text, start, end);
                bool blank = IsWhite(text, start + indent, end);
                if (inBody && (blank || indent > bodyDeeperThan))
                {
                    continue;
                }

                inBody = false;
                if (blank || text[start + indent] == '#')
                {
                    continue;
                }

                var header = ReadHeader(text, start, start + indent, end);
                if (header.Kind == HeaderKind.OwnerUnknown)
                {
                    break;
                }

                if (header.Kind == HeaderKind.None)
                {
                    continue;
                }

                (inBody, bodyDeeperThan) = (true, header.Owner);
                if (Plan(text, NextLine(text, start), line + 1, header) is { } change)
                {
                    change.Indicator = start + header.Column - 1 - (copied - copy.Length);
                    foreach (var (at, spaces) in change.Blanks)
                    {
                        copy.Append(text, copied, at - copied);
                        copied = at + spaces;
                    }

                    if (change.StandAt >= 0)
                    {
                        copy.Append(text, copied, change.StandAt - copied).Append(Stand);
                        copied = change.StandAt + 1;
                    }

                    changes.Add(change);
                }
            }

            if (changes.Count == 0)
            {
                return null;
            }

            copy.Append(text, copied, text.Length - copied);
            return new LeadingBlankLines(copy.ToString(), changes);
        }

        /// <summary>
        /// The value of the block scalar YamlDotNet read from <see cref="Text"/>, whose indicator is at offset
        /// <paramref name="indicator"/> and which ends at <paramref name="end"/>, as the document holds it.
        /// <paramref name="excess"/> is set when go-yaml refuses the scalar: an opening line deeper than its first line
        /// of text gives the scalar that deeper indentation, and the text falls outside it.
        /// </summary>
        public string Read(int indicator, long startLine, Mark end, string value, out (int Line, int TextIndent, int Spaces)? excess)
        {
            excess = null;
            long lastLine = end.Column == 1 ? end.Line - 1 : end.Line;
            while (_next < _changes.Count && _changes[_next].LastLine <= startLine)
            {
                _next++; // In no block scalar, where YAML ignores such spaces; a stand-in left there fails Holds.
            }

            for (; _next < _changes.Count && _changes[_next].FirstLine <= lastLine; _next++)
            {
                var change = _changes[_next];
                if (change.Indicator != indicator)
                {
                    _misplaced = true;
                    continue;
                }

                change.Confirmed = true;
                if (change.StandAt >= 0)
                {
                    if (change.StandIndex >= value.Length || value[change.StandIndex] != Stand)
                    {
                        _misplaced = true;
                        continue;
                    }

                    value = value.Substring(0, change.StandIndex) + " " + value.Substring(change.StandIndex + 1);
                }
                else if (change.DetectsIndentation && change.MostSpaces > change.TextIndent && HasText(value))
                {
                    excess = (change.DeepestLine, change.TextIndent, change.MostSpaces);
                }
            }

            return value;
        }

        /// <summary>
        /// Whether YamlDotNet's reading of <see cref="Text"/>, up to <paramref name="lastLine"/> where it stopped, is
        /// the document's: no change fell inside another block scalar, and each letter that stands for a space was
        /// read as the first text of the block scalar it was put in for.
        /// </summary>
        public bool Holds(long lastLine)
        {
            if (_misplaced)
            {
                return false;
            }

            foreach (var change in _changes)
            {
                if (change.StandAt >= 0 && !change.Confirmed && change.FirstLine <= lastLine)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The offset of the indicator of the block scalar node that starts at <paramref name="nodeStart"/>: after its
        /// anchor and tag, which may stand on earlier lines, with comments between.
        /// </summary>
        public static int IndicatorOf(string text, int nodeStart)
        {
            int i = nodeStart;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '|' || c == '>')
                {
                    return i;
                }

                if (c == '#')
                {
                    i = NextLine(text, i);
                }
                else if (c == '&' || c == '!')
                {
                    while (i < text.Length && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    i++;
                }
                else
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>
        /// The offset of a tab in the opening lines of the block scalar whose indicator is at <paramref name="indicator"/>,
        /// or -1. With no indentation indicator go-yaml reads those lines' whitespace as indentation and refuses a tab in
        /// it ("found a tab character where an indentation space is expected"); YamlDotNet reads some of them as text.
        /// </summary>
        public static int FindTab(string text, int indicator)
        {
            int end = ContentEnd(text, indicator);
            for (int i = indicator + 1; i < end && text[i] != ' ' && text[i] != '\t'; i++)
            {
                if (text[i] >= '1' && text[i] <= '9')
                {
                    return -1;
                }
            }

            for (int start = NextLine(text, indicator); start < text.Length; start = NextLine(text, start))
            {
                end = ContentEnd(text, start);
                if (!IsWhite(text, start, end))
                {
                    return -1;
                }

                int tab = text.IndexOf('\t', start, end - start);
                if (tab >= 0)
                {
                    return tab;
                }
            }

            return -1;
        }

        /// <summary>What to change in the lines after the header, the first of them at <paramref name="start"/>; null for nothing.</summary>
        private static Change? Plan(string text, int start, int line, Header header)
        {
            var change = new Change { DetectsIndentation = header.Explicit == 0 };
            int indentation = header.Explicit > 0 ? header.Owner + header.Explicit : int.MaxValue;
            for (int first = line; start < text.Length; start = NextLine(text, start), line++)
            {
                int end = ContentEnd(text, start);
                int spaces = Spaces(text, start, end);
                if (start + spaces < end)
                {
                    change.TextIndent = spaces;
                    break;
                }

                if (spaces > indentation)
                {
                    // Spaces past an explicit indentation are text; YamlDotNet refuses them only as a literal's first line.
                    if (line == first && header.Literal && spaces >= indentation + 2)
                    {
                        change.StandAt = start + spaces - 1;
                        change.StandIndex = spaces - 1 - indentation;
                        change.FirstLine = change.LastLine = line;
                    }

                    break;
                }

                if (spaces > 0)
                {
                    change.Blanks.Add((start, spaces));
                    change.FirstLine = change.FirstLine == 0 ? line : change.FirstLine;
                    change.LastLine = line;
                    if (spaces > change.MostSpaces)
                    {
                        (change.MostSpaces, change.DeepestLine) = (spaces, line);
                    }
                }
            }

            return change.LastLine > 0 ? change : null;
        }

        /// <summary>
        /// Reads the line as a block scalar's header: <c>- </c> entries, a key, properties, the indicator, a comment.
        /// Lines that end in an indicator in another way (after <c>? </c>, <c>--- </c>, or alone) have an owner this
        /// cannot see.
        /// </summary>
        private static Header ReadHeader(string text, int lineStart, int at, int end)
        {
            int owner = -1;
            while (at + 1 < end && text[at] == '-' && text[at + 1] == ' ')
            {
                owner = at - lineStart;
                at = SkipBlanks(text, at + 2, end);
            }

            if (at < end && text[at] != '|' && text[at] != '>' && text[at] != '!' && text[at] != '&')
            {
                int colon = KeyColon(text, at, end);
                if (colon < 0)
                {
                    return Loosely(text, lineStart, end);
                }

                owner = at - lineStart;
                at = SkipBlanks(text, colon + 1, end);
            }

            while (at < end && (text[at] == '!' || text[at] == '&'))
            {
                while (at < end && text[at] != ' ' && text[at] != '\t')
                {
                    at++;
                }

                at = SkipBlanks(text, at, end);
            }

            if (!IsIndicator(text, at, end, out bool literal, out int explicitIndentation))
            {
                return Loosely(text, lineStart, end);
            }

            return new Header
            {
                Kind = owner >= 0 ? HeaderKind.Owned : HeaderKind.OwnerUnknown,
                Owner = owner,
                Column = at - lineStart + 1,
                Literal = literal,
                Explicit = explicitIndentation,
            };
        }

        /// <summary>Any indicator that ends the line after a token that can precede a node: such a line opens a block scalar of unknown owner.</summary>
        private static Header Loosely(string text, int lineStart, int end)
        {
            for (int at = lineStart; at < end; at++)
            {
                if (!IsIndicator(text, at, end, out _, out _))
                {
                    continue;
                }

                int last = at - 1;
                while (last >= lineStart && (text[last] == ' ' || text[last] == '\t'))
                {
                    last--;
                }

                int first = last;
                while (first > lineStart && text[first - 1] != ' ' && text[first - 1] != '\t')
                {
                    first--;
                }

                string token = last < lineStart ? string.Empty : text.Substring(first, last - first + 1);
                if (last < lineStart || (last < at - 1 && (token == "-" || token == "?" || token == "---" || token[token.Length - 1] == ':' ||
                    token[0] == '!' || token[0] == '&')))
                {
                    return new Header { Kind = HeaderKind.OwnerUnknown };
                }
            }

            return default;
        }

        /// <summary>Whether a block indicator at <paramref name="at"/> ends the line: at most a chomping and an indentation indicator, then a comment.</summary>
        private static bool IsIndicator(string text, int at, int end, out bool literal, out int explicitIndentation)
        {
            literal = at < end && text[at] == '|';
            explicitIndentation = 0;
            if (at >= end || (text[at] != '|' && text[at] != '>'))
            {
                return false;
            }

            bool chomping = false;
            int i = at + 1;
            for (; i < end && i <= at + 2; i++)
            {
                char c = text[i];
                if ((c == '+' || c == '-') && !chomping)
                {
                    chomping = true;
                }
                else if (c >= '1' && c <= '9' && explicitIndentation == 0)
                {
                    explicitIndentation = c - '0';
                }
                else
                {
                    break;
                }
            }

            int after = SkipBlanks(text, i, end);
            return after == end || (after > i && text[after] == '#');
        }

        /// <summary>The offset of the <c>:</c> that ends a one-line key at <paramref name="at"/>, or -1.</summary>
        private static int KeyColon(string text, int at, int end)
        {
            char first = text[at];
            if (first == '"' || first == '\'')
            {
                for (int i = at + 1; i < end; i++)
                {
                    if (first == '"' && text[i] == '\\')
                    {
                        i++;
                    }
                    else if (text[i] == first && first == '\'' && i + 1 < end && text[i + 1] == '\'')
                    {
                        i++;
                    }
                    else if (text[i] == first)
                    {
                        return i + 1 < end && text[i + 1] == ':' && IsBlankAt(text, i + 2, end) ? i + 1 : -1;
                    }
                }

                return -1;
            }

            if ("[]{},#&*!|>%@`".IndexOf(first) >= 0 || ((first == '?' || first == ':' || first == '-') && (at + 1 == end || text[at + 1] == ' ')))
            {
                return -1;
            }

            for (int i = at + 1; i < end; i++)
            {
                if (text[i] == ':' && IsBlankAt(text, i + 1, end))
                {
                    return i;
                }

                if (text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t'))
                {
                    return -1;
                }
            }

            return -1;
        }

        private static bool HasText(string value)
        {
            foreach (char c in value)
            {
                if (c != '\n')
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasOtherLineBreak(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\u0085' || c == '\u2028' || c == '\u2029' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                {
                    return true;
                }
            }

            return false;
        }

        private static int NextLine(string text, int from)
        {
            int newline = text.IndexOf('\n', from);
            return newline < 0 ? text.Length : newline + 1;
        }

        /// <summary>Where the line holding <paramref name="from"/> ends, before its CR LF or LF.</summary>
        private static int ContentEnd(string text, int from)
        {
            int newline = text.IndexOf('\n', from);
            int end = newline < 0 ? text.Length : newline;
            return end > from && text[end - 1] == '\r' ? end - 1 : end;
        }

        private static int Spaces(string text, int start, int end)
        {
            int at = start;
            while (at < end && text[at] == ' ')
            {
                at++;
            }

            return at - start;
        }

        /// <summary>Past the spaces and tabs that separate tokens on a line (indentation takes spaces only).</summary>
        private static int SkipBlanks(string text, int at, int end)
        {
            while (at < end && (text[at] == ' ' || text[at] == '\t'))
            {
                at++;
            }

            return at;
        }

        private static bool IsBlankAt(string text, int at, int end) => at == end || text[at] == ' ' || text[at] == '\t';

        private static bool IsWhite(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] != ' ' && text[i] != '\t')
                {
                    return false;
                }
            }

            return true;
        }

        private enum HeaderKind
        {
            None,
            Owned,
            OwnerUnknown,
        }

        private struct Header
        {
            public HeaderKind Kind;

            /// <summary>The column (0-based) of the key or <c>-</c> whose value the scalar is: YAML's n, which its body is deeper than.</summary>
            public int Owner;

            /// <summary>The indicator's column, 1-based.</summary>
            public int Column;

            public bool Literal;

            /// <summary>The indentation indicator, or 0 when the body's indentation is detected.</summary>
            public int Explicit;
        }

        private sealed class Change
        {
            /// <summary>The indicator's offset in the copy.</summary>
            public int Indicator;

            /// <summary>The first and last changed lines, 1-based as YamlDotNet's marks.</summary>
            public int FirstLine;

            public int LastLine;

            public List<(int At, int Spaces)> Blanks = new List<(int, int)>();

            public bool DetectsIndentation;

            public int MostSpaces;

            public int DeepestLine;

            /// <summary>The indentation of the first line after the opening ones, or -1 when the text ends first.</summary>
            public int TextIndent = -1;

            public int StandAt = -1;

            /// <summary>Where the stand-in falls in the value: the spaces past the indentation before it.</summary>
            public int StandIndex = -1;

            public bool Confirmed;
        }
    }
}
