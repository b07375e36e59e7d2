using System.IO;
using ManifestTools.Tests;
using System.Linq;
using System.Text.RegularExpressions;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tasks.Tests
{
    public class PackageTargetsTests
    {
        private static readonly string Targets = File.ReadAllText(Path.Combine(RepoRoot.Path, "nuget", "build", "ManifestTools.targets"));

        [Fact]
        public void TreatWarningsAsErrors_covers_every_code_that_can_be_a_warning()
        {
            var listed = Regex.Match(Targets, @"<MSBuildWarningsAsErrors Condition=""'\$\(TreatWarningsAsErrors\)' == 'true'"">\$\(MSBuildWarningsAsErrors\);([^<]*)<")
                .Groups[1].Value.Split(';');
            // MT1004 is an error by default and a warning when the input cannot know; MT2003 is a warning for workloads with
            // the same pods in different files. The MT3xxx rules are the analyzer's, to which the compiler applies
            // TreatWarningsAsErrors itself.
            var warnings = DiagnosticCatalog.All.Except(DiagnosticCatalog.Code)
                .Where(d => d.DefaultSeverity == Severity.Warning).Select(d => d.Id).Append("MT1004").Append("MT2003");

            Assert.Equal(warnings.OrderBy(id => id), listed.OrderBy(id => id));
        }
    }
}
