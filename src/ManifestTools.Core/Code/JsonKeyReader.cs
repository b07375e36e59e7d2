using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ManifestTools.Code
{
    /// <summary>
    /// Collects the flattened keys of a JSON settings file with their values, accepting what the configuration reader
    /// accepts: comments and trailing commas. A JSON <c>null</c> is no value, as the reader returns null for it; an empty
    /// string is one. Nesting deeper than the reader's own limit (64) fails the file instead of the stack.
    /// </summary>
    internal sealed class JsonKeyReader
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private readonly Dictionary<string, string?> _values;
        private int _at;

        private JsonKeyReader(string text, Dictionary<string, string?> values)
        {
            _text = text;
            _values = values;
        }

        /// <summary>
        /// Adds the file's keys and their values (null for an empty object or array, a key without a value that the
        /// reader keeps); false, with nothing added, when it is not a JSON object.
        /// </summary>
        public static bool TryRead(string text, Dictionary<string, string?> values)
        {
            var found = new Dictionary<string, string?>(values.Comparer);
            var reader = new JsonKeyReader(text, found);
            reader.SkipSpace();
            if (!reader.Peek('{') || !reader.Value(null, 0))
            {
                return false;
            }

            reader.SkipSpace();
            if (reader._at != text.Length)
            {
                return false;
            }

            foreach (var pair in found)
            {
                values[pair.Key] = pair.Value;
            }

            return true;
        }

        private bool Value(string? key, int depth)
        {
            if (depth > MaxDepth || _at >= _text.Length)
            {
                return false;
            }

            switch (_text[_at])
            {
                case '{':
                    return Container('}', key, depth, (index, childDepth) =>
                    {
                        var name = String();
                        SkipSpace();
                        if (name == null || !Take(':'))
                        {
                            return false;
                        }

                        SkipSpace();
                        return Value(key == null ? name : key + ":" + name, childDepth);
                    });
                case '[':
                    return Container(']', key, depth, (index, childDepth) =>
                        Value((key == null ? "" : key + ":") + index.ToString(CultureInfo.InvariantCulture), childDepth));
                case '"':
                    return String() is { } text && Leaf(key, text);
                default:
                    int start = _at;
                    while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || "+-.".IndexOf(_text[_at]) >= 0))
                    {
                        _at++;
                    }

                    if (_at == start)
                    {
                        return false;
                    }

                    string literal = _text.Substring(start, _at - start);
                    return literal == "null" || Leaf(key, literal);
            }
        }

        private bool Leaf(string? key, string? value)
        {
            if (key != null)
            {
                _values[key] = value;
            }

            return true;
        }

        private bool Container(char close, string? key, int depth, System.Func<int, int, bool> member)
        {
            _at++;
            int count = 0;
            while (true)
            {
                SkipSpace();
                if (Take(close))
                {
                    // An empty object or array is a key without a value, which the configuration reader keeps.
                    return count > 0 || Leaf(key, null);
                }

                if (!member(count, depth + 1))
                {
                    return false;
                }

                count++;
                SkipSpace();
                if (!Take(',') && !Peek(close))
                {
                    return false;
                }
            }
        }

        private string? String()
        {
            if (!Take('"'))
            {
                return null;
            }

            var value = new StringBuilder();
            while (_at < _text.Length)
            {
                char c = _text[_at++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (_at >= _text.Length)
                {
                    return null;
                }

                char escaped = _text[_at++];
                if (escaped == 'u')
                {
                    if (_at + 4 > _text.Length || !int.TryParse(_text.Substring(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                    {
                        return null;
                    }

                    value.Append((char)code);
                    _at += 4;
                }
                else
                {
                    value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escaped });
                }
            }

            return null;
        }

        private void SkipSpace()
        {
            while (_at < _text.Length)
            {
                if (char.IsWhiteSpace(_text[_at]) || _text[_at] == '\uFEFF')
                {
                    _at++;
                }
                else if (_text[_at] == '/' && _at + 1 < _text.Length && _text[_at + 1] == '/')
                {
                    while (_at < _text.Length && _text[_at] != '\n')
                    {
                        _at++;
                    }
                }
                else if (_text[_at] == '/' && _at + 1 < _text.Length && _text[_at + 1] == '*')
                {
                    int end = _text.IndexOf("*/", _at + 2, System.StringComparison.Ordinal);
                    _at = end < 0 ? _text.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private bool Peek(char c) => _at < _text.Length && _text[_at] == c;

        private bool Take(char c)
        {
            if (!Peek(c))
            {
                return false;
            }

            _at++;
            return true;
        }
    }
}
