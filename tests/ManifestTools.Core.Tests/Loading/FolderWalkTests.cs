using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Loading
{
    /// <summary>
    /// Walking a folder as a repository is laid out: what is not a manifest is passed over in silence, while a file
    /// named explicitly is always linted and reported.
    /// </summary>
    public class FolderWalkTests
    {
        private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n";

        /// <summary>A strategic-merge patch: a Deployment without selector or template, valid only as a patch.</summary>
        private const string PartialDeployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: guestbook-ui\nspec:\n  replicas: 2\n";

        private static string[] RelativePaths(LoadResult result, TempDirectory dir) =>
            result.Files.Select(f => f.Path.Substring(dir.Path.Length + 1)).ToArray();

        private static ManifestDiagnostic[] Findings(LoadResult result) => result.Files.SelectMany(f => f.Diagnostics).ToArray();

        private static LoadResult Walk(TempDirectory dir) => ManifestLoader.Load(new[] { dir.Path }, new LintOptions());

        // ---- documents that are not objects --------------------------------------------------------------------------

        [Fact]
        public void YamlAndJsonThatAreNotManifests_ArePassedOverInSilence()
        {
            using var dir = new TempDirectory();
            dir.Write("app.yaml", ConfigMap);
            dir.Write("chart-values/values.yaml", "replicaCount: 2\nimage:\n  repository: example/shop\n  tag: \"1.4.2\"\n");
            dir.Write("package.json", "{\n  \"name\": \"shop\",\n  \"version\": \"1.0.0\",\n  \"scripts\": {\"build\": \"tsc\"}\n}\n");
            dir.Write("data/products.json", "[\n  {\"id\": 1, \"name\": \"mug\"},\n  {\"id\": 2, \"name\": \"shirt\"}\n]\n");
            dir.Write("ci/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n");
            dir.Write("scalar.yaml", "just a string\n");

            var result = Walk(dir);

            Assert.Empty(result.IoErrors);
            Assert.Empty(Findings(result));
            Assert.Equal("app", Assert.Single(result.Files.SelectMany(f => f.Objects)).Name);
        }

        [Fact]
        public void AFileWithoutApiVersionAndKind_NamedExplicitly_IsReported()
        {
            using var dir = new TempDirectory();
            var values = dir.Write("values.yaml", "replicaCount: 2\nimage:\n  repository: example/shop\n");

            var d = Assert.Single(Findings(ManifestLoader.Load(new[] { values }, new LintOptions())));

            Assert.Equal(("MT0002", Severity.Error, 1, 1), (d.Id, d.Severity, d.Span.Line, d.Span.Column));
            Assert.EndsWith("apiVersion and kind are missing", d.Message);
        }

        [Fact]
        public void AJsonArrayNamedExplicitly_IsReportedAsNotAnObject()
        {
            using var dir = new TempDirectory();
            var products = dir.Write("products.json", "[{\"id\": 1}]\n");

            var d = Assert.Single(Findings(ManifestLoader.Load(new[] { products }, new LintOptions())));

            Assert.Equal("MT0002", d.Id);
            Assert.Contains("is not a Kubernetes object: expected a mapping with apiVersion and kind", d.Message);
        }

        [Theory]
        [InlineData("apiVersion: v1\nmetadata:\n  name: app\n", "kind is missing")]
        [InlineData("kind: ConfigMap\nmetadata:\n  name: app\n", "apiVersion is missing")]
        public void AWalkedDocumentWithOnlyOneOfApiVersionAndKind_KeepsMT0002(string yaml, string missing)
        {
            using var dir = new TempDirectory();
            dir.Write("broken.yaml", yaml);

            var d = Assert.Single(Findings(Walk(dir)));

            Assert.Equal(("MT0002", 1, 1), (d.Id, d.Span.Line, d.Span.Column));
            Assert.EndsWith("document is not a Kubernetes object: " + missing, d.Message);
        }

        [Fact]
        public void AWalkedFileMixingAnObjectAndOtherYaml_KeepsTheObjectAndPassesOverTheRest()
        {
            using var dir = new TempDirectory();
            dir.Write("mixed.yaml", ConfigMap + "---\nsettings:\n  debug: true\n");

            var result = Walk(dir);

            Assert.Empty(Findings(result));
            Assert.Equal("app", Assert.Single(result.Files.SelectMany(f => f.Objects)).Name);
        }

        [Fact]
        public void AWalkedFileThatIsNotYamlAndDeclaresNoKind_GivesNothing()
        {
            using var dir = new TempDirectory();
            dir.Write("tsconfig.json", "{\n  // Compiles scripts/ to dist/.\n  \"compilerOptions\": {\n    /* Modules */\n    \"module\": \"NodeNext\", // comment\n    \"strict\": true,\n  },\n  \"include\": [\"scripts/**/*.ts\"]\n}\n");
            dir.Write("broken.yaml", "key: [unclosed\nother: {\n");

            Assert.Empty(Findings(Walk(dir)));
        }

        [Fact]
        public void TheSameNonYamlFile_NamedExplicitly_IsASyntaxError()
        {
            using var dir = new TempDirectory();
            var broken = dir.Write("broken.yaml", "key: [unclosed\nother: {\n");

            Assert.Equal("MT0001", Assert.Single(Findings(ManifestLoader.Load(new[] { broken }, new LintOptions()))).Id);
        }

        [Theory]
        [InlineData("kind: Deployment\nmetadata: {name: [unclosed\n")]
        [InlineData("apiVersion: apps/v1\nspec: {\n")]
        [InlineData("{\"kind\": \"Service\", \"metadata\": {\"name\": \"a\",, }}\n")]
        public void AWalkedFileThatIsNotYamlButDeclaresAKind_IsASyntaxError(string text)
        {
            using var dir = new TempDirectory();
            dir.Write("broken.yaml", text);

            var d = Assert.Single(Findings(Walk(dir)));

            Assert.Equal(("MT0001", Severity.Error), (d.Id, d.Severity));
        }

        // ---- Helm charts ------------------------------------------------------------------------------------------

        [Fact]
        public void AHelmChartIsNotParsed_AndGivesOneInfoAtChartYaml()
        {
            using var dir = new TempDirectory();
            dir.Write("app.yaml", ConfigMap);
            dir.Write("charts/shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.3.1\n");
            dir.Write("charts/shop/values.yaml", "replicaCount: 2\n");
            dir.Write("charts/shop/templates/deployment.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"shop.fullname\" . }}\nspec:\n  {{- if not .Values.autoscaling }}\n  replicas: {{ .Values.replicaCount }}\n  {{- end }}\n");
            dir.Write("charts/shop/templates/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n    {{- include \"shop.labels\" . | nindent 4 }}\n");
            dir.Write("charts/shop/charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.1.0\n");

            var result = Walk(dir);

            var folder = Path.Combine(dir.Path, "charts", "shop").Replace('\\', '/');
            var d = Assert.Single(Findings(result));
            Assert.Equal(("MT0004", Severity.Info, folder + "/Chart.yaml", 1, 1), (d.Id, d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Contains($"helm template {folder} | manifest-tools lint -", d.Message);
            Assert.StartsWith($"folder {folder} is a Helm chart", d.Message);
            Assert.Equal(new[] { "app.yaml", "charts/shop/Chart.yaml" }, RelativePaths(result, dir));
            Assert.Equal("app", Assert.Single(result.Files.SelectMany(f => f.Objects)).Name);
        }

        [Fact]
        public void WalkingTheChartFolderItself_GivesTheSameSingleInfo()
        {
            using var dir = new TempDirectory();
            dir.Write("Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.3.1\n");
            dir.Write("templates/deployment.yaml", "kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  {{- if .Values.x }}\n");

            var d = Assert.Single(Findings(Walk(dir)));

            Assert.Equal(("MT0004", Severity.Info, 1, 1), (d.Id, d.Severity, d.Span.Line, d.Span.Column));
            Assert.Contains("| manifest-tools lint -", d.Message);
        }

        [Fact]
        public void LintPaths_OnAFolderWithAChart_ReportsOnlyTheInfo()
        {
            using var dir = new TempDirectory();
            dir.Write("charts/shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.3.1\n");
            dir.Write("charts/shop/templates/deployment.yaml", "kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  {{- if .Values.x }}\n");

            var (report, ioErrors) = ManifestLinter.LintPaths(new[] { dir.Path }, new LintOptions());

            Assert.Empty(ioErrors);
            Assert.Equal("MT0004", Assert.Single(report.Diagnostics).Id);
        }

        // ---- kustomize ------------------------------------------------------------------------------------------

        private static TempDirectory Overlay()
        {
            var dir = new TempDirectory();
            dir.Write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - deployment.yaml
                  - ../base/service.yaml
                patches:
                  - path: replica-count.yaml
                patchesStrategicMerge:
                  - debug-env.yaml
                patchesJson6902:
                  - target: {group: apps, version: v1, kind: Deployment, name: guestbook-ui}
                    path: image-tag.yaml
                """);
            dir.Write("overlay/replica-count.yaml", PartialDeployment);
            dir.Write("overlay/debug-env.yaml", PartialDeployment.Replace("  replicas: 2\n", "  template:\n    spec:\n      containers: [{name: ui, env: [{name: DEBUG, value: \"1\"}]}]\n"));
            dir.Write("overlay/image-tag.yaml", "- op: replace\n  path: /spec/template/spec/containers/0/image\n  value: example/ui:rc1\n");
            // A resource, with a defect of its own: its selector does not match its template.
            dir.Write("overlay/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: guestbook-ui
                spec:
                  selector:
                    matchLabels: {app: guestbook-ui}
                  template:
                    metadata:
                      labels: {app: guestbook}
                """);
            dir.Write("base/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: guestbook-ui\nspec:\n  selector: {app: guestbook}\n  ports: [{port: 80}]\n");
            return dir;
        }

        [Fact]
        public void PatchesAKustomizationLists_AreNotObjects_WhileItsResourcesAreLinted()
        {
            using var dir = Overlay();

            var (report, ioErrors) = ManifestLinter.LintPaths(new[] { dir.Path }, new LintOptions());

            Assert.Empty(ioErrors);
            Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("spec.selector is required"));
            var d = Assert.Single(report.Diagnostics);
            Assert.Equal(("MT2001", "overlay/deployment.yaml", 6, 3), (d.Id, d.File.Substring(dir.Path.Length + 1), d.Span.Line, d.Span.Column));
            Assert.Equal((2, 2), (report.FileCount, report.ObjectCount)); // deployment.yaml, service.yaml: the kustomization holds no manifest
        }

        [Fact]
        public void PatchFilesAreLeftOutOfTheWalk()
        {
            using var dir = Overlay();

            var paths = RelativePaths(Walk(dir), dir);

            Assert.Equal(new[] { "base/service.yaml", "overlay/deployment.yaml", "overlay/kustomization.yaml" }, paths);
        }

        [Fact]
        public void APatchFileNamedExplicitly_IsLinted()
        {
            using var dir = Overlay();
            var patch = Path.Combine(dir.Path, "overlay", "replica-count.yaml");

            var alone = Assert.Single(Findings(ManifestLoader.Load(new[] { patch }, new LintOptions())));
            var withTheFolder = Findings(ManifestLoader.Load(new[] { dir.Path, patch }, new LintOptions()));

            Assert.Equal("MT0002", alone.Id);
            Assert.Equal("Deployment default/guestbook-ui: spec.selector is required for apps/v1 Deployment", alone.Message);
            Assert.Equal((5, 1), (alone.Span.Line, alone.Span.Column));
            Assert.Contains(withTheFolder, d => d.Id == "MT0002" && d.Message.EndsWith("spec.selector is required for apps/v1 Deployment"));
        }

        [Fact]
        public void AJson6902PatchNamedExplicitly_IsReportedAsNotAnObject()
        {
            using var dir = Overlay();

            var d = Assert.Single(Findings(ManifestLoader.Load(new[] { Path.Combine(dir.Path, "overlay", "image-tag.yaml") }, new LintOptions())));

            Assert.Equal("MT0002", d.Id);
            Assert.Contains("expected a mapping with apiVersion and kind", d.Message);
        }

        [Fact]
        public void WithoutTheKustomization_APartialDeploymentIsReported()
        {
            using var dir = new TempDirectory();
            dir.Write("replica-count.yaml", PartialDeployment);

            var d = Assert.Single(Findings(Walk(dir)));

            Assert.Equal(("MT0002", "Deployment default/guestbook-ui: spec.selector is required for apps/v1 Deployment"), (d.Id, d.Message));
        }

        // ---- skipped folders and files -----------------------------------------------------------------------------

        [Fact]
        public void BuildFoldersNodeModulesAndHiddenEntries_AreSkipped()
        {
            const string broken = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: [unclosed\n";
            using var dir = new TempDirectory();
            dir.Write("app.yaml", ConfigMap);
            dir.Write("bin/Release/net8.0/k8s/shop.yaml", broken);
            dir.Write("obj/Debug/net8.0/api.openapi.yaml", broken);
            dir.Write("node_modules/some-pkg/package.json", "{\"kind\": \"broken\",,}");
            dir.Write("src/Shop/bin/Debug/app.yaml", broken);
            dir.Write("src/Shop/obj/app.yaml", broken);
            dir.Write(".hidden.yaml", broken);
            dir.Write("k8s/.draft.yaml", broken);
            dir.Write(".config/tools.yaml", broken);
            dir.Write("k8s/.cache/x.yaml", broken);
            dir.Write("k8s/binaries/app.yaml", ConfigMap.Replace("name: app", "name: binaries"));

            var result = Walk(dir);

            Assert.Equal(new[] { "app.yaml", "k8s/binaries/app.yaml" }, RelativePaths(result, dir));
            Assert.Empty(Findings(result));
        }

        [Fact]
        public void AFileInASkippedFolder_NamedExplicitly_IsLinted()
        {
            using var dir = new TempDirectory();
            var file = dir.Write("bin/k8s/shop.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: [unclosed\n");

            Assert.Equal("MT0001", Assert.Single(Findings(ManifestLoader.Load(new[] { file }, new LintOptions()))).Id);
        }
    }
}
