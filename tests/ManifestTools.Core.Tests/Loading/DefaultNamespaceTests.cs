using System.Linq;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Loading
{
    /// <summary>Objects without metadata.namespace land in LintOptions.DefaultNamespace, as <c>kubectl apply -n</c> puts them.</summary>
    public class DefaultNamespaceTests
    {
        private const string TwoObjects = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: implicit
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: explicit
              namespace: payments
            """;

        [Fact]
        public void WithoutANamespaceAnObjectIsInDefault()
        {
            var objects = ManifestParser.ParseText("a.yaml", TwoObjects, new LintOptions()).Objects;

            Assert.Equal(new[] { "default", "payments" }, objects.Select(o => o.Namespace));
            Assert.Equal(new[] { false, true }, objects.Select(o => o.Header.NamespaceIsExplicit));
        }

        [Fact]
        public void TheDefaultNamespaceComesFromTheOptions()
        {
            var objects = ManifestParser.ParseText("a.yaml", TwoObjects, new LintOptions { DefaultNamespace = "staging" }).Objects;

            Assert.Equal(new[] { "staging", "payments" }, objects.Select(o => o.Namespace));
            Assert.Equal("ConfigMap staging/implicit", objects[0].Ref.ToString());
        }

        [Fact]
        public void ListItemsWithoutANamespaceGetTheDefaultToo()
        {
            var objects = ManifestParser.ParseText("a.yaml", "apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n",
                new LintOptions { DefaultNamespace = "staging" }).Objects;

            Assert.Equal("staging", Assert.Single(objects).Namespace);
        }

        [Fact]
        public void RulesCompareTheDefaultedNamespace()
        {
            const string yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ads
                spec:
                  selector: {app: ads}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ads
                  namespace: default
                spec:
                  selector: {matchLabels: {app: ads}}
                  template: {metadata: {labels: {app: ads}}}
                """;

            Assert.Empty(Lint.Files(new LintOptions(), ("a.yaml", yaml)).Only("MT2002"));
            var elsewhere = Assert.Single(Lint.Files(new LintOptions { DefaultNamespace = "staging" }, ("a.yaml", yaml)).Only("MT2002"));
            Assert.Contains("namespace staging", elsewhere.Message);
        }
    }
}
