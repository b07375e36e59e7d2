using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ManifestTools.Diagnostics;
using ManifestTools.Yaml;

namespace ManifestTools.Tests.Yaml
{
    /// <summary>
    /// The block reader is a fast path: wherever it accepts a document, the tree and the findings must be exactly
    /// what YamlDotNet's path produces. Checked on the repository's manifests, edge cases, and seeded mutants.
    /// </summary>
    public class BlockYamlReaderTests
    {
        public static IEnumerable<object[]> Corpus() => CorpusTexts().Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(Corpus))]
        public void ReadsTheCorpusExactlyAsYamlDotNetDoes(string name)
        {
            var text = CorpusTexts().Single(c => c.Name == name).Text;

            AssertSameAsYamlDotNet(text);
        }

        [Fact]
        public void AcceptsEveryManifestOfTheSamplesAndScenarios()
        {
            // Every file but those broken on purpose, and the docs, whose examples show flow style and syntax errors too.
            var manifests = CorpusTexts().Where(c => !c.Name.StartsWith("docs", StringComparison.Ordinal) && !c.Name.Contains("mt0001") && !c.Name.Contains("broken-syntax")).ToList();

            Assert.NotEmpty(manifests);
            Assert.All(manifests, m => Assert.All(Chunks(m.Text), chunk => Assert.NotNull(BlockYamlReader.TryRead(chunk, 0, chunk.Length, 0, InputLimits.Default))));
        }

        [Theory]
        [InlineData("a: 1\nb:\n  c: 'x''y'\n  d: \"q\"\n")]
        [InlineData("ports:\n- name: http\n  port: 80\n-   9\nnext: {}\nempty:\nlast: []   # c\n")]
        [InlineData("- a\n- b: c\n  d:\n  - e\n  - f: g\n- {}\n")]
        [InlineData("\"quoted key\": v\n'single': w\nplain key with spaces: x\n")]
        [InlineData("a:  # comment\n  b: c # trailing\n# between\n\n  d: e\n")]
        [InlineData("a: b\r\nc:\r\n  - d\r\n")]
        [InlineData("emoji: \"🚀 ünï\"\nkey: 🚀 value\n")]
        [InlineData("a: b\t\nc: d  \t\n")]
        [InlineData("--- # first\na: b\n")]
        [InlineData("  indented: root\n  second: x\n")]
        [InlineData("url: http://x:80/a#b\nn: -1\nq: ?x\nc: :x\n")]
        [InlineData("a: b: c\n")]
        [InlineData("a: b\n- c\n")]
        [InlineData("labels:\t  version: v2\n")]
        [InlineData("a: b:\tc\n")]
        [InlineData("a: \tb\n- \tc\n")]
        [InlineData("a: b\n \t \nc: d\n")]
        [InlineData("a: b\n  c: d\n")]
        [InlineData("a:\n  - b\n  c: d\n")]
        [InlineData("a: 'unclosed\n")]
        [InlineData("a: \"esc\\n\"\n")]
        [InlineData("a: b\na: c\n")]
        [InlineData("a: &x b\nc: *x\n")]
        [InlineData("a: |\n  text\n")]
        [InlineData("a: [b, c]\n")]
        [InlineData("a:\tb\n")]
        [InlineData("\ta: b\n")]
        [InlineData("a: b\n...\n")]
        [InlineData("- - a\n")]
        [InlineData("-\n  a: b\n")]
        [InlineData("a:\n  plain\n  continued\n")]
        [InlineData("just a scalar\n")]
        [InlineData("a: \"x\" y\n")]
        [InlineData("<<: {a: b}\n")]
        public void EdgeCasesMatchYamlDotNet(string text) => AssertSameAsYamlDotNet(text);

        [Fact]
        public void MutantsOfTheCorpusMatchYamlDotNet()
        {
            var random = new Random(20261126);
            const string alphabet = " :-#\"'\t\r\n{}[]&*!|>?,x0é";
            int compared = 0;
            foreach (var (_, text) in CorpusTexts().Where(c => c.Text.Length < 20_000))
            {
                for (int n = 0; n < 200; n++)
                {
                    var mutant = new StringBuilder(text);
                    for (int edits = random.Next(1, 4); edits > 0; edits--)
                    {
                        int at = random.Next(mutant.Length);
                        switch (random.Next(3))
                        {
                            case 0: mutant.Remove(at, 1); break;
                            case 1: mutant.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                            default: mutant[at] = alphabet[random.Next(alphabet.Length)]; break;
                        }
                    }

                    AssertSameAsYamlDotNet(mutant.ToString());
                    compared++;
                }
            }

            Assert.True(compared > 1000, $"only {compared} mutants compared");
        }

        private static void AssertSameAsYamlDotNet(string text)
        {
            var (fastRoots, fastDiagnostics) = Read(text, useBlockReader: true);
            var (slowRoots, slowDiagnostics) = Read(text, useBlockReader: false);

            Assert.Equal(Describe(slowDiagnostics), Describe(fastDiagnostics));
            Assert.Equal(slowRoots.Count, fastRoots.Count);
            for (int i = 0; i < slowRoots.Count; i++)
            {
                Assert.Equal(Dump(slowRoots[i]), Dump(fastRoots[i]));
            }
        }

        private static (List<YNode> Roots, List<ManifestDiagnostic> Diagnostics) Read(string text, bool useBlockReader)
        {
            var diagnostics = new List<ManifestDiagnostic>();
            var roots = new List<YNode>();
            new YamlDocumentReader("t.yaml", InputLimits.Default, diagnostics) { UseBlockReader = useBlockReader }.Read(text, roots.Add);
            return (roots, diagnostics);
        }

        private static string Describe(List<ManifestDiagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Span} {d.Message}"));

        /// <summary>Every node with its kind, value, plainness and span, so any difference shows in the assertion.</summary>
        private static string Dump(YNode root)
        {
            var text = new StringBuilder();
            var pending = new Stack<(YNode Node, int Depth)>();
            pending.Push((root, 0));
            while (pending.Count > 0)
            {
                var (node, depth) = pending.Pop();
                text.Append(' ', depth * 2);
                switch (node)
                {
                    case YScalar scalar:
                        text.Append($"scalar {(scalar.IsPlain ? "plain" : "quoted")} \"{scalar.Value}\" {scalar.Span}\n");
                        break;
                    case YMapping mapping:
                        text.Append($"mapping {mapping.Span}\n");
                        foreach (var entry in Enumerable.Reverse(mapping.Entries))
                        {
                            pending.Push((entry.Value, depth + 2));
                            pending.Push((entry.Key, depth + 1));
                        }

                        break;
                    case YSequence sequence:
                        text.Append($"sequence {sequence.Span}\n");
                        foreach (var item in Enumerable.Reverse(sequence.Items))
                        {
                            pending.Push((item, depth + 1));
                        }

                        break;
                }
            }

            return text.ToString();
        }

        private static IEnumerable<string> Chunks(string text) =>
            YamlDocumentReader.SplitDocuments(text).Select(c => text.Substring(c.Start, c.Length)).Where(c => c.Trim().Trim('-').Trim().Length > 0);

        private static List<(string Name, string Text)> CorpusTexts()
        {
            var files = new[] { "samples", "tests/ManifestTools.Cli.Tests/Scenarios", "tests/ManifestTools.Cli.Tests/Golden" }
                .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, dir), "*.yaml", SearchOption.AllDirectories))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(RepoRoot.Path, f).Replace('\\', '/'), File.ReadAllText(f)));
            var docs = Regex.Matches(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "rules.md")), "```yaml[^\n]*\n(.*?)```", RegexOptions.Singleline)
                .Select((m, i) => ($"docs/rules.md example {i + 1}", m.Groups[1].Value));
            return files.Concat(docs).ToList();
        }
    }
}
