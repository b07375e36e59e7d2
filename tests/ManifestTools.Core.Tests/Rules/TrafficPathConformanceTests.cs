using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// Conformance of the traffic-path rules with Istio (istioctl analyze and pilot), on the scenarios of
    /// tests/corpus/traffic-path. Each file states its scenario, what istioctl analyze reports for it and, on
    /// <c># expect:</c> lines, the findings it must produce: <c># expect: MT1010 error 14:5</c> (rule, severity,
    /// line:column) or <c># expect: nothing</c>. Each file is linted alone, and the findings of the rules below must be
    /// exactly the expected ones; findings of other rules are not this test's business.
    /// </summary>
    public sealed class TrafficPathConformanceTests
    {
        private const string CorpusFolder = "traffic-path";

        /// <summary>The rules the corpus speaks about: the traffic-path rules and the host rules that honour exportTo.</summary>
        private static readonly HashSet<string> Checked = new HashSet<string>(StringComparer.Ordinal)
        {
            "MT1001", "MT1003", "MT1004", "MT1009",
            "MT1010", "MT1011", "MT1012", "MT1013", "MT1014", "MT1015", "MT1016", "MT1017", "MT1018", "MT1019", "MT1020",
        };

        private static readonly Regex ExpectLine = new Regex(
            @"^#\s*expect:\s*(?:(?<nothing>nothing)|(?<id>MT\d{4})\s+(?<severity>error|warning|info)\s+(?<line>\d+):(?<column>\d+))\s*$",
            RegexOptions.CultureInvariant);

        private static string Folder => Path.Combine(RepoRoot.Path, "tests", "corpus", CorpusFolder);

        public static TheoryData<string> Scenarios()
        {
            var data = new TheoryData<string>();
            foreach (var path in Directory.GetFiles(Folder, "*.yaml").OrderBy(p => p, StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(path));
            }

            return data;
        }

        [Fact]
        public void TheCorpusHoldsScenarios()
        {
            Assert.True(Directory.GetFiles(Folder, "*.yaml").Length >= 20, "tests/corpus/traffic-path holds the conformance scenarios");
        }

        [Theory]
        [MemberData(nameof(Scenarios))]
        public void Scenario_ProducesExactlyTheExpectedFindings(string fileName)
        {
            var text = File.ReadAllText(Path.Combine(Folder, fileName));
            var expected = Expectations(fileName, text);

            var options = new LintOptions();
            var relative = CorpusFolder + "/" + fileName;
            var diagnostics = ManifestLinter.Lint(new[] { ManifestParser.ParseText(relative, text, options) }, options).Diagnostics;
            var relevant = diagnostics.Where(d => Checked.Contains(d.Id)).ToList();
            var actual = relevant
                .Select(d => Format(d.Id, d.Severity.ToString().ToLowerInvariant(), d.Span.Line, d.Span.Column))
                .ToList();

            var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
            var unexpected = relevant.Where(d => !expected.Contains(Format(d.Id, d.Severity.ToString().ToLowerInvariant(), d.Span.Line, d.Span.Column)))
                .Select(d => Format(d.Id, d.Severity.ToString().ToLowerInvariant(), d.Span.Line, d.Span.Column) + "  " + d.Message)
                .ToList();
            var duplicates = actual.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key + " (reported " + g.Count() + " times)").ToList();

            Assert.True(missing.Count == 0 && unexpected.Count == 0 && duplicates.Count == 0,
                $"{relative}:" + Environment.NewLine +
                (missing.Count > 0 ? "  expected, not reported:" + Environment.NewLine + string.Join(Environment.NewLine, missing.Select(m => "    " + m)) + Environment.NewLine : string.Empty) +
                (unexpected.Count > 0 ? "  reported, not expected:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected.Select(u => "    " + u)) + Environment.NewLine : string.Empty) +
                (duplicates.Count > 0 ? "  reported more than once:" + Environment.NewLine + string.Join(Environment.NewLine, duplicates.Select(u => "    " + u)) + Environment.NewLine : string.Empty) +
                "  all findings:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Select(d => "    " + d)));
        }

        /// <summary>The file's <c># expect:</c> lines; a file must have some, and <c>nothing</c> only alone.</summary>
        private static HashSet<string> Expectations(string fileName, string text)
        {
            var expected = new HashSet<string>(StringComparer.Ordinal);
            bool nothing = false;
            int lines = 0;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (!line.StartsWith("# expect", StringComparison.Ordinal))
                {
                    continue;
                }

                var match = ExpectLine.Match(line);
                Assert.True(match.Success, $"{fileName}: malformed expectation '{line}'");
                lines++;
                if (match.Groups["nothing"].Success)
                {
                    nothing = true;
                    continue;
                }

                var entry = Format(match.Groups["id"].Value, match.Groups["severity"].Value,
                    int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture));
                Assert.True(Checked.Contains(match.Groups["id"].Value), $"{fileName}: {match.Groups["id"].Value} is not a rule this corpus checks");
                Assert.True(expected.Add(entry), $"{fileName}: '{line}' is listed twice");
            }

            Assert.True(lines > 0, $"{fileName} has no '# expect:' line");
            Assert.True(!nothing || expected.Count == 0, $"{fileName}: '# expect: nothing' together with findings");
            return expected;
        }

        private static string Format(string id, string severity, int line, int column) =>
            string.Create(CultureInfo.InvariantCulture, $"{id} {severity} {line}:{column}");
    }
}
