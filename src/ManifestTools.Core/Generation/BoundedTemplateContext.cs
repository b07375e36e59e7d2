using System.Diagnostics;
using Scriban;
using Scriban.Syntax;

namespace ManifestTools.Generation
{
    /// <summary>
    /// Scriban's own limits count loop iterations and recursion; these bound the rest a template can do: the length of
    /// any string it builds (doubling a string in a loop would otherwise exhaust memory) and its wall time.
    /// </summary>
    internal sealed class BoundedTemplateContext : TemplateContext
    {
        private readonly int _maxStringChars;
        private readonly Stopwatch _clock;
        private readonly double _maxSeconds;

        /// <param name="clock">Started when generation began: the time limit covers all of a service's files together.</param>
        public BoundedTemplateContext(int maxStringChars, Stopwatch clock, double maxSeconds)
        {
            _maxStringChars = maxStringChars;
            _clock = clock;
            _maxSeconds = maxSeconds;
        }

        public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
        {
            var value = base.Evaluate(scriptNode, aliasReturnedFunction);
            if (value is string text && text.Length > _maxStringChars)
            {
                throw new ScriptRuntimeException(scriptNode!.Span, $"a string of {text.Length} characters exceeds the limit of {_maxStringChars}");
            }

            return value;
        }

        protected override bool OnStepLoop(ScriptLoopStatementBase loop)
        {
            if (_clock.Elapsed.TotalSeconds > _maxSeconds)
            {
                throw new ScriptRuntimeException(loop.Span, $"generation ran for more than {_maxSeconds} s");
            }

            return base.OnStepLoop(loop);
        }
    }
}
