using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ManifestTools.Tests;

namespace ManifestTools.Build.Tests
{
    /// <summary>
    /// The services of tests/corpus/services, shaped like real ones (microservices-demo's cartservice, eShop's
    /// Payment.API), each built with the package as its team would add it: as committed, the build reports nothing;
    /// with a planted outage (<see cref="RealServiceDefects"/>), exactly the findings the table expects, at their lines.
    /// Each case copies the service and builds it on its own.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class RealServiceTests
    {
        private static readonly string CorpusRoot = Path.Combine(RepoRoot.Path, "tests", "corpus", "services");

        private readonly PackageFixture _package;

        public RealServiceTests(PackageFixture package) => _package = package;

        public static IEnumerable<object[]> Cases() =>
            RealServiceDefects.Services.SelectMany(service =>
                new[] { RealServiceDefects.Unmodified }.Concat(service.Defects.Select(d => d.Name)).Select(defect => new object[] { service.Folder, defect }));

        [Theory]
        [MemberData(nameof(Cases))]
        public void BuildReportsExactlyThePlantedDefect(string service, string defect)
        {
            var corpus = RealServiceDefects.Service(service);
            var planted = corpus.Defect(defect);
            string copy = Path.Combine(_package.NewFolder($"real-{service}-{defect}"), service);
            SampleTests.CopySources(Path.Combine(CorpusRoot, service), copy);
            AddManifestTools(Path.Combine(copy, corpus.ProjectFile), corpus.ManifestGlob);
            if (planted != null)
            {
                Plant(copy, planted);
            }

            var result = DotnetProcess.Run(copy, "build");

            var expected = (planted?.Expected ?? Array.Empty<ExpectedFinding>())
                .Select(e => new Finding(e.Id, e.Severity, e.File, LineOf(copy, e)))
                .OrderBy(f => f.Key, StringComparer.Ordinal)
                .ToList();
            var actual = Findings(result, copy);
            Assert.True(expected.SequenceEqual(actual),
                $"{service} with {defect}:\nexpected\n{Show(expected)}\nactual\n{Show(actual)}\n{result}");

            // Nothing else either: no other rule, no compiler or NuGet warning, and the logger's counts agree.
            BuildAssert.WarningCount(result, expected.Count(f => f.Severity == "warning"));
            BuildAssert.ErrorCount(result, expected.Count(f => f.Severity == "error"));
            Assert.True((result.ExitCode == 0) == expected.All(f => f.Severity != "error"), $"exit code {result.ExitCode} does not fit the findings:\n{result}");
        }

        /// <summary>Each defect's edits apply to the committed service exactly once, and its expected lines exist after them.</summary>
        [Fact]
        public void EveryDefectAppliesToTheCommittedService()
        {
            foreach (var service in RealServiceDefects.Services)
            {
                Assert.True(service.Defects.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() == service.Defects.Count, service.Folder + " names a defect twice");
                foreach (var defect in service.Defects)
                {
                    string text = File.ReadAllText(Path.Combine(CorpusRoot, service.Folder, defect.File));
                    string planted = Apply(text, defect, $"{service.Folder}/{defect.File}");
                    Assert.NotEqual(text, planted);
                    foreach (var finding in defect.Expected)
                    {
                        string file = finding.File == defect.File ? planted : File.ReadAllText(Path.Combine(CorpusRoot, service.Folder, finding.File));
                        BuildAssert.PositionOf(file, finding.Fragment);
                    }
                }
            }
        }

        /// <summary>
        /// The package as a team adds it to a service with hand-written manifests: the reference, the manifests to lint,
        /// and generation off. The corpus project files stay as the teams wrote them.
        /// </summary>
        private static void AddManifestTools(string projectFile, string manifestGlob)
        {
            string text = File.ReadAllText(projectFile);
            string added = $"""
                  <PropertyGroup>
                    <ManifestGenerate>false</ManifestGenerate>
                  </PropertyGroup>

                  <ItemGroup>
                    <PackageReference Include="ManifestTools" Version="0.1.0" />
                    <ManifestFile Include="{manifestGlob}" />
                  </ItemGroup>

                </Project>
                """;
            File.WriteAllText(projectFile, ReplaceOnce(text, "</Project>", added, projectFile));
        }

        private static void Plant(string copy, ServiceDefect defect)
        {
            string path = Path.Combine(copy, defect.File);
            File.WriteAllText(path, Apply(File.ReadAllText(path), defect, defect.File));
        }

        private static string Apply(string text, ServiceDefect defect, string name) =>
            defect.Replacements.Aggregate(text, (current, r) => ReplaceOnce(current, r.Old, r.New, $"{name} ({defect.Name})"));

        private static string ReplaceOnce(string text, string oldText, string newText, string where)
        {
            int first = text.IndexOf(oldText, StringComparison.Ordinal);
            if (first < 0 || text.IndexOf(oldText, first + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"'{oldText}' must occur exactly once in {where}");
            }

            return string.Concat(text.AsSpan(0, first), newText, text.AsSpan(first + oldText.Length));
        }

        private static int LineOf(string copy, ExpectedFinding finding) =>
            BuildAssert.PositionOf(File.ReadAllText(Path.Combine(copy, finding.File)), finding.Fragment).Line;

        /// <summary>
        /// Every warning and error MSBuild printed, as often as it was reported: the console logger repeats them all after
        /// "Build succeeded." or "Build FAILED.", so only the lines before that are read. The origin is a file (with a
        /// position or not) or a tool, as in "file(12,5): warning MT3001: …".
        /// </summary>
        private static List<Finding> Findings(DotnetResult result, string copy)
        {
            var end = SummaryStart.Matches(result.Output).LastOrDefault();
            string body = end != null ? result.Output.Substring(0, end.Index) : result.Output;
            var findings = new List<Finding>();
            foreach (Match match in Message.Matches(body))
            {
                string origin = match.Groups["origin"].Value.Trim();
                var position = Position.Match(origin);
                string file = position.Success ? position.Groups["file"].Value : origin;
                int line = position.Success ? int.Parse(position.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                if (Path.IsPathRooted(file))
                {
                    file = Path.GetRelativePath(copy, file).Replace(Path.DirectorySeparatorChar, '/');
                }

                findings.Add(new Finding(match.Groups["id"].Value, match.Groups["severity"].Value, file, line));
            }

            // Without the closing lines (a build that crashed), the repeats cannot be told from the reports.
            return (end != null ? findings : findings.Distinct()).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        }

        private static string Show(IReadOnlyList<Finding> findings) =>
            findings.Count == 0 ? "  (nothing)" : string.Join("\n", findings.Select(f => "  " + f.Key));

        private static readonly Regex Message = new Regex(@"^(?<origin>[^\n]*?): (?:[\w-]+ )?(?<severity>warning|error) (?<id>[A-Za-z]+[0-9]+): ", RegexOptions.Multiline);

        private static readonly Regex SummaryStart = new Regex(@"^Build (succeeded|FAILED)\.\s*$", RegexOptions.Multiline);

        private static readonly Regex Position = new Regex(@"^(?<file>.*)\((?<line>\d+)(?:,\d+){0,3}\)$");

        private sealed record Finding(string Id, string Severity, string File, int Line)
        {
            public string Key => $"{Id} {Severity} {File}:{Line}";
        }
    }
}
