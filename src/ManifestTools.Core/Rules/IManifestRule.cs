using ManifestTools.Diagnostics;

namespace ManifestTools.Rules
{
    /// <summary>One check over the whole input. Implementations are stateless and live one per file.</summary>
    public interface IManifestRule
    {
        DiagnosticDescriptor Descriptor { get; }

        void Check(RuleContext context);
    }
}
