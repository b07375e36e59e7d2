using System;
using System.Text;

namespace ManifestTools.Code
{
    /// <summary>
    /// Expands one word of an ENV or EXPOSE as BuildKit's shell lexer does: single quotes are literal, double quotes keep
    /// all but <c>$</c> and the escaped <c>"</c>, <c>$</c> and escape character, and <c>$VAR</c>, <c>${VAR}</c>,
    /// <c>${VAR:-default}</c>, <c>${VAR:+alternative}</c> and their forms without the colon substitute. A variable whose
    /// value is not known makes the word's value unknown, unless the modifier leaves the variable's value unused.
    /// </summary>
    internal sealed class ShellWord
    {
        /// <summary>Deeper <c>${A:-${B:-…}}</c> nesting fails the word instead of the stack; real Dockerfiles nest once or twice.</summary>
        private const int MaxDepth = 32;

        private readonly string _text;
        private readonly char _escape;
        private readonly Func<string, string?> _lookup;
        private int _at;
        private int _depth;
        private bool _failed;

        private ShellWord(string text, char escape, Func<string, string?> lookup)
        {
            _text = text;
            _escape = escape;
            _lookup = lookup;
        }

        /// <summary>
        /// False when BuildKit rejects the word (an unterminated quote, a bad substitution, a missing brace). Else
        /// <paramref name="value"/> is the word's value, or null when it depends on a variable that
        /// <paramref name="lookup"/> does not know (it returns null for those).
        /// </summary>
        public static bool TryExpand(string word, char escape, Func<string, string?> lookup, out string? value)
        {
            var lexer = new ShellWord(word, escape, lookup);
            value = lexer.Word(null);
            return !lexer._failed;
        }

        /// <summary>The text up to <paramref name="stop"/> (consumed) or the end; null when unknown or failed.</summary>
        private string? Word(char? stop)
        {
            var result = new StringBuilder();
            bool known = true;
            while (_at < _text.Length)
            {
                char ch = _text[_at];
                if (ch == stop)
                {
                    _at++;
                    return known ? result.ToString() : null;
                }

                string? piece;
                if (ch == '\'')
                {
                    piece = SingleQuoted();
                }
                else if (ch == '"')
                {
                    piece = DoubleQuoted();
                }
                else if (ch == '$')
                {
                    piece = Dollar();
                }
                else
                {
                    _at++;
                    if (ch == _escape)
                    {
                        if (_at == _text.Length)
                        {
                            break;
                        }

                        ch = _text[_at++];
                    }

                    result.Append(ch);
                    continue;
                }

                if (_failed)
                {
                    return null;
                }

                known &= piece != null;
                result.Append(piece);
            }

            return stop != null ? Fail() : known ? result.ToString() : null;
        }

        private string? SingleQuoted()
        {
            int close = _text.IndexOf('\'', _at + 1);
            if (close < 0)
            {
                return Fail();
            }

            string literal = _text.Substring(_at + 1, close - _at - 1);
            _at = close + 1;
            return literal;
        }

        private string? DoubleQuoted()
        {
            var result = new StringBuilder();
            bool known = true;
            _at++;
            while (true)
            {
                if (_at == _text.Length)
                {
                    return Fail();
                }

                char ch = _text[_at];
                if (ch == '"')
                {
                    _at++;
                    return known ? result.ToString() : null;
                }

                if (ch == '$')
                {
                    var piece = Dollar();
                    if (_failed)
                    {
                        return null;
                    }

                    known &= piece != null;
                    result.Append(piece);
                    continue;
                }

                _at++;
                if (ch == _escape && _at < _text.Length && (_text[_at] == '"' || _text[_at] == '$' || _text[_at] == _escape))
                {
                    ch = _text[_at++];
                }

                result.Append(ch);
            }
        }

        private string? Dollar()
        {
            _at++;
            if (_at == _text.Length || _text[_at] != '{')
            {
                string name = Name();
                return name.Length == 0 ? "$" : _lookup(name);
            }

            _at++;
            if (_at == _text.Length || _text[_at] == '{' || _text[_at] == '}' || _text[_at] == ':')
            {
                return Fail();
            }

            string variable = Name();
            if (_at == _text.Length)
            {
                return Fail();
            }

            char modifier = _text[_at++];
            if (modifier == '}')
            {
                return _lookup(variable);
            }

            bool colon = modifier == ':';
            if (colon)
            {
                if (_at == _text.Length)
                {
                    return Fail();
                }

                modifier = _text[_at++];
            }

            if (_depth == MaxDepth)
            {
                return Fail();
            }

            _depth++;
            string? word = Word('}');
            _depth--;
            if (_failed)
            {
                return null;
            }

            string? value = _lookup(variable);
            switch (modifier)
            {
                case '-':
                    return value == null ? null : colon && value.Length == 0 ? word : value;
                case '+':
                    return value == null ? null : colon && value.Length == 0 ? "" : word;
                default:
                    // ${VAR:?message}, ${VAR#pattern}, ${VAR%pattern}, ${VAR/pattern/replacement}: rare enough to leave unknown.
                    return null;
            }
        }

        /// <summary>A name as the lexer reads one: letters, digits and underscores, or a positional or special parameter.</summary>
        private string Name()
        {
            int start = _at;
            if (_at < _text.Length && char.IsDigit(_text[_at]))
            {
                while (_at < _text.Length && char.IsDigit(_text[_at]))
                {
                    _at++;
                }
            }
            else if (_at < _text.Length && "@*#?-$!".IndexOf(_text[_at]) >= 0)
            {
                _at++;
            }
            else
            {
                while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_'))
                {
                    _at++;
                }
            }

            return _text.Substring(start, _at - start);
        }

        private string? Fail()
        {
            _failed = true;
            return null;
        }
    }
}
