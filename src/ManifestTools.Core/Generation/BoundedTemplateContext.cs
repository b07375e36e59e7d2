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
        private readonly long _deadlineTicks;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public BoundedTemplateContext(int maxStringChars, double maxSeconds)
        {
            _maxStringChars = maxStringChars;
            _deadlineTicks = (long)(maxSeconds * Stopwatch.Frequency);
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
            if (_clock.ElapsedTicks > _deadlineTicks)
            {
                throw new ScriptRuntimeException(loop.Span, $"the template ran for more than {_deadlineTicks / Stopwatch.Frequency} s");
            }

            return base.OnStepLoop(loop);
        }
    }
}
