using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Yaml
{
    /// <summary>
    /// Reads the block-style YAML that manifests are written in straight into <see cref="YNode"/> trees. YamlDotNet's
    /// tokens, events and marks were most of the lint time and nearly all of its garbage. Anything outside this
    /// subset makes <see cref="TryRead"/> return null, and YamlDotNet reads the document instead. For input this
    /// reader accepts, both produce identical trees; the differential tests hold them to that.
    /// The subset excludes:
    /// <list type="bullet">
    /// <item>flow collections other than <c>{}</c> and <c>[]</c>;</item>
    /// <item>block scalars, multi-line and escaped scalars;</item>
    /// <item>anchors, aliases and tags;</item>
    /// <item>directives, and tabs or unusual line breaks in the layout;</item>
    /// <item>duplicate keys, and anything that is not valid YAML.</item>
    /// </list>
    /// </summary>
    internal sealed class BlockYamlReader
    {
        private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

        /// <summary>YAML caps implicit keys at 1024 characters.</summary>
        private const int MaxKeyLength = 1024;

        /// <summary>One line list per thread, reused from document to document: allocation is what a large run pays for.</summary>
        [ThreadStatic]
        private static List<Line>? t_lines;

        private readonly string _text;
        private readonly int _start;
        private readonly int _end;
        private readonly int _lineOffset;
        private readonly InputLimits _limits;
        private readonly List<Line> _lines;
        private int _current;
        private long _nodes;

        private BlockYamlReader(string text, int start, int end, int lineOffset, InputLimits limits, List<Line> lines)
        {
            _text = text;
            _start = start;
            _end = end;
            _lineOffset = lineOffset;
            _limits = limits;
            _lines = lines;
        }

        /// <summary>
        /// The root of the document in <paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>),
        /// or null when it is not in the subset (or not valid YAML). Reads in place: no copy of the document.
        /// </summary>
        public static YNode? TryRead(string text, int start, int length, int lineOffset, InputLimits limits)
        {
            var lines = t_lines ??= new List<Line>();
            lines.Clear();
            var reader = new BlockYamlReader(text, start, start + length, lineOffset, limits, lines);
            if (!reader.SplitLines() || lines.Count == 0)
            {
                return null;
            }

            var first = lines[0];
            var root = reader.ReadNode(first, first.Indent, depth: 1);
            return root != null && reader._current == lines.Count ? root : null;
        }

        /// <summary>Content lines: blank and comment-only lines dropped, a leading <c>---</c> consumed.</summary>
        private bool SplitLines()
        {
            int number = 0;
            for (int start = _start; start < _end;)
            {
                number++;
                int newline = _text.IndexOf('\n', start, _end - start);
                int end = newline < 0 ? _end : newline;
                int next = newline < 0 ? _end : newline + 1;
                if (end > start && _text[end - 1] == '\r')
                {
                    end--;
                }

                int indent = start;
                while (indent < end && _text[indent] == ' ')
                {
                    indent++;
                }

                if (indent < end && _text[indent] == '\t')
                {
                    return false; // Even on a blank line: YamlDotNet rejects some tabs there, by context.
                }

                for (int i = indent; i < end; i++)
                {
                    if (!IsPrintable(_text[i]))
                    {
                        return false;
                    }
                }

                int contentEnd = end;
                while (contentEnd > indent && (_text[contentEnd - 1] == ' ' || _text[contentEnd - 1] == '\t'))
                {
                    contentEnd--;
                }

                bool blank = contentEnd == indent || _text[indent] == '#';
                if (!blank)
                {
                    if (indent == start && (_text[indent] == '%' || IsMarkerLine(start, end, '.')))
                    {
                        return false;
                    }

                    if (indent == start && IsMarkerLine(start, end, '-'))
                    {
                        // The chunk's own "---": fine alone or with a comment, anything after it is not in the subset.
                        if (_lines.Count > 0 || !IsBlankOrComment(start + 3, contentEnd))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        _lines.Add(new Line(start, indent, contentEnd, number));
                    }
                }

                start = next;
            }

            return true;
        }

        private bool IsMarkerLine(int start, int end, char c) =>
            end - start >= 3 && _text[start] == c && _text[start + 1] == c && _text[start + 2] == c &&
            (end - start == 3 || _text[start + 3] == ' ' || _text[start + 3] == '\t');

        private bool IsBlankOrComment(int from, int to)
        {
            while (from < to && (_text[from] == ' ' || _text[from] == '\t'))
            {
                from++;
            }

            return from == to || (_text[from] == '#' && (_text[from - 1] == ' ' || _text[from - 1] == '\t'));
        }

        /// <summary>YAML's printable set, less the line breaks YAML 1.1 adds (NEL, LS, PS) and the BOM.</summary>
        private static bool IsPrintable(char c) =>
            c == '\t' || (c >= ' ' && c <= '~') || (c >= '\u00A0' && c <= '\uD7FF' && c != '\u2028' && c != '\u2029') ||
            (c >= '\uE000' && c <= '\uFFFD' && c != '\uFEFF') || char.IsSurrogate(c);

        /// <summary>A block node whose first token is at <paramref name="column"/> (an offset into the text) of <paramref name="line"/>.</summary>
        private YNode? ReadNode(Line line, int column, int depth)
        {
            if (depth >= _limits.MaxDepth)
            {
                return null; // Near the limit YamlDotNet decides, so both paths report MT0003 alike.
            }

            if (IsSequenceEntry(column, line.ContentEnd))
            {
                return ReadSequence(column - line.Start, depth);
            }

            return FindKeyEnd(column, line.ContentEnd, out _) >= 0 ? ReadMapping(column - line.Start, depth) : null;
        }

        private bool IsSequenceEntry(int at, int contentEnd) =>
            _text[at] == '-' && (at + 1 == contentEnd || _text[at + 1] == ' ');

        /// <summary>Entries at <paramref name="indent"/>: the first may start mid-line, after a sequence's <c>- </c>.</summary>
        private YMapping? ReadMapping(int indent, int depth)
        {
            var entries = new List<KeyValuePair<YScalar, YNode>>();
            HashSet<string>? keys = null;
            SourceSpan? start = null;
            SourceSpan end = default;
            while (true)
            {
                var line = _lines[_current];
                var key = ReadKey(line, line.Start + indent, out int afterColon);
                if (key == null || (key.IsPlain && key.Value == "<<") || !Count())
                {
                    return null;
                }

                if (!AddKey(entries, ref keys, key.Value))
                {
                    return null; // Duplicate keys are findings (MT0001): YamlDotNet's path reports them.
                }

                start ??= key.Span;
                var value = ReadValue(line, indent, afterColon, depth);
                if (value == null)
                {
                    return null;
                }

                entries.Add(new KeyValuePair<YScalar, YNode>(key, value));
                end = value.Span;
                if (_current == _lines.Count)
                {
                    break;
                }

                var next = _lines[_current];
                int nextIndent = next.Indent - next.Start;
                if (nextIndent < indent || (nextIndent == indent && IsSequenceEntry(next.Indent, next.ContentEnd)))
                {
                    break; // The parent's next entry, or the item after an indentless sequence's last.
                }

                if (nextIndent > indent)
                {
                    return null;
                }
            }

            return new YMapping(entries, Spanning(start!.Value, end));
        }

        /// <summary>The value after a key's colon: inline on the key's line, or a block node on the lines below.</summary>
        private YNode? ReadValue(Line line, int indent, int afterColon, int depth)
        {
            int at = SkipSpaces(afterColon, line.ContentEnd);
            if (at < line.ContentEnd && _text[at] == '\t')
            {
                return null;
            }

            if (at < line.ContentEnd && !(_text[at] == '#' && at > afterColon))
            {
                var scalar = ReadInline(line, at);
                _current++;
                return scalar != null && !IsMoreIndented(indent) ? scalar : null; // Deeper lines would continue the scalar.
            }

            _current++;
            if (_current < _lines.Count)
            {
                var next = _lines[_current];
                int nextIndent = next.Indent - next.Start;
                if (nextIndent > indent || (nextIndent == indent && IsSequenceEntry(next.Indent, next.ContentEnd)))
                {
                    return ReadNode(next, next.Indent, depth + 1);
                }
            }

            var empty = At(line, afterColon);
            return new YScalar(string.Empty, isPlain: true, new SourceSpan(empty.Line, empty.Column, empty.Line, empty.Column));
        }

        private YSequence? ReadSequence(int indent, int depth)
        {
            var items = new List<YNode>();
            SourceSpan? start = null;
            SourceSpan end = default;
            while (true)
            {
                var line = _lines[_current];
                int dash = line.Start + indent;
                if (!Count())
                {
                    return null;
                }

                start ??= At(line, dash);
                int at = SkipSpaces(dash + 1, line.ContentEnd);
                YNode? item;
                if (at < line.ContentEnd && _text[at] == '\t')
                {
                    return null;
                }

                if (at == line.ContentEnd || _text[at] == '#' || IsSequenceEntry(at, line.ContentEnd))
                {
                    return null; // An empty entry, or a nested sequence on the same line: rare, left to YamlDotNet.
                }

                if (depth + 1 >= _limits.MaxDepth)
                {
                    return null;
                }

                if (FindKeyEnd(at, line.ContentEnd, out _) >= 0)
                {
                    item = ReadMapping(at - line.Start, depth + 1);
                }
                else
                {
                    item = ReadInline(line, at);
                    _current++;
                    if (item != null && IsMoreIndented(indent))
                    {
                        return null;
                    }
                }

                if (item == null)
                {
                    return null;
                }

                items.Add(item);
                end = item.Span;
                if (_current == _lines.Count)
                {
                    break;
                }

                var next = _lines[_current];
                int nextIndent = next.Indent - next.Start;
                if (nextIndent < indent || (nextIndent == indent && !IsSequenceEntry(next.Indent, next.ContentEnd)))
                {
                    break;
                }

                if (nextIndent > indent)
                {
                    return null;
                }
            }

            return new YSequence(items, Spanning(start!.Value, end));
        }

        private bool IsMoreIndented(int indent) =>
            _current < _lines.Count && _lines[_current].Indent - _lines[_current].Start > indent;

        /// <summary>A key (plain or quoted) at <paramref name="at"/>, or null; <paramref name="afterColon"/> is past its ':'.</summary>
        private YScalar? ReadKey(Line line, int at, out int afterColon)
        {
            afterColon = -1;
            int keyEnd = FindKeyEnd(at, line.ContentEnd, out bool quoted);
            if (keyEnd < 0)
            {
                return null;
            }

            YScalar? key;
            if (quoted)
            {
                key = ReadQuoted(line, at, out int closed);
                if (key == null || closed + 1 != keyEnd)
                {
                    return null;
                }
            }
            else
            {
                int textEnd = keyEnd;
                while (_text[textEnd - 1] == ' ' || _text[textEnd - 1] == '\t')
                {
                    textEnd--;
                }

                key = Plain(line, at, textEnd);
            }

            afterColon = keyEnd + 1;
            return key;
        }

        /// <summary>The offset of the ':' that ends a key starting at <paramref name="at"/>, or -1 when none does.</summary>
        private int FindKeyEnd(int at, int contentEnd, out bool quoted)
        {
            quoted = _text[at] == '"' || _text[at] == '\'';
            if (quoted)
            {
                int close = FindClosingQuote(at, contentEnd);
                return close >= 0 && close + 1 < contentEnd && _text[close + 1] == ':' && IsSeparated(close + 2, contentEnd) ? close + 1 : -1;
            }

            if (!CanStartPlain(at, contentEnd))
            {
                return -1;
            }

            for (int i = at; i < contentEnd && i - at <= MaxKeyLength; i++)
            {
                char c = _text[i];
                if (c == ':' && IsTabAfter(i, contentEnd))
                {
                    return -1;
                }

                if (c == ':' && IsSeparated(i + 1, contentEnd))
                {
                    return i;
                }

                if (c == '#' && (_text[i - 1] == ' ' || _text[i - 1] == '\t'))
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>Only spaces separate: YamlDotNet treats tabs differently by context, so they are left to it.</summary>
        private bool IsSeparated(int at, int contentEnd) => at == contentEnd || _text[at] == ' ';

        /// <summary>A ':' before a tab is a value indicator to YAML, but tabs are not in the subset.</summary>
        private bool IsTabAfter(int at, int contentEnd) => at + 1 < contentEnd && _text[at + 1] == '\t';

        private bool CanStartPlain(int at, int contentEnd)
        {
            char c = _text[at];
            if (Indicators.IndexOf(c) < 0)
            {
                return true;
            }

            return (c == '-' || c == '?' || c == ':') && at + 1 < contentEnd && _text[at + 1] != ' ' && _text[at + 1] != '\t';
        }

        /// <summary>A value on the key's (or the dash's) line: a plain or quoted scalar, <c>{}</c> or <c>[]</c>.</summary>
        private YNode? ReadInline(Line line, int at)
        {
            char c = _text[at];
            if (c == '"' || c == '\'')
            {
                var quoted = ReadQuoted(line, at, out int closed);
                return quoted != null && IsBlankOrComment(closed + 1, line.ContentEnd) ? quoted : null;
            }

            if ((c == '{' || c == '[') && at + 1 < line.ContentEnd && _text[at + 1] == (c == '{' ? '}' : ']') &&
                IsBlankOrComment(at + 2, line.ContentEnd) && Count())
            {
                // YamlDotNet ends an empty flow collection at its closing bracket.
                var open = At(line, at);
                var span = new SourceSpan(open.Line, open.Column, open.Line, open.Column + 1);
                return c == '{'
                    ? new YMapping(new List<KeyValuePair<YScalar, YNode>>(), span)
                    : (YNode)new YSequence(new List<YNode>(), span);
            }

            if (!CanStartPlain(at, line.ContentEnd))
            {
                return null;
            }

            int end = at;
            for (int i = at; i < line.ContentEnd; i++)
            {
                char ch = _text[i];
                if (ch == '#' && (_text[i - 1] == ' ' || _text[i - 1] == '\t'))
                {
                    break;
                }

                if (ch == ':' && (IsSeparated(i + 1, line.ContentEnd) || IsTabAfter(i, line.ContentEnd)))
                {
                    return null; // A second key on one line: not valid YAML.
                }

                if (ch != ' ' && ch != '\t')
                {
                    end = i + 1;
                }
            }

            return Count() ? Plain(line, at, end) : null;
        }

        /// <summary>A single-line quoted scalar; <paramref name="closed"/> is the offset of its closing quote.</summary>
        private YScalar? ReadQuoted(Line line, int at, out int closed)
        {
            closed = FindClosingQuote(at, line.ContentEnd);
            if (closed < 0 || !Count())
            {
                return null;
            }

            var value = ScalarStrings.Get(_text, at + 1, closed - at - 1);
            if (_text[at] == '\'' && value.IndexOf('\'') >= 0)
            {
                value = value.Replace("''", "'");
            }

            var start = At(line, at);
            return new YScalar(value, isPlain: false, new SourceSpan(start.Line, start.Column, start.Line, start.Column + closed + 1 - at));
        }

        /// <summary>The closing quote on the same line; -1 for escapes (double quotes) and unclosed scalars, left to YamlDotNet.</summary>
        private int FindClosingQuote(int at, int contentEnd)
        {
            char quote = _text[at];
            for (int i = at + 1; i < contentEnd; i++)
            {
                char c = _text[i];
                if (quote == '"' && c == '\\')
                {
                    return -1;
                }

                if (c == quote)
                {
                    if (quote == '\'' && i + 1 < contentEnd && _text[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    return i;
                }
            }

            return -1;
        }

        private YScalar Plain(Line line, int start, int end)
        {
            var at = At(line, start);
            return new YScalar(ScalarStrings.Get(_text, start, end - start), isPlain: true, new SourceSpan(at.Line, at.Column, at.Line, at.Column + end - start));
        }

        private SourceSpan At(Line line, int offset) => SourceSpan.At(line.Number + _lineOffset, offset - line.Start + 1);

        private static SourceSpan Spanning(SourceSpan start, SourceSpan end) => new SourceSpan(start.Line, start.Column, end.EndLine, end.EndColumn);

        /// <summary>
        /// Counts scalars and entries against half the document limit: with the collections around them they make at
        /// most twice as many nodes, so YamlDotNet's path reports MT0003 for any document this reader turns down.
        /// </summary>
        private bool Count() => ++_nodes <= _limits.MaxExpandedNodes / 2;

        private static bool AddKey(List<KeyValuePair<YScalar, YNode>> entries, ref HashSet<string>? keys, string key)
        {
            if (keys == null && entries.Count < 8)
            {
                foreach (var entry in entries)
                {
                    if (entry.Key.Value == key)
                    {
                        return false;
                    }
                }

                return true;
            }

            if (keys == null)
            {
                keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in entries)
                {
                    keys.Add(entry.Key.Value);
                }
            }

            return keys.Add(key);
        }

        private int SkipSpaces(int at, int end)
        {
            while (at < end && _text[at] == ' ')
            {
                at++;
            }

            return at;
        }

        /// <summary>One content line: where it starts, where its indentation ends, where its content ends, its number.</summary>
        private readonly struct Line
        {
            public Line(int start, int indent, int contentEnd, int number)
            {
                Start = start;
                Indent = indent;
                ContentEnd = contentEnd;
                Number = number;
            }

            public int Start { get; }

            /// <summary>The offset of the first non-space character.</summary>
            public int Indent { get; }

            /// <summary>The offset after the last non-blank character (comments included).</summary>
            public int ContentEnd { get; }

            public int Number { get; }
        }
    }
}
