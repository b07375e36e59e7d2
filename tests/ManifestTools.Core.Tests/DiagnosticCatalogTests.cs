using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests
{
    public class DiagnosticCatalogTests
    {
        [Fact]
        public void NoIdIsUsedTwice()
        {
            var reused = DiagnosticCatalog.All.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key);

            Assert.Empty(reused);
        }

        [Fact]
        public void EveryDescriptorFieldIsListedInAll()
        {
            var fields = typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

            Assert.Equal(fields.OrderBy(d => d.Id), DiagnosticCatalog.All.OrderBy(d => d.Id));
        }

        [Fact]
        public void EveryRuleReportsACataloguedDescriptorOfItsOwn()
        {
            var ids = ManifestLinter.Rules.Select(r => r.Descriptor.Id).ToList();

            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ManifestLinter.Rules, rule => Assert.Contains(rule.Descriptor, DiagnosticCatalog.All));
        }

        [Fact]
        public void EveryEntryIsComplete()
        {
            Assert.All(DiagnosticCatalog.All, d =>
            {
                Assert.Matches("^MT[0-9]{4}$", d.Id);
                Assert.Matches("^[A-Z][A-Za-z0-9]+$", d.Name);
                Assert.False(string.IsNullOrWhiteSpace(d.Title));
                Assert.False(string.IsNullOrWhiteSpace(d.Help));
                Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat));
            });
        }

        [Fact]
        public void MessageFormatsUseConsecutivePlaceholders()
        {
            Assert.All(DiagnosticCatalog.All, d =>
            {
                var indexes = Regex.Matches(d.MessageFormat, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value)).Distinct().OrderBy(i => i).ToList();
                Assert.Equal(Enumerable.Range(0, indexes.Count), indexes);
                var args = Enumerable.Range(0, indexes.Count).Select(i => "<" + i + ">").ToArray();
                Assert.All(args, arg => Assert.Contains(arg, d.FormatMessage(args)));
            });
        }
    }
}
