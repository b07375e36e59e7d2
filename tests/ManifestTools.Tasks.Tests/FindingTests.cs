using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tasks.Tests
{
    public class FindingTests
    {
        [Fact]
        public void Findings_survive_the_file_with_tabs_newlines_and_backslashes()
        {
            using var project = new TempProject("<Project />");
            var path = Path.Combine(project.State, "x.findings");
            var written = new[]
            {
                new Finding(Severity.Warning, "MT2002", @"C:\repo\k8s\a b.yaml", new SourceSpan(3, 5, 4, 1), "tab\there\nnewline \\n literal"),
                new Finding(Severity.Error, "MT4001", "/p/A.csproj", SourceSpan.At(0, 0), "plain"),
            };

            Finding.WriteAll(path, written);
            var read = Finding.ReadAll(path).ToList();

            Assert.Equal(written.Select(f => (f.Severity, f.Id, f.File, f.Span, f.Message)), read.Select(f => (f.Severity, f.Id, f.File, f.Span, f.Message)));
        }
    }
}
