using System;
using System.Linq;
using System.Text;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Hostile
{
    /// <summary>
    /// MT0003 for documents that aliases blow up ("billion laughs"). The reader shares aliased nodes instead of
    /// copying them and counts their expanded size, so memory stays bounded; these tests measure allocations.
    /// </summary>
    public class AliasBombTests
    {
        /// <summary>A generous bound: a reader that expanded the bombs below would allocate gigabytes.</summary>
        private const long MemoryBound = 100L * 1024 * 1024;

        private static (ParsedFile File, long Allocated) ParseMeasured(string yaml)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var file = ManifestParser.ParseText("bomb.yaml", yaml, new LintOptions());
            ManifestLinter.Lint(new[] { file }, new LintOptions());
            return (file, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        /// <summary>Level 0 is a scalar; level i is a sequence of <paramref name="width"/> aliases of level i-1.</summary>
        private static string SequenceBomb(int levels, int width)
        {
            var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  l0: &l0 \"lol\"\n");
            for (int i = 1; i < levels; i++)
            {
                yaml.Append($"  l{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", width))).Append("]\n");
            }

            return yaml.ToString();
        }

        [Theory]
        [InlineData(9)]
        [InlineData(10)]
        public void ABillionLaughsOfSequencesIsStoppedWithBoundedMemory(int levels)
        {
            var (file, allocated) = ParseMeasured(SequenceBomb(levels, 10));

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0003", error.Id);
            Assert.Contains("1,000,000 nodes", error.Message);
            Assert.Equal(11, error.Span.Line); // l6, the first level past a million nodes
            Assert.Empty(file.Objects);
            Assert.True(allocated < MemoryBound, $"allocated {allocated:N0} bytes");
        }

        [Fact]
        public void ABillionLaughsOfMappingsIsStoppedWithBoundedMemory()
        {
            var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  m0: &m0 {a: lol}\n");
            for (int i = 1; i < 10; i++)
            {
                yaml.Append($"  m{i}: &m{i} {{").Append(string.Join(", ", Enumerable.Range(0, 10).Select(k => $"k{k}: *m{i - 1}"))).Append("}\n");
            }

            var (file, allocated) = ParseMeasured(yaml.ToString());

            Assert.Equal("MT0003", Assert.Single(file.Diagnostics).Id);
            Assert.True(allocated < MemoryBound, $"allocated {allocated:N0} bytes");
        }

        [Fact]
        public void ABombOfMergeKeysIsStoppedWithBoundedMemory()
        {
            var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  - &m0 {" +
                string.Join(", ", Enumerable.Range(0, 1000).Select(k => $"k{k}: v"))  + "}\n");
            for (int i = 1; i <= 2000; i++)
            {
                yaml.Append($"  - {{<<: *m0, x{i}: y}}\n");
            }

            var (file, allocated) = ParseMeasured(yaml.ToString());

            Assert.Equal("MT0003", Assert.Single(file.Diagnostics).Id);
            Assert.True(allocated < MemoryBound, $"allocated {allocated:N0} bytes");
        }

        [Fact]
        public void ManySmallBombsInOneFileAddUpToTheLimit()
        {
            // Each document turns ~500 bytes into 90,000 ConfigMaps, under the per-document limit; a file of many
            // such documents must not multiply that without bound.
            static string Level(int i) => i == 0
                ? "&o0 {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}"
                : $"&o{i} {{apiVersion: v1, kind: List, items: [{Level(i - 1)}, " + string.Join(", ", Enumerable.Repeat($"*o{i - 1}", i == 5 ? 8 : 9)) + "]}";
            var document = "---\napiVersion: v1\nkind: List\nitems: [" + Level(5) + "]\n";

            var (file, allocated) = ParseMeasured(string.Concat(Enumerable.Repeat(document, 30)));

            Assert.Equal(29, file.Diagnostics.Count);
            Assert.All(file.Diagnostics, d => Assert.Equal("MT0003", d.Id));
            Assert.Contains("in this file", file.Diagnostics[0].Message);
            Assert.Equal(8, file.Diagnostics[0].Span.Line);
            Assert.Equal(90_000, file.Objects.Count);
            Assert.True(allocated < 4 * MemoryBound, $"allocated {allocated:N0} bytes");
        }

        [Fact]
        public void AnAliasInsideItsOwnAnchorIsAnErrorNotARecursion()
        {
            var error = Assert.Single(ManifestParser.ParseText("self.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: &self {x: *self}\n", new LintOptions()).Diagnostics);

            Assert.Equal(("MT0001", 4, 17), (error.Id, error.Span.Line, error.Span.Column));
            Assert.Contains("refers to no anchor", error.Message);
        }

        [Fact]
        public void ModestAliasUseIsNotLimited()
        {
            var file = ManifestParser.ParseText("ok.yaml", SequenceBomb(5, 10), new LintOptions());

            Assert.Empty(file.Diagnostics);
            Assert.Single(file.Objects);
        }
    }
}
