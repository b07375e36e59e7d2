using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ManifestTools.Tasks.Tests
{
    /// <summary>LintManifests with ConfigFile: the repository's .manifest-tools.yaml configures the build's lint.</summary>
    public class LintManifestsConfigTests
    {
        /// <summary>A Service whose selector matches no pod: MT2002 (a warning) at 7:3.</summary>
        private const string ServiceWithoutPods = "apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  selector:\n    app: reviews\n";

        private static (Finding[] Findings, MockBuildEngine Engine) Lint(TempProject project, string? config, params string[] manifests)
        {
            string configFile = "";
            if (config != null)
            {
                configFile = Path.Combine(project.Directory, ".manifest-tools.yaml");
                File.WriteAllText(configFile, config);
            }

            var findings = Path.Combine(project.State, "lint.findings");
            var engine = new MockBuildEngine();
            var task = new LintManifests
            {
                BuildEngine = engine,
                FindingsFile = findings,
                ConfigFile = configFile,
                ManifestFiles = manifests.Select(m => (ITaskItem)new TaskItem(Path.Combine(project.Directory, m))).ToArray(),
            };

            Assert.True(task.Execute());
            return (Finding.ReadAll(findings).ToArray(), engine);
        }

        private static string Write(TempProject project, string relative, string text)
        {
            var path = Path.Combine(project.Directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        [Fact]
        public void Without_a_config_the_finding_is_recorded()
        {
            using var project = new TempProject("<Project />");
            var yaml = Write(project, "k8s/reviews.yaml", ServiceWithoutPods);

            var (findings, _) = Lint(project, config: null, "k8s/reviews.yaml");

            var finding = Assert.Single(findings);
            Assert.Equal(("MT2002", Severity.Warning, yaml, 7, 3), (finding.Id, finding.Severity, finding.File, finding.Span.Line, finding.Span.Column));
        }

        [Fact]
        public void A_rule_set_to_none_drops_its_finding()
        {
            using var project = new TempProject("<Project />");
            Write(project, "k8s/reviews.yaml", ServiceWithoutPods);

            var (findings, _) = Lint(project, "rules:\n  MT2002: none\n", "k8s/reviews.yaml");

            Assert.Empty(findings);
            Assert.False(File.Exists(Path.Combine(project.State, "lint.findings")));
        }

        [Fact]
        public void A_rule_set_to_error_is_reported_as_an_error()
        {
            using var project = new TempProject("<Project />");
            var yaml = Write(project, "k8s/reviews.yaml", ServiceWithoutPods);

            var (findings, engine) = Lint(project, "rules:\n  MT2002: error\n", "k8s/reviews.yaml");
            new ReportManifestFindings { BuildEngine = engine, FindingsFiles = new ITaskItem[] { new TaskItem(Path.Combine(project.State, "lint.findings")) } }.Execute();

            Assert.Equal(("MT2002", Severity.Error), (Assert.Single(findings).Id, findings[0].Severity));
            var error = Assert.Single(engine.Errors);
            Assert.Equal(("MT2002", yaml, 7, 3), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
            Assert.Empty(engine.Warnings);
        }

        [Fact]
        public void A_malformed_config_is_an_MT0005_finding_at_its_line_and_the_manifests_are_still_linted()
        {
            using var project = new TempProject("<Project />");
            Write(project, "k8s/reviews.yaml", ServiceWithoutPods);

            var (findings, engine) = Lint(project, "defaultNamespace: shop\nrules:\n  MT9999: none\n", "k8s/reviews.yaml");

            var config = Path.Combine(project.Directory, ".manifest-tools.yaml");
            var error = Assert.Single(findings, f => f.Id == "MT0005");
            Assert.Equal((Severity.Error, config, 3, 3), (error.Severity, error.File, error.Span.Line, error.Span.Column));
            Assert.StartsWith("MT9999 is not a rule that can be configured here", error.Message);
            Assert.Single(findings, f => f.Id == "MT2002");

            new ReportManifestFindings { BuildEngine = engine, FindingsFiles = new ITaskItem[] { new TaskItem(Path.Combine(project.State, "lint.findings")) } }.Execute();
            var logged = Assert.Single(engine.Errors);
            Assert.Equal(("MT0005", config, 3, 3), (logged.Code, logged.File, logged.LineNumber, logged.ColumnNumber));
        }

        [Fact]
        public void A_config_with_a_yaml_syntax_error_is_MT0005()
        {
            using var project = new TempProject("<Project />");
            Write(project, "k8s/reviews.yaml", ServiceWithoutPods);

            var (findings, _) = Lint(project, "rules: {MT2002: none\n", "k8s/reviews.yaml");

            var error = Assert.Single(findings, f => f.Id == "MT0005");
            Assert.Equal((Severity.Error, 2, 1), (error.Severity, error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void Ignored_paths_are_not_linted()
        {
            using var project = new TempProject("<Project />");
            Write(project, "k8s/legacy/old.yaml", ServiceWithoutPods.Replace("name: reviews", "name: old"));
            Write(project, "k8s/reviews.generated.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: [unclosed\n");
            var kept = Write(project, "k8s/reviews.yaml", ServiceWithoutPods);

            var (findings, _) = Lint(project, "ignore:\n  - k8s/legacy/**\n  - \"*.generated.yaml\"\n", "k8s/legacy/old.yaml", "k8s/reviews.generated.yaml", "k8s/reviews.yaml");

            var finding = Assert.Single(findings);
            Assert.Equal(("MT2002", kept), (finding.Id, finding.File));
        }

        [Fact]
        public void A_suppression_drops_findings_only_in_its_paths()
        {
            using var project = new TempProject("<Project />");
            Write(project, "k8s/legacy/old.yaml", ServiceWithoutPods.Replace("name: reviews", "name: old"));
            var kept = Write(project, "k8s/reviews.yaml", ServiceWithoutPods);

            var (findings, _) = Lint(project, "suppress:\n  - paths: [k8s/legacy/**]\n    rules: [MT2002]\n", "k8s/legacy/old.yaml", "k8s/reviews.yaml");

            Assert.Equal(kept, Assert.Single(findings).File);
        }

        [Fact]
        public void The_config_default_namespace_applies_and_the_task_property_wins()
        {
            using var project = new TempProject("<Project />");
            // A DestinationRule without namespace, for reviews, whose Service is in shop.
            Write(project, "k8s/reviews.yaml",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  ports: [{port: 80}]\n---\n" +
                "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews\n");
            var configFile = Path.Combine(project.Directory, ".manifest-tools.yaml");
            File.WriteAllText(configFile, "defaultNamespace: shop\n");
            var findingsFile = Path.Combine(project.State, "lint.findings");

            LintManifests Make(string ns) => new LintManifests
            {
                BuildEngine = new MockBuildEngine(), FindingsFile = findingsFile, ConfigFile = configFile, DefaultNamespace = ns,
                ManifestFiles = new ITaskItem[] { new TaskItem(Path.Combine(project.Directory, "k8s/reviews.yaml")) },
            };

            Assert.True(Make("").Execute());
            Assert.Empty(Finding.ReadAll(findingsFile));

            Assert.True(Make("web").Execute());
            Assert.Equal("MT1004", Assert.Single(Finding.ReadAll(findingsFile)).Id);
        }
    }
}
