using System.Linq;
using System.Text;
using ManifestTools.Loading;
using ManifestTools.Model;

namespace ManifestTools.Tests.Hostile
{
    /// <summary>Inputs that are large in one direction: they must finish in linear time and report what is wrong.</summary>
    public class VolumeTests
    {
        private static ParsedFile Parse(string yaml) => ManifestParser.ParseText("big.yaml", yaml, new LintOptions());

        [Fact]
        public void AMappingWith200000DistinctKeysIsRead()
        {
            var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n");
            for (int i = 0; i < 200_000; i++)
            {
                yaml.Append("  key").Append(i).Append(": value\n");
            }

            var file = Parse(yaml.ToString());

            Assert.Empty(file.Diagnostics);
            Assert.Equal("wide", Assert.Single(file.Objects).Name);
        }

        [Fact]
        public void ASelectorAndTemplateWith200000LabelsAreMatchedInLinearTime()
        {
            var yaml = new StringBuilder("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wide\nspec:\n  selector:\n    matchLabels: &labels\n");
            for (int i = 0; i < 200_000; i++)
            {
                yaml.Append("      key").Append(i).Append(": v").Append(i).Append('\n');
            }

            yaml.Append("  template:\n    metadata:\n      labels:\n        <<: *labels\n        extra: \"1\"\n");
            yaml.Append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: wide\nspec:\n  selector: {key199999: v199999}\n");

            var diagnostics = Lint.Yaml(yaml.ToString());

            Assert.Empty(diagnostics);
        }

        [Fact]
        public void AMismatchAmong200000LabelsIsStillFound()
        {
            var yaml = new StringBuilder("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wide\nspec:\n  selector:\n    matchLabels:\n");
            for (int i = 0; i < 200_000; i++)
            {
                yaml.Append("      key").Append(i).Append(": v").Append(i).Append('\n');
            }

            yaml.Append("      odd: one\n  template:\n    metadata:\n      labels:\n");
            for (int i = 0; i < 200_000; i++)
            {
                yaml.Append("        key").Append(i).Append(": v").Append(i).Append('\n');
            }

            var error = Assert.Single(Lint.Yaml(yaml.ToString()));

            Assert.Equal(("MT2001", 6), (error.Id, error.Span.Line));
            Assert.EndsWith("it wants odd=one but the template has no label odd", error.Message);
        }

        [Fact]
        public void TenThousandDuplicateKeysAreEachReported()
        {
            var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\ndata:\n");
            for (int i = 0; i < 10_000; i++)
            {
                yaml.Append("  same: ").Append(i).Append('\n');
            }

            var file = Parse(yaml.ToString());

            Assert.Equal(9_999, file.Diagnostics.Count);
            Assert.All(file.Diagnostics, d => Assert.Equal("MT0001", d.Id));
            Assert.Equal(7, file.Diagnostics[0].Span.Line);
            Assert.Equal(10_005, file.Diagnostics[^1].Span.Line);
            Assert.Single(file.Objects);
        }

        [Fact]
        public void DuplicateKeysAmongManyDistinctOnesAreFound()
        {
            var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\ndata:\n");
            for (int i = 0; i < 50_000; i++)
            {
                yaml.Append("  key").Append(i).Append(": x\n");
            }

            yaml.Append("  key123: again\n");

            var error = Assert.Single(Parse(yaml.ToString()).Diagnostics);

            Assert.Equal(("MT0001", 50_006), (error.Id, error.Span.Line));
            Assert.Contains("first at line 129", error.Message);
        }

        [Fact]
        public void FiftyThousandScriptsThatOpenWithBlankLinesAreReadInOneMorePass()
        {
            // Each would stop YamlDotNet on its own: one copy settles them all, where a new reading per scalar would read
            // the document 50,000 times.
            var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: scripts\ndata:\n");
            for (int i = 0; i < 50_000; i++)
            {
                yaml.Append("  s").Append(i).Append(": |\n    \n    echo ").Append(i).Append('\n');
            }

            yaml.Append("  last: @\n");

            var error = Assert.Single(Parse(yaml.ToString()).Diagnostics);

            Assert.Equal(("MT0001", 150_006, 9), (error.Id, error.Span.Line, error.Span.Column));
            Assert.Contains("cannot start any token", error.Message);
        }

        [Fact]
        public void ALongRunOfEmptyDocumentsYieldsNothingAndKeepsLinesExact()
        {
            var yaml = string.Concat(Enumerable.Repeat("---\n", 100_000)) + "apiVersion: v1\nkind: Service\nmetadata:\n  name: Last\n";

            var diagnostics = Lint.Yaml(yaml);

            var error = Assert.Single(diagnostics);
            Assert.Equal(("MT2004", 100_004), (error.Id, error.Span.Line));
        }

        [Fact]
        public void ManyObjectsOfOneFileAreAllRead()
        {
            var yaml = new StringBuilder();
            for (int i = 0; i < 20_000; i++)
            {
                yaml.Append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c").Append(i).Append('\n');
            }

            var file = Parse(yaml.ToString());

            Assert.Empty(file.Diagnostics);
            Assert.Equal(20_000, file.Objects.Count);
            Assert.Equal(99_997, file.Objects[^1].Header.Span.Line);
            Assert.IsType<ConfigData>(file.Objects[^1]);
        }
    }
}
