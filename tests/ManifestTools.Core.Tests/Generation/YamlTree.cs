using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Yaml;

namespace ManifestTools.Tests.Generation
{
    /// <summary>Reads generated YAML back with the linter's own reader, so tests see what the linter sees.</summary>
    internal static class YamlTree
    {
        public static YNode Single(string yaml)
        {
            var diagnostics = new List<ManifestDiagnostic>();
            var documents = new List<YNode>();
            new YamlDocumentReader("generated.yaml", InputLimits.Default, diagnostics).Read(yaml, documents.Add);
            Assert.Empty(diagnostics.Select(d => d.ToString()));
            return Assert.Single(documents);
        }

        /// <summary>Follows mapping keys and sequence indexes ("0", "1", ...) from the root.</summary>
        public static YNode At(this YNode node, params string[] path)
        {
            foreach (var step in path)
            {
                node = node is YSequence sequence
                    ? sequence.Items[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]
                    : Assert.IsType<YMapping>(node).TryGet(step, out _, out var value) ? value : throw new KeyNotFoundException(step);
            }

            return node;
        }

        public static string Text(this YNode node, params string[] path) => Assert.IsType<YScalar>(node.At(path)).Value;

        public static IReadOnlyList<YNode> Items(this YNode node, params string[] path) => Assert.IsType<YSequence>(node.At(path)).Items;

        /// <summary>A container's env as name/value pairs, in order.</summary>
        public static IReadOnlyList<(string Name, string Value)> Environment(string deploymentYaml)
        {
            var container = Single(deploymentYaml).At("spec", "template", "spec", "containers", "0");
            return Assert.IsType<YMapping>(container).TryGet("env", out _, out var env)
                ? Assert.IsType<YSequence>(env).Items.Select(e => (e.Text("name"), e.Text("value"))).ToList()
                : new List<(string, string)>();
        }
    }
}
