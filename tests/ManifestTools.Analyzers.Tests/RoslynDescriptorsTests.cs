using System.Linq;
using ManifestTools.Diagnostics;
using Microsoft.CodeAnalysis;

namespace ManifestTools.Analyzers.Tests
{
    public class RoslynDescriptorsTests
    {
        [Fact]
        public void The_analyzer_supports_every_lint_and_code_id_once()
        {
            var supported = new ManifestAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();

            Assert.Equal(supported.Distinct().Count(), supported.Count);
            Assert.Equal(DiagnosticCatalog.Lint.Concat(DiagnosticCatalog.Code).Select(d => d.Id).OrderBy(id => id), supported.OrderBy(id => id));
        }

        [Fact]
        public void Each_descriptor_carries_the_catalogue_entry()
        {
            Assert.All(DiagnosticCatalog.Lint.Concat(DiagnosticCatalog.Code), core =>
            {
                var roslyn = RoslynDescriptors.Get(core.Id);
                Assert.Equal(core.Title, roslyn.Title.ToString());
                Assert.Equal(core.Help, roslyn.Description.ToString());
                Assert.Equal(core.HelpAnchor, roslyn.HelpLinkUri);
                Assert.Equal("ManifestTools", roslyn.Category);
                Assert.Equal("{0}", roslyn.MessageFormat.ToString());
                Assert.True(roslyn.IsEnabledByDefault);
                Assert.Equal(core.DefaultSeverity switch
                {
                    Severity.Error => DiagnosticSeverity.Error,
                    Severity.Warning => DiagnosticSeverity.Warning,
                    _ => DiagnosticSeverity.Info,
                }, roslyn.DefaultSeverity);
            });
        }
    }
}
