namespace ManifestTools.Diagnostics
{
    /// <summary>
    /// A range in a source file. Lines and columns are 1-based, as YamlDotNet marks and MSBuild are;
    /// the end is exclusive. Adapters with other conventions convert in one place each.
    /// </summary>
    public readonly struct SourceSpan : System.IEquatable<SourceSpan>
    {
        public SourceSpan(int line, int column, int endLine, int endColumn)
        {
            Line = line;
            Column = column;
            EndLine = endLine;
            EndColumn = endColumn;
        }

        public int Line { get; }
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }

        public static SourceSpan At(int line, int column) => new SourceSpan(line, column, line, column);

        public bool Equals(SourceSpan other) =>
            Line == other.Line && Column == other.Column && EndLine == other.EndLine && EndColumn == other.EndColumn;

        public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

        public override int GetHashCode() => ((Line * 397) ^ Column) * 31 + EndLine * 7 + EndColumn;

        public override string ToString() => $"({Line},{Column})-({EndLine},{EndColumn})";
    }
}
