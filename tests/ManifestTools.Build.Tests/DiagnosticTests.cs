using System.IO;

namespace ManifestTools.Build.Tests
{
    /// <summary>Broken declarations and manifests fail the build at the line to fix, on every build until fixed.</summary>
    [Collection(PackageCollection.Name)]
    public class DiagnosticTests
    {
        private readonly PackageFixture _package;

        public DiagnosticTests(PackageFixture package) => _package = package;

        [Fact]
        public void WeightsNotTotalling100FailAtTheServiceVersionItemOnEveryBuild()
        {
            var project = ServiceProject.Canary(_package, "weights");
            project.Replace("Weight=\"10\"", "Weight=\"20\"");
            // MT4001 points at the last weighted item, the one a canary step edits.
            var (line, column) = BuildAssert.PositionOf(project.ProjectText, "<ServiceVersion Include=\"v2\"");

            var first = project.Build();
            BuildAssert.Failed(first);
            BuildAssert.HasFinding(first, project.ProjectFile, "error", "MT4001", line, column);
            Assert.Empty(project.ManifestFileNames());

            // Unchanged inputs must not turn a failed build into a passing one.
            var second = project.Build();
            BuildAssert.Failed(second);
            BuildAssert.HasFinding(second, project.ProjectFile, "error", "MT4001", line, column);
        }

        [Fact]
        public void AMissingManifestFileFailsAtItsItem()
        {
            var project = ServiceProject.Canary(_package, "missing-manifest", """<ManifestFile Include="k8s/namespace.yml" />""");
            var (line, column) = BuildAssert.PositionOf(project.ProjectText, "<ManifestFile Include=\"k8s/namespace.yml\"");

            var result = project.Build();

            BuildAssert.Failed(result);
            BuildAssert.HasFinding(result, project.ProjectFile, "error", "MT4010", line, column);
        }

        [Fact]
        public void BrokenManifestFileFailsAtItsYamlLineUnlessLintIsOff()
        {
            var project = ServiceProject.Canary(_package, "broken-manifest", """<ManifestFile Include="k8s/extra.yaml" />""");
            const string yaml = """
                # A second DestinationRule for the canary's host, with a typo in its subset's version label.
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: advertisements-preview
                  namespace: ns3
                spec:
                  host: advertisements
                  subsets:
                    - name: preview
                      labels:
                        version: V2

                """;
            string extra = project.WriteFile(Path.Combine("k8s", "extra.yaml"), yaml);
            // MT1001 points at the subset's labels.
            var (line, column) = BuildAssert.PositionOf(yaml, "labels:");

            var linted = project.Build();
            BuildAssert.Failed(linted);
            BuildAssert.HasFinding(linted, extra, "error", "MT1001", line, column);

            var unlinted = project.Build("-p:ManifestLint=false");
            BuildAssert.SucceededWithoutWarnings(unlinted);
            BuildAssert.NoFinding(unlinted, "MT1001");

            // Turning lint back on must lint again, not replay the empty findings of the unlinted build.
            var relinted = project.Build();
            BuildAssert.Failed(relinted);
            BuildAssert.HasFinding(relinted, extra, "error", "MT1001", line, column);
        }

        [Fact]
        public void HandWrittenFileInTheOutputFolderIsNeverOverwritten()
        {
            var project = ServiceProject.Canary(_package, "hand-written");
            string own = project.WriteFile(Path.Combine("manifests", "advertisements.service.yaml"), """
                # Our own Service, written by hand.
                apiVersion: v1
                kind: Service
                metadata:
                  name: advertisements
                  namespace: ns3
                spec:
                  selector:
                    app: advertisements
                  ports:
                    - port: 5002

                """);
            var before = FileState.Of(own);

            var result = project.Build();
            BuildAssert.Failed(result);
            BuildAssert.HasFinding(result, own, "error", "MT4006", 1, 1);
            Assert.True(FileState.Of(own).SameAs(before), "the build touched the hand-written " + own + ":\n" + result);
        }

        /// <summary>
        /// The task's findings are replayed when its work is up to date. With the analyzer on, a warning is the compiler's,
        /// and, as any compiler warning, shows when the compiler runs; so this is the task's path.
        /// </summary>
        [Fact]
        public void WarningIsReportedAgainOnANoOpBuild()
        {
            var project = ServiceProject.Canary(_package, "warning", """<ManifestFile Include="k8s/legacy.yaml" />""");
            string legacy = project.WriteFile(Path.Combine("k8s", "legacy.yaml"), """
                # A Service left over from before the canary: no pod carries app=legacy (MT2002).
                apiVersion: v1
                kind: Service
                metadata:
                  name: legacy
                  namespace: ns3
                spec:
                  selector:
                    app: legacy
                  ports:
                    - port: 80

                """);

            var first = project.Build("-p:RunAnalyzers=false");
            BuildAssert.Succeeded(first);
            BuildAssert.WarningCount(first, 1);
            BuildAssert.HasFinding(first, legacy, "warning", "MT2002");

            var noOp = project.Build("-p:RunAnalyzers=false", "-v:n");
            BuildAssert.Succeeded(noOp);
            BuildAssert.SkippedTarget(noOp, "_ManifestToolsLintCore");
            BuildAssert.WarningCount(noOp, 1);
            BuildAssert.HasFinding(noOp, legacy, "warning", "MT2002");
        }
    }
}
