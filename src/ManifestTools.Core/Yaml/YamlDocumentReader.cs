using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using ManifestTools.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ManifestTools.Yaml
{
    /// <summary>
    /// Turns YAML text into one <see cref="YNode"/> tree per document. The text is cut at document markers first,
    /// so a syntax error costs one document, not the rest of the file. Each document is read by
    /// <see cref="BlockYamlReader"/> when it is plain block-style YAML, and otherwise built from YamlDotNet's parser
    /// events, where aliases share the anchored node instead of copying it and each document's expanded size is bounded.
    /// </summary>
    public sealed class YamlDocumentReader
    {
        // Built on the first syntax error only: most runs never need it, and start-up is part of every run.
        private static readonly Lazy<Regex> MarkPrefix = new Lazy<Regex>(() =>
            new Regex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant));

        private readonly string _file;
        private readonly InputLimits _limits;
        private readonly List<ManifestDiagnostic> _diagnostics;

        /// <summary>Nodes added through aliases in all documents so far: a per-document bound alone lets many small bombs add up.</summary>
        private long _aliasedNodes;

        public YamlDocumentReader(string file, InputLimits limits, List<ManifestDiagnostic> diagnostics)
        {
            _file = file;
            _limits = limits;
            _diagnostics = diagnostics;
        }

        /// <summary>Calls <paramref name="onDocument"/> for each document that parsed within the limits and is not empty.</summary>
        public void Read(string text, Action<YNode> onDocument)
        {
            foreach (var chunk in SplitDocuments(text))
            {
                if (IsBlank(text, chunk.Start, chunk.Length))
                {
                    continue;
                }

                if (UseBlockReader && BlockYamlReader.TryRead(text, chunk.Start, chunk.Length, chunk.LineOffset, _limits) is { } root)
                {
                    onDocument(root);
                }
                else
                {
                    ReadChunk(text.Substring(chunk.Start, chunk.Length), chunk.LineOffset, onDocument);
                }
            }
        }

        /// <summary>
        /// A chunk of only a <c>---</c> marker, blank lines and comments is an empty document: skipping it spares a
        /// parser per separator, which a file of a million <c>---</c> lines would otherwise cost.
        /// </summary>
        private static bool IsBlank(string text, int start, int length)
        {
            int end = start + length, i = start;
            if (IsDocumentStartMarker(text, i))
            {
                i += 3;
            }

            bool inComment = false;
            for (; i < end; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    inComment = false;
                }
                else if (c == '#' && !inComment)
                {
                    inComment = true;
                }
                else if (!inComment && c != ' ' && c != '\t' && c != '\r')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A line that starts with <c>---</c> always begins a new document in YAML, even inside a block or quoted
        /// scalar, so cutting there is exact. Directives (<c>%YAML</c>, <c>%TAG</c>) belong to the document after
        /// them; they may only follow the stream start or a <c>...</c> line, so the cut goes before them.
        /// </summary>
        internal static List<(int Start, int Length, int LineOffset)> SplitDocuments(string text)
        {
            var chunks = new List<(int, int, int)>();
            int chunkStart = 0, chunkLine = 0, line = 0;
            int preambleStart = 0, preambleLine = 0;
            bool inPreamble = true, sawDirective = false;
            for (int i = 0; i < text.Length;)
            {
                if (i > chunkStart && IsDocumentStartMarker(text, i))
                {
                    int cut = inPreamble && sawDirective ? preambleStart : i;
                    if (cut > chunkStart)
                    {
                        chunks.Add((chunkStart, cut - chunkStart, chunkLine));
                        chunkStart = cut;
                        chunkLine = cut == i ? line : preambleLine;
                    }

                    inPreamble = false;
                }
                else if (IsMarker(text, i, '.'))
                {
                    (preambleStart, preambleLine, inPreamble, sawDirective) = (-1, line + 1, true, false);
                }
                else if (inPreamble)
                {
                    sawDirective |= i < text.Length && text[i] == '%';
                    inPreamble = IsPreambleLine(text, i);
                }

                int newline = text.IndexOf('\n', i);
                if (newline < 0)
                {
                    break;
                }

                i = newline + 1;
                line++;
                if (preambleStart < 0)
                {
                    preambleStart = i; // The preamble starts on the line after "...".
                }
            }

            chunks.Add((chunkStart, text.Length - chunkStart, chunkLine));
            return chunks;
        }

        private static bool IsDocumentStartMarker(string text, int i) => IsMarker(text, i, '-');

        private static bool IsMarker(string text, int i, char c) =>
            i + 3 <= text.Length && text[i] == c && text[i + 1] == c && text[i + 2] == c &&
            (i + 3 == text.Length || text[i + 3] == ' ' || text[i + 3] == '\t' || text[i + 3] == '\r' || text[i + 3] == '\n');

        /// <summary>Directive, comment and blank lines may precede a document's <c>---</c>.</summary>
        private static bool IsPreambleLine(string text, int i)
        {
            for (; i < text.Length && text[i] != '\n'; i++)
            {
                if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
                {
                    return text[i] == '%' || text[i] == '#';
                }
            }

            return true;
        }

        /// <summary>False only in the tests that compare the two readers.</summary>
        internal bool UseBlockReader { get; set; } = true;

        /// <summary>
        /// A chunk YamlDotNet refuses is read once more from a copy that settles the blank lines opening its block
        /// scalars (<see cref="LeadingBlankLines"/>); that reading, error and all, replaces the first when the copy holds.
        /// </summary>
        private void ReadChunk(string chunk, int lineOffset, Action<YNode> onDocument)
        {
            int reported = _diagnostics.Count;
            long aliased = _aliasedNodes;
            int documents = 0;
            long stoppedAt = Parse(chunk, null, lineOffset, root =>
            {
                documents++;
                onDocument(root);
            });

            // Documents already handed on cannot be taken back, so only a chunk whose first document failed is read
            // again; a chunk holds more than one document only after a "..." line.
            if (stoppedAt == long.MaxValue || documents > 0 || !(LeadingBlankLines.Find(chunk) is { } changed))
            {
                return;
            }

            var firstReading = _diagnostics.GetRange(reported, _diagnostics.Count - reported);
            long firstAliased = _aliasedNodes;
            _diagnostics.RemoveRange(reported, firstReading.Count);
            _aliasedNodes = aliased;
            var roots = new List<YNode>();
            if (changed.Holds(Parse(changed.Text, changed, lineOffset, roots.Add)))
            {
                roots.ForEach(onDocument);
                return;
            }

            _diagnostics.RemoveRange(reported, _diagnostics.Count - reported);
            _diagnostics.AddRange(firstReading);
            _aliasedNodes = firstAliased;
        }

        /// <summary>
        /// Reads <paramref name="text"/> (a chunk, or its copy with <paramref name="changes"/>) and returns the line,
        /// within it, where YamlDotNet stopped on an error, or <see cref="long.MaxValue"/> when it read to the end.
        /// </summary>
        private long Parse(string text, LeadingBlankLines? changes, int lineOffset, Action<YNode> onDocument)
        {
            var scanner = new Scanner(new StringReader(text));
            var parser = new Parser(scanner);
            try
            {
                parser.Consume<StreamStart>();
                while (!parser.TryConsume<StreamEnd>(out _))
                {
                    parser.Consume<DocumentStart>();
                    var root = new DocumentBuilder(this, text, changes, lineOffset).Build(parser);
                    parser.Consume<DocumentEnd>();
                    if (root != null && !(root is YScalar scalar && scalar.IsNull))
                    {
                        onDocument(root);
                    }
                }

                return long.MaxValue;
            }
            catch (YamlException ex)
            {
                // Some scanner errors (a tab used as indentation) carry no position; the scanner stopped where it went wrong.
                var start = ex.Start.Equals(Mark.Empty) && ex.End.Equals(Mark.Empty) ? scanner.CurrentPosition : ex.Start;
                Report(DiagnosticCatalog.YamlSyntax, Span(start, start, lineOffset), MarkPrefix.Value.Replace(ex.Message, string.Empty));
                return start.Line;
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException || ex is FormatException)
            {
                // YamlDotNet's scanner fails on some malformed input (an unclosed flow collection spanning lines)
                // with a general exception whose text says nothing useful; point at the last good event instead.
                var at = parser.Current?.End ?? Mark.Empty;
                Report(DiagnosticCatalog.YamlSyntax, Span(at, at, lineOffset),
                    "the YAML cannot be read past this point: look for an unclosed [ or {, a stray quote, or wrong indentation");
                return at.Line;
            }
        }

        private void Report(DiagnosticDescriptor descriptor, SourceSpan span, string message) =>
            _diagnostics.Add(new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, _file, span, message, null));

        private static SourceSpan Span(Mark start, Mark end, int lineOffset) =>
            new SourceSpan(Math.Max(1, (int)start.Line) + lineOffset, Math.Max(1, (int)start.Column),
                Math.Max(1, (int)end.Line) + lineOffset, Math.Max(1, (int)end.Column));

        /// <summary>Builds one document iteratively, so nesting depth never touches the call stack.</summary>
        private sealed class DocumentBuilder
        {
            private readonly YamlDocumentReader _owner;
            private readonly string _text;
            private readonly LeadingBlankLines? _changes;
            private readonly int _lineOffset;
            private readonly Stack<Frame> _stack = new Stack<Frame>();
            private readonly Dictionary<string, (YNode Node, long Size)> _anchors = new Dictionary<string, (YNode, long)>(StringComparer.Ordinal);

            public DocumentBuilder(YamlDocumentReader owner, string text, LeadingBlankLines? changes, int lineOffset)
            {
                _owner = owner;
                _text = text;
                _changes = changes;
                _lineOffset = lineOffset;
            }

            /// <summary>Returns the root, or null when a limit was hit (already reported); the document's events are consumed either way.</summary>
            public YNode? Build(IParser parser)
            {
                while (true)
                {
                    var ev = parser.Consume<ParsingEvent>();
                    YNode? completed = null;
                    long completedSize = 0;
                    SourceSpan? aliasSpan = null;
                    switch (ev)
                    {
                        case Scalar scalar:
                            string value = scalar.Style == ScalarStyle.Literal || scalar.Style == ScalarStyle.Folded ? BlockValue(scalar) : scalar.Value;
                            completed = new YScalar(value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty, Span(scalar.Start, scalar.End, _lineOffset));
                            completedSize = 1;
                            Remember(scalar.Anchor, completed, completedSize);
                            break;
                        case AnchorAlias alias:
                            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                            {
                                throw new SemanticErrorException(alias.Start, alias.End, $"alias *{alias.Value.Value} refers to no anchor");
                            }

                            (completed, completedSize) = target;
                            aliasSpan = Span(alias.Start, alias.End, _lineOffset);
                            _owner._aliasedNodes += completedSize;
                            if (_owner._aliasedNodes > _owner._limits.MaxExpandedNodes)
                            {
                                _owner.Report(DiagnosticCatalog.InputLimit, aliasSpan.Value,
                                    $"aliases in this file expand to more than {_owner._limits.MaxExpandedNodes:N0} nodes in all; this document is not linted");
                                SkipRestOfDocument(parser, _stack.Count);
                                return null;
                            }

                            break;
                        case MappingStart mappingStart:
                            if (!Push(new Frame(mappingStart, isMapping: true, mappingStart.Style != MappingStyle.Flow, Span(mappingStart.Start, mappingStart.Start, _lineOffset)), parser))
                            {
                                return null;
                            }

                            continue;
                        case SequenceStart sequenceStart:
                            if (!Push(new Frame(sequenceStart, isMapping: false, sequenceStart.Style != SequenceStyle.Flow, Span(sequenceStart.Start, sequenceStart.Start, _lineOffset)), parser))
                            {
                                return null;
                            }

                            continue;
                        case MappingEnd _:
                        case SequenceEnd _:
                            var frame = _stack.Pop();
                            completed = frame.Complete(frame.IsBlock ? frame.BlockSpan : Span(frame.Start.Start, ev.End, _lineOffset));
                            completedSize = frame.Size;
                            Remember(frame.Start.Anchor, completed, completedSize);
                            break;
                        default:
                            throw new SemanticErrorException(ev.Start, ev.End, $"unexpected {ev.GetType().Name} in a document");
                    }

                    if (_stack.Count == 0)
                    {
                        return completed;
                    }

                    var parent = _stack.Peek();
                    parent.Add(completed, completedSize, aliasSpan ?? completed.Span, _owner);
                    if (parent.Size > _owner._limits.MaxExpandedNodes)
                    {
                        _owner.Report(DiagnosticCatalog.InputLimit, aliasSpan ?? completed.Span,
                            $"this document expands to more than {_owner._limits.MaxExpandedNodes:N0} nodes through aliases or sheer size; it is not linted");
                        SkipRestOfDocument(parser, _stack.Count);
                        return null;
                    }
                }
            }

            /// <summary>
            /// A block scalar's value as the document holds it, and what go-yaml refuses in its opening lines, which
            /// YamlDotNet reads otherwise. The findings keep the object: it is what the file says once they are fixed.
            /// </summary>
            private string BlockValue(Scalar scalar)
            {
                int indicator = LeadingBlankLines.IndicatorOf(_text, (int)scalar.Start.Index);
                if (indicator < 0)
                {
                    return scalar.Value;
                }

                string value = scalar.Value;
                if (_changes != null)
                {
                    value = _changes.Read(indicator, scalar.Start.Line, scalar.End, value, out var excess);
                    if (excess is { } deeper)
                    {
                        int line = deeper.Line + _lineOffset;
                        _owner.Report(DiagnosticCatalog.YamlSyntax, new SourceSpan(line, deeper.TextIndent + 1, line, deeper.Spaces + 1),
                            $"this blank line at the start of a block scalar holds {deeper.Spaces} spaces, more than the {deeper.TextIndent} " +
                            "that indent the scalar's first line of text: YAML takes the scalar's indentation from the deeper line, so the text " +
                            "falls outside it and kubectl rejects the file; remove the spaces from the blank line");
                    }
                }

                int tab = LeadingBlankLines.FindTab(_text, indicator);
                if (tab >= 0)
                {
                    int start = (int)scalar.Start.Index, lines = 0;
                    for (int i = start; i < tab; i++)
                    {
                        lines += _text[i] == '\n' ? 1 : 0;
                    }

                    int line = (int)scalar.Start.Line + lines + _lineOffset;
                    int column = tab - _text.LastIndexOf('\n', tab);
                    _owner.Report(DiagnosticCatalog.YamlSyntax, new SourceSpan(line, column, line, column + 1),
                        "a tab in the blank lines that open this block scalar: YAML reads their whitespace as indentation, which " +
                        "takes spaces only, so kubectl rejects the file (\"found a tab character where an indentation space is expected\"); remove the tab");
                }

                return value;
            }

            private bool Push(Frame frame, IParser parser)
            {
                _stack.Push(frame);
                if (_stack.Count <= _owner._limits.MaxDepth)
                {
                    return true;
                }

                _owner.Report(DiagnosticCatalog.InputLimit, Span(frame.Start.Start, frame.Start.End, _lineOffset),
                    $"this document nests deeper than {_owner._limits.MaxDepth} levels; it is not linted");
                SkipRestOfDocument(parser, _stack.Count);
                return false;
            }

            private static void SkipRestOfDocument(IParser parser, int openContainers)
            {
                while (openContainers > 0)
                {
                    var ev = parser.Consume<ParsingEvent>();
                    if (ev is MappingStart || ev is SequenceStart)
                    {
                        openContainers++;
                    }
                    else if (ev is MappingEnd || ev is SequenceEnd)
                    {
                        openContainers--;
                    }
                }
            }

            private void Remember(AnchorName anchor, YNode node, long size)
            {
                if (!anchor.IsEmpty)
                {
                    _anchors[anchor.Value] = (node, size);
                }
            }
        }

        private sealed class Frame
        {
            private readonly bool _isMapping;
            private readonly List<YNode>? _items;
            private readonly List<KeyValuePair<YScalar, YNode>>? _entries;
            private Dictionary<string, int>? _keyIndex;
            private List<YNode>? _mergeSources;
            private YNode? _pendingKey;
            private bool _expectingKey = true;

            private SourceSpan _blockSpan;

            public Frame(NodeEvent start, bool isMapping, bool isBlock, SourceSpan startSpan)
            {
                IsBlock = isBlock;
                _blockSpan = startSpan;
                Start = start;
                _isMapping = isMapping;
                if (isMapping)
                {
                    _entries = new List<KeyValuePair<YScalar, YNode>>();
                }
                else
                {
                    _items = new List<YNode>();
                }
            }

            public NodeEvent Start { get; }

            public long Size { get; private set; } = 1;

            public bool IsBlock { get; }

            /// <summary>
            /// From the collection's first token to the end of its last child. YamlDotNet ends a block collection
            /// where the next token starts, often lines later past comments; BlockYamlReader reproduces this span.
            /// </summary>
            public SourceSpan BlockSpan => _blockSpan;

            public void Add(YNode node, long size, SourceSpan occurrence, YamlDocumentReader owner)
            {
                Size += size;
                _blockSpan = new SourceSpan(_blockSpan.Line, _blockSpan.Column, occurrence.EndLine, occurrence.EndColumn);
                if (!_isMapping)
                {
                    _items!.Add(node);
                    return;
                }

                if (_expectingKey)
                {
                    _pendingKey = node;
                    _expectingKey = false;
                    return;
                }

                _expectingKey = true;
                if (!(_pendingKey is YScalar key))
                {
                    return; // Complex keys never occur in Kubernetes objects; the entry carries nothing a rule reads.
                }

                if (key.IsPlain && key.Value == "<<")
                {
                    (_mergeSources ??= new List<YNode>()).Add(node);
                    return;
                }

                AddEntry(key, node, owner);
            }

            private void AddEntry(YScalar key, YNode value, YamlDocumentReader owner)
            {
                int existing = IndexOf(key.Value);
                if (existing >= 0)
                {
                    var first = _entries![existing].Key;
                    owner.Report(DiagnosticCatalog.YamlSyntax, key.Span,
                        $"duplicate key '{key.Value}' in one mapping (first at line {first.Span.Line}); kubectl rejects it");
                    _entries[existing] = new KeyValuePair<YScalar, YNode>(key, value);
                    return;
                }

                _keyIndex?.Add(key.Value, _entries!.Count);
                _entries!.Add(new KeyValuePair<YScalar, YNode>(key, value));
            }

            /// <summary>Most mappings are small: scan them, and index only the large ones so huge mappings stay linear.</summary>
            private int IndexOf(string key)
            {
                if (_keyIndex == null && _entries!.Count >= 8)
                {
                    _keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (int i = 0; i < _entries.Count; i++)
                    {
                        _keyIndex[_entries[i].Key.Value] = i;
                    }
                }

                if (_keyIndex != null)
                {
                    return _keyIndex.TryGetValue(key, out int index) ? index : -1;
                }

                for (int i = 0; i < _entries!.Count; i++)
                {
                    if (string.Equals(_entries[i].Key.Value, key, StringComparison.Ordinal))
                    {
                        return i;
                    }
                }

                return -1;
            }

            public YNode Complete(SourceSpan span)
            {
                if (!_isMapping)
                {
                    return new YSequence(_items!, span);
                }

                if (_mergeSources != null)
                {
                    ApplyMerges();
                }

                return new YMapping(_entries!, span);
            }

            /// <summary>YAML merge keys: explicit keys win, then earlier merge sources win over later ones.</summary>
            private void ApplyMerges()
            {
                foreach (var source in _mergeSources!)
                {
                    var mappings = source is YSequence sequence ? sequence.Items : new List<YNode> { source };
                    foreach (var mapping in mappings)
                    {
                        if (!(mapping is YMapping merged))
                        {
                            continue;
                        }

                        foreach (var entry in merged.Entries)
                        {
                            if (IndexOf(entry.Key.Value) < 0)
                            {
                                _keyIndex?.Add(entry.Key.Value, _entries!.Count);
                                _entries!.Add(entry);
                            }
                        }
                    }
                }
            }
        }
    }
}
