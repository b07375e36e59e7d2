using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ManifestTools.Tasks.Tests
{
    public class LintAndReportTests
    {
        private const string BrokenCanary = @"apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: shop
spec:
  selector:
    app: reviews
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts: [reviews]
  http:
    - route:
        - destination: {host: reviews}
          weight: 90
        - destination: {host: reviews}
          weight: 20
";

        [Fact]
        public void Findings_are_logged_with_code_file_and_the_whole_span()
        {
            using var project = new TempProject("<Project />");
            var yaml = Path.Combine(project.Directory, "reviews.yaml");
            File.WriteAllText(yaml, BrokenCanary);
            var findings = Path.Combine(project.State, "lint.findings");
            var engine = new MockBuildEngine();

            Assert.True(new LintManifests { BuildEngine = engine, ManifestFiles = new ITaskItem[] { new TaskItem(yaml) }, FindingsFile = findings }.Execute());
            Assert.Empty(engine.Errors); // Linting records; reporting logs.
            Assert.False(new ReportManifestFindings { BuildEngine = engine, FindingsFiles = new ITaskItem[] { new TaskItem(findings) } }.Execute());

            var weights = Assert.Single(engine.Errors, e => e.Code == "MT1002");
            Assert.Equal(yaml, weights.File);
            Assert.Equal(18, weights.LineNumber);
            Assert.Equal(7, weights.ColumnNumber);
            Assert.True(weights.EndColumnNumber > weights.ColumnNumber, $"an end column after the start: {weights.EndLineNumber},{weights.EndColumnNumber}");
            Assert.Equal("MT1002", weights.HelpKeyword);

            var noPods = Assert.Single(engine.Warnings, w => w.Code == "MT2002");
            Assert.Equal(7, noPods.LineNumber);
        }

        [Fact]
        public void Gateway_api_routes_are_linted_at_their_yaml_positions()
        {
            const string route = @"apiVersion: v1
kind: Service
metadata: {name: reviews-v1, namespace: shop}
spec:
  ports: [{name: http, port: 9080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: reviews, namespace: shop}
spec:
  parentRefs: [{group: """", kind: Service, name: reviews-v1, port: 9080}]
  rules:
    - backendRefs:
        - name: reviews-v1
          port: 9080
          weight: 80
        - name: reviews-v2x
          port: 9080
          weight: 30
";
            using var project = new TempProject("<Project />");
            var yaml = Path.Combine(project.Directory, "route.yaml");
            File.WriteAllText(yaml, route);
            var findings = Path.Combine(project.State, "lint.findings");
            var engine = new MockBuildEngine();

            Assert.True(new LintManifests { BuildEngine = engine, ManifestFiles = new ITaskItem[] { new TaskItem(yaml) }, FindingsFile = findings }.Execute());
            Assert.False(new ReportManifestFindings { BuildEngine = engine, FindingsFiles = new ITaskItem[] { new TaskItem(findings) } }.Execute());

            var weights = Assert.Single(engine.Errors, e => e.Code == "MT1104");
            Assert.Equal((yaml, 13, 7), (weights.File, weights.LineNumber, weights.ColumnNumber));
            var backend = Assert.Single(engine.Errors, e => e.Code == "MT1101");
            Assert.Equal((17, 11), (backend.LineNumber, backend.ColumnNumber));
        }

        [Fact]
        public void Reporting_again_replays_the_same_findings()
        {
            using var project = new TempProject("<Project />");
            var yaml = Path.Combine(project.Directory, "reviews.yaml");
            File.WriteAllText(yaml, BrokenCanary);
            var findings = Path.Combine(project.State, "lint.findings");
            Assert.True(new LintManifests { BuildEngine = new MockBuildEngine(), ManifestFiles = new ITaskItem[] { new TaskItem(yaml) }, FindingsFile = findings }.Execute());

            var first = new MockBuildEngine();
            var second = new MockBuildEngine();
            new ReportManifestFindings { BuildEngine = first, FindingsFiles = new ITaskItem[] { new TaskItem(findings) } }.Execute();
            new ReportManifestFindings { BuildEngine = second, FindingsFiles = new ITaskItem[] { new TaskItem(findings) } }.Execute();

            Assert.Equal(first.Errors.ConvertAll(e => (e.Code, e.LineNumber, e.Message)), second.Errors.ConvertAll(e => (e.Code, e.LineNumber, e.Message)));
            Assert.NotEmpty(second.Errors);
        }

        [Fact]
        public void Clean_lints_write_no_findings_file()
        {
            using var project = new TempProject("<Project />");
            var yaml = Path.Combine(project.Directory, "ok.yaml");
            File.WriteAllText(yaml, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
            var findings = Path.Combine(project.State, "lint.findings");
            Directory.CreateDirectory(project.State);
            File.WriteAllText(findings, "stale");

            Assert.True(new LintManifests { BuildEngine = new MockBuildEngine(), ManifestFiles = new ITaskItem[] { new TaskItem(yaml) }, FindingsFile = findings }.Execute());

            Assert.False(File.Exists(findings));
        }

        [Fact]
        public void A_missing_manifest_file_is_reported_at_its_item()
        {
            using var project = new TempProject("<Project>\n  <ItemGroup>\n    <ManifestFile Include=\"k8s/gone.yaml\" />\n  </ItemGroup>\n</Project>\n");
            var findings = Path.Combine(project.State, "lint.findings");
            var engine = new MockBuildEngine();

            new LintManifests { BuildEngine = engine, ManifestFiles = new[] { project.Item("k8s/gone.yaml") }, FindingsFile = findings }.Execute();
            new ReportManifestFindings { BuildEngine = engine, FindingsFiles = new ITaskItem[] { new TaskItem(findings) } }.Execute();

            var error = Assert.Single(engine.Errors);
            Assert.Equal(("MT4010", project.ProjectFile, 3, 5), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
            Assert.Equal("ManifestFile k8s/gone.yaml does not exist", error.Message);
        }
    
        [Fact]
        public void Without_lint_only_missing_manifest_files_are_recorded()
        {
            // Lint=false is the build where the compiler's analyzer lints: the task must not report the lint findings too.
            using var project = new TempProject("<Project>\n  <ItemGroup>\n    <ManifestFile Include=\"k8s/gone.yaml\" />\n  </ItemGroup>\n</Project>\n");
            var yaml = Path.Combine(project.Directory, "reviews.yaml");
            File.WriteAllText(yaml, BrokenCanary);
            var findings = Path.Combine(project.State, "lint.findings");
            var engine = new MockBuildEngine();

            Assert.True(new LintManifests
            {
                BuildEngine = engine, Lint = false, FindingsFile = findings,
                ManifestFiles = new[] { project.Item("k8s/gone.yaml"), new TaskItem(yaml) },
            }.Execute());
            new ReportManifestFindings { BuildEngine = engine, FindingsFiles = new ITaskItem[] { new TaskItem(findings) } }.Execute();

            Assert.Equal("MT4010", Assert.Single(engine.Errors).Code);
            Assert.Empty(engine.Warnings);
        }
    }
}
