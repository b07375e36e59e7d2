using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ManifestTools.Configuration;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;
using ManifestTools.Tests.Rules;

namespace ManifestTools.Tests.Loading
{
    /// <summary>What a hostile review of linting real repositories at their root found; each case failed before its fix.</summary>
    public class RepositoryReviewTests
    {
        private static (LintReport Report, LoadResult Loaded) LintFolder(TempDirectory dir, LintOptions? options = null)
        {
            options ??= new LintOptions();
            var loaded = ManifestLoader.Load(new[] { dir.Path }, options);
            return (ManifestLinter.Lint(loaded.Files, options), loaded);
        }

        private static string[] Findings(LintReport report, TempDirectory dir) =>
            report.Diagnostics.Select(d => $"{d.File.Substring(dir.Path.Length + 1)}({d.Span.Line}) {d.Severity.ToString().ToLowerInvariant()} {d.Id}").ToArray();

        private const string NoSelector = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: alertmanager
            spec:
              template:
                metadata:
                  labels: {app: alertmanager}
            """;

        [Fact]
        public void AManifestWithTemplateActionsInABlockScalar_KeepsItsObjectsAndFindings()
        {
            using var dir = new TempDirectory();
            dir.Write("alerting.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: templates
                data:
                  slack.tmpl: |
                    {{ define "slack.title" }}
                    [{{ .Status }}] {{ .CommonLabels.alertname }}
                    {{ end }}
                ---

                """ + NoSelector);

            var (report, _) = LintFolder(dir);

            Assert.Equal(new[] { "alerting.yaml(15) error MT0002" }, Findings(report, dir));
            Assert.Equal(2, report.ObjectCount);
        }

        [Fact]
        public void AJinjaTemplateOutsideAChart_IsPassedOver()
        {
            using var dir = new TempDirectory();
            dir.Write("roles/web/templates/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ app_name }}
                spec:
                {% if replicas is defined %}
                  replicas: {{ replicas }}
                {% endif %}
                """);

            Assert.Empty(LintFolder(dir).Report.Diagnostics);
        }

        [Fact]
        public async Task ALinkInAWalkedFolder_IsNotFollowed_SoAPipeOrADeviceIsNeverOpened()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using var dir = new TempDirectory();
            var fifo = Path.Combine(dir.Path, "pipe");
            Assert.Equal(0, MakeFifo(fifo, Convert.ToInt32("600", 8)));
            File.CreateSymbolicLink(Path.Combine(dir.Path, "p.yaml"), fifo);
            File.CreateSymbolicLink(Path.Combine(dir.Path, "kustomization.yaml"), "/dev/zero");
            File.CreateSymbolicLink(Path.Combine(dir.Path, "dangling.yaml"), Path.Combine(dir.Path, "gone.yaml"));

            var walk = Task.Run(() => LintFolder(dir));

            Assert.True(await Task.WhenAny(walk, Task.Delay(TimeSpan.FromSeconds(30))) == walk, "the walk opened a pipe or read a device");
            var (report, loaded) = await walk;
            Assert.Empty(loaded.IoErrors);
            Assert.Empty(report.Diagnostics);
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
        private static extern int MakeFifo(string path, int mode);

        [Fact]
        public void AConfigurationThatIsALinkToAnEndlessDevice_IsMT0005_NotAnEndlessRead()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using var dir = new TempDirectory();
            var config = Path.Combine(dir.Path, ManifestToolsConfig.FileName);
            File.CreateSymbolicLink(config, "/dev/zero");

            Assert.Null(ManifestToolsConfig.Load(config, out var errors));
            Assert.EndsWith("bytes, far more than any configuration needs", Assert.Single(errors).Message);
        }

        [Fact]
        public void RbacNames_ArePathSegments_SoColonsAreValid()
        {
            const string role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:aggregated-metrics-reader\n";
            const string bad = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: a/b\n";

            Assert.Empty(Lint.Yaml(role));
            Assert.Equal("Role name \"a/b\" is not a path segment name: it may not contain /", Assert.Single(Lint.Yaml(bad)).Message);
        }

        [Fact]
        public void AFullyQualifiedHostInANamespaceTheInputLacks_IsAWarning_EvenWhenAServiceOfItsNameIsElsewhere()
        {
            var redis = Mesh.Service("shop").Replace("name: reviews", "name: redis");
            var rule = Mesh.DestinationRule("redis.cache.svc.cluster.local", "billing");

            var d = Assert.Single(Lint.Files(("svc.yaml", redis), ("dr.yaml", rule)).Only("MT1004"));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("nothing of namespace cache is in the input", d.Message);
        }

        [Fact]
        public void AMistypedNamespace_OfAServiceTheInputHolds_StaysAnError()
        {
            var rule = Mesh.DestinationRule("reviews.prdo.svc.cluster.local", "prod");

            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Backend("prod")), ("dr.yaml", rule)).Only("MT1004"));

            Assert.Equal(Severity.Error, d.Severity);
            Assert.EndsWith("did you mean reviews.prod.svc.cluster.local?", d.Message);
        }

        [Fact]
        public void UnknownHosts_AreWarnings_WhenAChartOrARenamingKustomizationOrAnOperatorMayCreateTheService()
        {
            var route = Mesh.DestinationRule("payments.default.svc.cluster.local");
            foreach (var (name, extra, text) in new[]
            {
                ("chart", "charts/payments/Chart.yaml", "apiVersion: v2\nname: payments\nversion: 1.0.0\n"),
                ("kustomize", "overlays/prod/kustomization.yaml", "resources: [../../base]\nnamePrefix: prod-\n"),
                ("operator", "kafka.yaml", "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: events\n"),
            })
            {
                using var dir = new TempDirectory();
                dir.Write("k8s/mesh.yaml", Mesh.Backend());
                dir.Write("k8s/dr.yaml", route);
                dir.Write(extra, text);

                var d = Assert.Single(LintFolder(dir).Report.Diagnostics, f => f.Id == "MT1004");
                Assert.True(d.Severity == Severity.Warning, name + ": " + d.Message);
            }
        }

        [Fact]
        public void APlaceholderLabelOfAnotherApp_DoesNotSilenceTheNamespace()
        {
            var billing = Mesh.Deployment("v1").Replace("reviews-v1", "billing").Replace("{app: reviews, version: v1}", "{app: billing, version: \"${BILLING_VERSION}\"}");
            var typo = Mesh.DestinationRule().Replace("version: v2", "version: v-2");

            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), Mesh.Service())), ("billing.yaml", billing), ("dr.yaml", typo));

            Assert.Equal("MT1001", Assert.Single(diagnostics).Id);
        }

        [Theory]
        [InlineData("name: $APP_NAME", "namespace: $NAMESPACE")]
        [InlineData("name: \"${APP}\"", "namespace: \"$(NS)\"")]
        public void EnvsubstPlaceholders_AreNotInvalidNames(string name, string ns)
        {
            Assert.Empty(Lint.Yaml($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  {name}\n  {ns}\n"));
        }

        [Fact]
        public void AnAllCapsObjectName_IsReported_ThoughAnAllCapsNamespaceIsAFillIn()
        {
            var d = Assert.Single(Lint.Yaml("apiVersion: v1\nkind: Secret\nmetadata:\n  name: DB_PASSWORD\n  namespace: YOUR_NAMESPACE\n"));

            Assert.StartsWith("Secret name \"DB_PASSWORD\" is not a DNS-1123 subdomain", d.Message);
        }

        [Fact]
        public void DataThatMerelyHasAKindOrAnApiVersion_IsNotAManifest_WhenWalked()
        {
            using var dir = new TempDirectory();
            dir.Write("index.yaml", "apiVersion: v1\nentries:\n  shop: []\ngenerated: \"2024-01-01T00:00:00Z\"\n");
            dir.Write(".drone.yml.example.yaml", "kind: pipeline\ntype: docker\nname: default\n");
            dir.Write("discovery/videos.json", "{\"kind\": \"youtube#videoListResponse\", \"items\": []}\n");
            dir.Write("fixtures/review.yaml", "apiVersion: admission.k8s.io/v1\nkind: AdmissionReview\nrequest: {uid: x}\n");
            dir.Write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Payment_Service\n");
            dir.Write("broken.yaml", "kind: Deployment\nmetadata:\n  name: web\n");

            Assert.Equal(new[] { "broken.yaml(1) error MT0002" }, Findings(LintFolder(dir).Report, dir));
        }

        [Fact]
        public void GeneratorFiles_AreData_AndABrokenKustomization_IsReported()
        {
            using var dir = new TempDirectory();
            dir.Write("base/kustomization.yaml", "resources: [svc.yaml]\nconfigMapGenerator:\n  - name: spark\n    files: [executor=pod-template.yaml]\n");
            dir.Write("base/svc.yaml", Mesh.Service());
            dir.Write("base/pod-template.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: executor, image: spark}]\n");
            dir.Write("broken/kustomization.yaml", "resources: [a.yaml]\nimages:\n  - name: web\n   newTag: v2\n");

            Assert.Equal(new[] { "broken/kustomization.yaml(4) error MT0001" }, Findings(LintFolder(dir).Report, dir).Where(f => !f.Contains("MT2002")).ToArray());
        }

        [Fact]
        public void AChartAtTheRoot_HidesOnlyWhatHelmRenders_AndAChartYamlThatIsNotHelmsHidesNothing()
        {
            using var dir = new TempDirectory();
            dir.Write("Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.1.0\n");
            dir.Write("templates/deployment.yaml", "{{- if .Values.enabled }}\nkind: Deployment\n{{- end }}\n");
            dir.Write("values.yaml", "enabled: true\n");
            dir.Write("k8s/deployment.yaml", Mesh.Deployment("v1").Replace("{app: reviews, version: v1}\n    spec", "{app: reviews, version: v2}\n    spec"));
            dir.Write("monitoring/Chart.yaml", "# dashboards, not a Helm chart\ndashboards: [a]\n");
            dir.Write("monitoring/deploy.yaml", Mesh.Deployment("v3").Replace("labels: {app: reviews, version: v3}", "labels: {app: reviews, version: v9}"));

            var findings = Findings(LintFolder(dir).Report, dir);

            Assert.Equal(new[] { "Chart.yaml(1) info MT0004", "k8s/deployment.yaml(7) error MT2001", "monitoring/deploy.yaml(7) error MT2001" }, findings);
        }

        [Fact]
        public void SubsetsByLabelsThatTheInjectorOrAControllerAdds_AreNotLookedForInTemplates()
        {
            var rule = Mesh.DestinationRule().Replace("labels: {version: v2}", "labels: {version: v2, security.istio.io/tlsMode: istio, service.istio.io/canonical-revision: v2}");

            Assert.Empty(Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Deployment("v1"), Mesh.Deployment("v2"), Mesh.Service())), ("dr.yaml", rule)).Only("MT1001"));
        }

        [Fact]
        public void AnExperimentTemplateWhoseSelectorMissesItsLabels_IsMT2001()
        {
            const string experiment = """
                apiVersion: argoproj.io/v1alpha1
                kind: Experiment
                metadata:
                  name: colors
                spec:
                  templates:
                    - name: purple
                      selector:
                        matchLabels: {color: purple}
                      template:
                        metadata:
                          labels: {color: purpel}
                """;

            var d = Assert.Single(Lint.Yaml(experiment).Only("MT2001"));

            Assert.Equal(8, d.Span.Line);
            Assert.Equal("the selector of an experiment template of Experiment default/colors does not match its pod template labels: " +
                         "it wants color=purple but the experiment template has color=purpel", d.Message);
        }

        [Fact]
        public void ABrokenFlowStyleManifest_IsReported_WhenWalked()
        {
            using var dir = new TempDirectory();
            dir.Write("cm.yaml", "{apiVersion: v1, kind: ConfigMap, metadata: {name: c}\n");

            Assert.Equal(new[] { "cm.yaml(2) error MT0001" }, Findings(LintFolder(dir).Report, dir));
        }

        [Fact]
        public void AConfiguration_DoesNotConfigureFilesBesideItsFolder()
        {
            using var dir = new TempDirectory();
            var config = ManifestToolsConfig.Parse(Path.Combine(dir.Path, "k8s", ManifestToolsConfig.FileName), "rules: {MT2002: none}\nignore: [./legacy]\n", out var errors);
            Assert.Empty(errors);

            Assert.Null(config!.SeverityOf("MT2002", Severity.Warning, Path.Combine(dir.Path, "k8s", "svc.yaml")));
            Assert.Equal(Severity.Warning, config.SeverityOf("MT2002", Severity.Warning, Path.Combine(dir.Path, "other", "svc.yaml")));
            Assert.True(config.IsIgnored(Path.Combine(dir.Path, "k8s", "legacy", "a.yaml")));
            Assert.False(config.IsIgnored(Path.Combine(dir.Path, "k8s", "apps", "legacy", "a.yaml")));
        }

        [Theory]
        [InlineData("ignore: [\"!keep.yaml\"]\n", 1, 10)]
        [InlineData("ignore: [\"[ab].yaml\"]\n", 1, 10)]
        [InlineData("clusterDomain: \"cluster local\"\n", 1, 16)]
        public void UnsupportedPatternsAndInvalidDomains_AreMT0005(string text, int line, int column)
        {
            ManifestToolsConfig.Parse("c.yaml", text, out var errors);

            var d = Assert.Single(errors);
            Assert.Equal(("MT0005", line, column), (d.Id, d.Span.Line, d.Span.Column));
        }
    }
}
