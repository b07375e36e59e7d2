namespace ManifestTools.Diagnostics
{
    /// <summary>A finding at a position in a manifest file.</summary>
    public sealed class ManifestDiagnostic
    {
        public ManifestDiagnostic(DiagnosticDescriptor descriptor, Severity severity, string file, SourceSpan span, string message, ObjectRef? subject)
        {
            Descriptor = descriptor;
            Severity = severity;
            File = file;
            Span = span;
            Message = message;
            Subject = subject;
        }

        public DiagnosticDescriptor Descriptor { get; }
        public string Id => Descriptor.Id;

        /// <summary>Usually the descriptor's default; MT1004 on a DestinationRule host is one documented exception.</summary>
        public Severity Severity { get; }

        public string File { get; }
        public SourceSpan Span { get; }
        public string Message { get; }

        /// <summary>The object the finding is about; null for file-level findings such as a syntax error.</summary>
        public ObjectRef? Subject { get; }

        public override string ToString() =>
            $"{File}({Span.Line},{Span.Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
    }
}
