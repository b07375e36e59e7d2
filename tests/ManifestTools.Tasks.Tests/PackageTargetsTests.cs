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
            // MT1004, MT1010, MT1101, MT1102 and MT1109 are errors by default and warnings when the input cannot know;
            // MT1003, MT1013 and MT1112 when a kustomization rewrites namespaces; MT1014, MT1016 and MT2003 for objects in
            // different folders or files. The MT3xxx rules are the analyzer's, to which the compiler applies
            // TreatWarningsAsErrors itself.
            var warnings = DiagnosticCatalog.All.Except(DiagnosticCatalog.Code)
                .Where(d => d.DefaultSeverity == Severity.Warning).Select(d => d.Id)
                .Concat(new[] { "MT1003", "MT1004", "MT1010", "MT1013", "MT1014", "MT1016", "MT1101", "MT1102", "MT1109", "MT1112", "MT2003" });

            Assert.Equal(warnings.OrderBy(id => id), listed.OrderBy(id => id));
        }
    }
}
