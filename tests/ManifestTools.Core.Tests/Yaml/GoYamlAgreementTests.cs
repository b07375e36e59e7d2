using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ManifestTools.Diagnostics;
using ManifestTools.Generation;
using ManifestTools.Loading;
using ManifestTools.Yaml;
using YamlDotNet.RepresentationModel;

namespace ManifestTools.Tests.Yaml
{
    /// <summary>
    /// kubectl (go-yaml) is the reference for which characters a manifest may hold: the linter, and so the generator's
    /// read-back check, must reject a file exactly when kubectl does, and the scalar writer must write every character
    /// so that kubectl reads it back as the same character. It is the reference too for block scalars that open with
    /// blank lines, which YamlDotNet reads differently.
    /// </summary>
    public class GoYamlAgreementTests
    {
        private static readonly int[] YamlDotNetLineBreaks = { 0x0D, 0x85, 0x2028, 0x2029 };

        public static TheoryData<int> RawCharacters()
        {
            var data = new TheoryData<int>();
            foreach (int c in Enumerable.Range(0, 0x20).Where(c => c != '\n').Concat(Enumerable.Range(0x7F, 0x22))
                .Concat(new[] { 0xA0, 0x2028, 0x2029, 0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600 }).Distinct())
            {
                data.Add(c);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(RawCharacters))]
        public void ARawCharacterInAQuotedValue_IsRejectedExactlyWhenKubectlRejectsIt(int codePoint)
        {
            string text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  key: \"x" + char.ConvertFromUtf32(codePoint) + "y\"\n";

            var (kubectlAccepts, output) = Kubectl.Kustomize(new Dictionary<string, byte[]> { ["a.yaml"] = new UTF8Encoding(false).GetBytes(text) });
            var syntax = ManifestParser.ParseText("a.yaml", text, new LintOptions()).Diagnostics.Where(d => d.Id == "MT0001").ToList();

            string verdicts = $"U+{codePoint:X4}: kubectl {(kubectlAccepts ? "accepts" : "rejects")} the file, the linter says: [{string.Join("; ", syntax)}]\n{output}";
            if (!kubectlAccepts)
            {
                Assert.True(syntax.Count > 0, verdicts);
            }
            else if (!YamlDotNetLineBreaks.Contains(codePoint))
            {
                // YamlDotNet breaks a quoted line at CR, NEL and U+2028/U+2029 (YAML 1.1), and then wants the next line
                // indented where go-yaml does not: a stricter reading of those four that is left to the linter's issue
                // about real repositories. The generator escapes all four, so its output never has them raw.
                Assert.True(syntax.Count == 0, verdicts);
            }
        }

        [Fact]
        public void EveryCharacterTheScalarWriterWrites_IsReadBackByKubectlAsTheSameCharacter()
        {
            // Every control character, and a sample of the rest of the BMP: kustomize takes minutes over all of it. Not
            // those that go-yaml's writer emits raw and its reader then rejects, so that kustomize cannot carry them even
            // escaped: the declaration refuses them (MT4005), and they never reach the writer.
            var characters = Enumerable.Range(0, 0x100).Concat(Enumerable.Range(0x100, 0xFF00).Where(c => c % 61 == 0))
                .Concat(new[] { 0x2028, 0x2029, 0xD7FF, 0xE000, 0xFEFF, 0xFFFD })
                .Where(c => (c < 0xD800 || c > 0xDFFF) && !Generation.DeclaredTextCheckTests.KustomizeCannotCarry(c)).Distinct();
            var values = characters.Select(c => "a" + (char)c + "b").Append("a\U0001F600b").ToList();
            var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n");
            for (int i = 0; i < values.Count; i++)
            {
                yaml.Append("  k").Append(i.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(YamlScalar.String(values[i])).Append('\n');
            }

            Assert.Empty(ManifestParser.ParseText("a.yaml", yaml.ToString(), new LintOptions()).Diagnostics);
            var (accepted, output) = Kubectl.Kustomize(new Dictionary<string, byte[]> { ["a.yaml"] = new UTF8Encoding(false).GetBytes(yaml.ToString()) });
            Assert.True(accepted, output.Length > 2000 ? output.Substring(output.Length - 2000) : output);

            var stream = new YamlStream();
            stream.Load(new StringReader(output));
            var data = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["data"];
            // go-yaml writes NEL, U+2028 and U+2029 raw, which YamlDotNet reads as YAML 1.1 line breaks: that reading is
            // this test's, not kubectl's, so those three are compared by kubectl's acceptance alone.
            var mismatches = Enumerable.Range(0, values.Count)
                .Where(i => !YamlDotNetLineBreaks.Contains(char.ConvertToUtf32(values[i], 1)))
                .Where(i => ((YamlScalarNode)data["k" + i.ToString(CultureInfo.InvariantCulture)]).Value != values[i])
                .Select(i => $"U+{char.ConvertToUtf32(values[i], 1):X4}")
                .Take(20).ToList();
            Assert.Empty(mismatches);
        }

        /// <summary>
        /// Block scalars that open with lines of only whitespace, under <c>data</c> of a ConfigMap. YamlDotNet refuses a
        /// literal one whose first line holds two spaces or more; go-yaml reads such a line as empty, unless it is deeper
        /// than the text below it (then the text no longer belongs to the scalar), and refuses a tab there.
        /// </summary>
        [Theory]
        [InlineData("  script: |\n      \n    echo hi\n")]
        [InlineData("  script: |\n    \n    echo hi\n")]
        [InlineData("  script: |\n  \n    echo hi\n")]
        [InlineData("  script: |\n      \n      echo hi\n")]
        [InlineData("  script: |\n    \n\n    echo hi\n    two\n")]
        [InlineData("  script: |\n    \n      \n    echo hi\n")]
        [InlineData("  script: |\n\n      \n    echo hi\n")]
        [InlineData("  script: |-\n    \n    echo hi\n  other: x\n")]
        [InlineData("  script: |+\n    \n    echo hi\n\n  other: x\n")]
        [InlineData("  script: >\n    \n    echo hi\n    there\n")]
        [InlineData("  script: >\n      \n    echo hi\n")]
        [InlineData("  script: >\n      \n  other: x\n")]
        [InlineData("  script: |2\n      \n    echo hi\n")]
        [InlineData("  script: |2\n    \n    echo hi\n")]
        [InlineData("  script: |2-\n      \n  other: x\n")]
        [InlineData("  script: |+2\n       \n      \n    echo hi\n")]
        [InlineData("  script: |\n      \n  other: x\n")]
        [InlineData("  script: |+\n      \n")]
        [InlineData("  script: |\n    \t\n    echo hi\n")]
        [InlineData("  script: >\n    \t\n    echo hi\n")]
        [InlineData("  script: |\n    \n  \t\n    echo hi\n")]
        [InlineData("  script: |\n\t\n    echo hi\n")]
        [InlineData("  script: |\r\n    \r\n    echo hi\r\n")]
        [InlineData("  script: | # the first line is blank\n    \n    echo hi\n")]
        [InlineData("  a: |\n    \n    one\n  b: |\n      \n      two\n  c: |-\n    \n    three\n")]
        [InlineData("  list:\n  - |\n      \n    echo hi\n  - |\n     \n    echo hi\n")]
        [InlineData("  app.yaml: |\n    \n    server: |\n        \n      x\n")]
        [InlineData("  \"quoted: key\": |\n    \n    echo hi\n")]
        [InlineData("  script:\t|\n    \n    echo hi\n")]
        [InlineData("  list:\n  - |2\n        \n    x\n  - key: |1\n         \n      y\n")]
        [InlineData("  script: !!str &a |\n    \n    echo hi\n  copy: *a\n")]
        public void ABlockScalarThatOpensWithBlankLines_IsReadAsKubectlReadsIt(string data)
        {
            string text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n" + data;

            var (kubectlAccepts, output) = Kubectl.Kustomize(new Dictionary<string, byte[]> { ["a.yaml"] = new UTF8Encoding(false).GetBytes(text) });
            var file = ManifestParser.ParseText("a.yaml", text, new LintOptions());
            var syntax = file.Diagnostics.Where(d => d.Id == "MT0001").ToList();

            string verdicts = $"kubectl {(kubectlAccepts ? "accepts" : "rejects")} the file, the linter says: [{string.Join("; ", syntax)}]\n{output}";
            if (!kubectlAccepts)
            {
                Assert.True(syntax.Count > 0, verdicts);
                return;
            }

            Assert.True(syntax.Count == 0, verdicts);
            Assert.Equal("c", Assert.Single(file.Objects).Name);
            var kubectlRead = new YamlStream();
            kubectlRead.Load(new StringReader(output));
            var roots = new List<YNode>();
            new YamlDocumentReader("a.yaml", InputLimits.Default, new List<ManifestDiagnostic>()).Read(text, roots.Add);
            Assert.Equal(Canonical(kubectlRead.Documents[0].RootNode), Canonical(Assert.Single(roots)));
        }

        /// <summary>A tree as text, keys in order: kustomize sorts them, and writes scalars in its own style.</summary>
        private static string Canonical(YamlNode node) => node switch
        {
            YamlScalarNode scalar => Escape(scalar.Value ?? string.Empty),
            YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Children.Select(Canonical)) + "]",
            YamlMappingNode mapping => "{" + string.Join(", ", mapping.Children
                .OrderBy(e => ((YamlScalarNode)e.Key).Value, System.StringComparer.Ordinal)
                .Select(e => Canonical(e.Key) + ": " + Canonical(e.Value))) + "}",
            _ => node.NodeType.ToString(),
        };

        private static string Canonical(YNode node) => node switch
        {
            YScalar scalar => Escape(scalar.Value),
            YSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Canonical)) + "]",
            YMapping mapping => "{" + string.Join(", ", mapping.Entries
                .OrderBy(e => e.Key.Value, System.StringComparer.Ordinal)
                .Select(e => Canonical(e.Key) + ": " + Canonical(e.Value))) + "}",
            _ => node.KindName,
        };

        private static string Escape(string value) =>
            "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t") + "\"";

        [Fact]
        public void ALoneSurrogate_HasNoYamlForm_SoTheWriterRefusesIt()
        {
            Assert.Throws<System.ArgumentException>(() => YamlScalar.String("a\ud800b"));
        }
    }
}
