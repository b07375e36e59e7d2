using System.Collections.Generic;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>What a rule sees: the index of the input, and a sink that applies suppression annotations.</summary>
    public sealed class RuleContext
    {
        private readonly DiagnosticDescriptor _descriptor;
        private readonly List<ManifestDiagnostic> _sink;

        internal RuleContext(MeshIndex index, DiagnosticDescriptor descriptor, List<ManifestDiagnostic> sink)
        {
            Index = index;
            _descriptor = descriptor;
            _sink = sink;
        }

        public MeshIndex Index { get; }

        public void Report(ManifestObject subject, SourceSpan span, params string[] messageArgs) =>
            Report(subject, span, _descriptor.DefaultSeverity, messageArgs);

        public void Report(ManifestObject subject, SourceSpan span, Severity severity, params string[] messageArgs)
        {
            if (subject.Header.Suppresses(_descriptor.Id))
            {
                return;
            }

            _sink.Add(new ManifestDiagnostic(_descriptor, severity, subject.File, span, _descriptor.FormatMessage(messageArgs), subject.Ref));
        }
    }
}
