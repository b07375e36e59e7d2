namespace ManifestTools.Diagnostics
{
    /// <summary>One entry of the catalogue: everything an adapter needs to describe a rule.</summary>
    public sealed class DiagnosticDescriptor
    {
        public DiagnosticDescriptor(string id, string name, string title, Severity defaultSeverity, string messageFormat, string help)
        {
            Id = id;
            Name = name;
            Title = title;
            DefaultSeverity = defaultSeverity;
            MessageFormat = messageFormat;
            Help = help;
        }

        /// <summary>Stable ID such as <c>MT1001</c>.</summary>
        public string Id { get; }

        /// <summary>PascalCase name, used where a tool wants an identifier (SARIF <c>rule.name</c>).</summary>
        public string Name { get; }

        public string Title { get; }

        public Severity DefaultSeverity { get; }

        /// <summary>A <see cref="string.Format(string, object[])"/> format; every argument is a string.</summary>
        public string MessageFormat { get; }

        /// <summary>What the rule checks, why it matters and how to fix a finding.</summary>
        public string Help { get; }

        /// <summary>Relative link into the rule documentation.</summary>
        public string HelpAnchor => "docs/rules.md#" + Id.ToLowerInvariant();

        public string FormatMessage(params string[] args) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
    }
}
