using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// Argo Rollouts: the pods of a canary's experiment steps, of an Experiment's templates, and of a Rollout that
    /// takes its template from a Deployment (<c>workloadRef</c>).
    /// </summary>
    public class ArgoRolloutsTests
    {
        /// <summary>A Rollout of app x whose canary runs an experiment with a baseline and a canary template.</summary>
        private const string RolloutWithExperiment = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: x
            spec:
              replicas: 5
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers: [{name: x, image: example/x, ports: [{name: http, containerPort: 8080}]}]
              strategy:
                canary:
                  steps:
                    - experiment:
                        duration: 10m
                        templates:
                          - name: baseline
                            specRef: stable
                            metadata:
                              labels: {role: baseline}
                            selector:
                              matchLabels: {app: x, role: baseline}
                          - name: canary
                            specRef: canary
                            metadata:
                              labels: {role: canary}
                    - setWeight: 20
                    - pause: {duration: 2m}
            """;

        /// <summary>A Service selecting <paramref name="selector"/>; its "selector:" key is at 6:3.</summary>
        private static string Service(string name, string selector) =>
            $"apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\nspec:\n  selector: {selector}\n  ports: [{{name: http, port: 80, targetPort: http}}]\n";

        // ---- experiment steps -----------------------------------------------------------------------------------

        [Theory]
        [InlineData("{app: x, role: baseline}")]
        [InlineData("{app: x, role: canary}")]
        [InlineData("{role: baseline}")]
        [InlineData("{app: x}")]
        public void AServiceSelectingTheExperimentStepsPods_SelectsPods(string selector)
        {
            var diagnostics = Lint.Files(("rollout.yaml", RolloutWithExperiment), ("svc.yaml", Service("x-experiment", selector)));

            Assert.Empty(diagnostics);
        }

        [Fact]
        public void AServiceSelectingARoleNoTemplateHas_IsStillReported()
        {
            var d = Assert.Single(Lint.Files(("rollout.yaml", RolloutWithExperiment), ("svc.yaml", Service("x-preview", "{app: x, role: preview}"))));

            Assert.Equal(("MT2002", Severity.Warning, "svc.yaml", 6, 3), (d.Id, d.Severity, d.File, d.Span.Line, d.Span.Column));
        }

        [Fact]
        public void WithoutTheExperimentStep_TheRoleLabelIsOnNoPod()
        {
            var plain = RolloutWithExperiment.Substring(0, RolloutWithExperiment.IndexOf("  strategy:", System.StringComparison.Ordinal));

            var d = Assert.Single(Lint.Files(("rollout.yaml", plain), ("svc.yaml", Service("x-experiment", "{app: x, role: baseline}"))));

            Assert.Equal("MT2002", d.Id);
        }

        [Fact]
        public void TheExperimentStepsPods_DoNotOverlapTheRollout()
        {
            // The Rollout's selector (app=x) reaches the experiment's pods: they are not a second controller.
            Assert.Empty(Lint.Yaml(RolloutWithExperiment));
        }

        [Fact]
        public void ASubsetMayRouteToTheExperimentStepsPods()
        {
            const string rule = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: x
                spec:
                  host: x
                  subsets:
                    - name: baseline
                      labels: {role: baseline}
                    - name: preview
                      labels: {role: preview}
                """;

            var d = Assert.Single(Lint.Files(("rollout.yaml", RolloutWithExperiment), ("svc.yaml", Service("x", "{app: x}")), ("dr.yaml", rule)));

            Assert.Equal(("MT1001", "dr.yaml", 11, 7), (d.Id, d.File, d.Span.Line, d.Span.Column));
            Assert.StartsWith("subset preview of DestinationRule default/x", d.Message);
        }

        // ---- Experiment -----------------------------------------------------------------------------------------

        private const string Experiment = """
            apiVersion: argoproj.io/v1alpha1
            kind: Experiment
            metadata:
              name: canary-demo-ab
            spec:
              duration: 20m
              templates:
                - name: purple
                  replicas: 1
                  selector:
                    matchLabels: {app: canary-demo, color: purple}
                  template:
                    metadata:
                      labels: {app: canary-demo, color: purple}
                    spec:
                      containers: [{name: demo, image: argoproj/rollouts-demo:purple}]
                - name: orange
                  replicas: 1
                  selector:
                    matchLabels: {app: canary-demo, color: orange}
                  template:
                    metadata:
                      labels: {app: canary-demo, color: orange}
                    spec:
                      containers: [{name: demo, image: argoproj/rollouts-demo:orange}]
            """;

        [Theory]
        [InlineData("{app: canary-demo, color: orange}")]
        [InlineData("{app: canary-demo, color: purple}")]
        [InlineData("{app: canary-demo}")]
        public void AnExperimentsTemplates_ArePodsAServiceMaySelect(string selector)
        {
            var diagnostics = Lint.Files(("experiment.yaml", Experiment), ("svc.yaml", Service("canary-demo-preview", selector)));

            Assert.Empty(diagnostics);
        }

        [Fact]
        public void AServiceSelectingAColorNoTemplateHas_IsStillReported()
        {
            var d = Assert.Single(Lint.Files(("experiment.yaml", Experiment), ("svc.yaml", Service("canary-demo-preview", "{app: canary-demo, color: green}"))));

            Assert.Equal(("MT2002", "svc.yaml", 6, 3), (d.Id, d.File, d.Span.Line, d.Span.Column));
        }

        [Fact]
        public void AnExperimentIsNotAController_AndNeedsNoSelectorOfItsOwn()
        {
            var deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: canary-demo
                spec:
                  selector:
                    matchLabels: {app: canary-demo, color: blue}
                  template:
                    metadata:
                      labels: {app: canary-demo, color: blue}
                """;

            Assert.Empty(Lint.Files(("experiment.yaml", Experiment), ("deployment.yaml", deployment)));
        }

        // ---- workloadRef ----------------------------------------------------------------------------------------

        private static string Rollout(string selector, string kind = "Deployment", string name = "web") => $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: 5
              selector:
                matchLabels: {{selector}}
              workloadRef:
                apiVersion: apps/v1
                kind: {{kind}}
                name: {{name}}
                scaleDown: progressively
              strategy:
                canary:
                  steps:
                    - setWeight: 20
                    - pause: {duration: 1m}
            """;

        private const string Web = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              replicas: 0
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers: [{name: web, image: example/web, ports: [{name: http, containerPort: 8080}]}]
            """;

        private static readonly string WebService = Service("web", "{app: web}").Replace("  name: web\n", "  name: web\n  namespace: shop\n");

        [Fact]
        public void ARolloutAndTheDeploymentItReferences_AreClean()
        {
            var diagnostics = Lint.Files(("rollout.yaml", Rollout("{app: web}")), ("deployment.yaml", Web), ("svc.yaml", WebService));

            Assert.Empty(diagnostics);
        }

        [Fact]
        public void ARolloutWithWorkloadRef_NeedsNoSelectorRequiredFinding_EvenAlone()
        {
            var diagnostics = Lint.Files(("rollout.yaml", Rollout("{app: web}")));

            Assert.DoesNotContain(diagnostics, d => d.Message.Contains("spec.selector is required"));
            Assert.Empty(diagnostics);
        }

        [Fact]
        public void ARolloutWithWorkloadRef_AndNoSelector_IsNotReportedAsMissingIt()
        {
            var rollout = Rollout("{app: web}").Replace("  selector:\n    matchLabels: {app: web}\n", string.Empty);

            Assert.Empty(Lint.Files(("rollout.yaml", rollout), ("deployment.yaml", Web)).Only("MT0002"));
        }

        [Fact]
        public void ARolloutWithoutWorkloadRefOrSelector_IsStillReportedAsMissingIt()
        {
            var rollout = "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n";

            var d = Assert.Single(Lint.Yaml(rollout).Only("MT0002"));
            Assert.EndsWith("spec.selector is required for argoproj.io/v1alpha1 Rollout", d.Message);
        }

        [Fact]
        public void ARolloutWhoseSelectorMissesTheReferencedTemplate_IsReportedNamingTheDeployment()
        {
            var diagnostics = Lint.Files(("rollout.yaml", Rollout("{app: web, track: stable}")), ("deployment.yaml", Web), ("svc.yaml", WebService));

            var d = Assert.Single(diagnostics);
            Assert.Equal(("MT2001", Severity.Error, "rollout.yaml", 8, 3), (d.Id, d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("Rollout shop/web", d.Subject?.ToString());
            Assert.Equal("the selector of Rollout shop/web does not match its pod template labels: it wants track=stable but the template of Deployment web has no label track", d.Message);
        }

        [Fact]
        public void ARolloutWhoseSelectorValueDiffers_NamesBothValues()
        {
            var d = Assert.Single(Lint.Files(("rollout.yaml", Rollout("{app: webapp}")), ("deployment.yaml", Web)).Only("MT2001"));

            Assert.EndsWith("it wants app=webapp but the template of Deployment web has app=web", d.Message);
        }

        [Theory]
        [InlineData("Deployment", "gone")]
        [InlineData("ReplicaSet", "web")]
        public void ARolloutWhoseReferencedWorkloadIsNotInTheInput_IsNotCheckedAgainstIt(string kind, string name)
        {
            var diagnostics = Lint.Files(("rollout.yaml", Rollout("{app: webapp}", kind, name)), ("deployment.yaml", Web));

            Assert.Empty(diagnostics.Only("MT2001"));
            Assert.Empty(diagnostics.Only("MT2003"));
        }

        [Fact]
        public void AReferencedDeploymentInAnotherNamespace_IsNotTheTemplate()
        {
            var elsewhere = Web.Replace("namespace: shop", "namespace: other");

            Assert.Empty(Lint.Files(("rollout.yaml", Rollout("{app: webapp}")), ("deployment.yaml", elsewhere)).Only("MT2001"));
        }

        [Fact]
        public void AnotherDeploymentWithTheSameSelector_StillOverlaps_BothTheDeploymentAndTheRollout()
        {
            var copy = Web.Replace("name: web\n  namespace", "name: web-copy\n  namespace");

            // The copy is in the Deployment's file, so that the two are not taken for alternatives of each other.
            var findings = Lint.Files(("rollout.yaml", Rollout("{app: web}")), ("deployments.yaml", Mesh.Join(Web, copy))).Only("MT2003");

            Assert.Equal(new[] { ("deployments.yaml", "Deployment shop/web-copy", "Deployment shop/web"), ("rollout.yaml", "Rollout shop/web", "Deployment shop/web-copy") },
                findings.Select(d => (d.File, d.Subject!.ToString(), d.Message.Split("also selects the pods of ")[1].Split(';')[0])).OrderBy(f => f.File));
            Assert.All(findings, d => Assert.Equal(Severity.Error, d.Severity));
        }

        [Fact]
        public void TheRolloutsPods_AreTheReferencedTemplates_ForSubsetsAndServices()
        {
            const string rule = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: web
                  namespace: shop
                spec:
                  host: web
                  subsets:
                    - name: stable
                      labels: {app: web}
                    - name: blue
                      labels: {color: blue}
                """;

            var diagnostics = Lint.Files(("rollout.yaml", Rollout("{app: web}")), ("deployment.yaml", Web), ("svc.yaml", WebService), ("dr.yaml", rule));

            var d = Assert.Single(diagnostics);
            Assert.Equal(("MT1001", "dr.yaml", 12, 7), (d.Id, d.File, d.Span.Line, d.Span.Column));
            Assert.StartsWith("subset blue of DestinationRule shop/web", d.Message);
        }

        [Fact]
        public void TheExperimentStepsOfARolloutWithWorkloadRef_HaveTheReferencedTemplateWithTheirOwnLabels()
        {
            const string rollout = """
                apiVersion: argoproj.io/v1alpha1
                kind: Rollout
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  strategy:
                    canary:
                      steps:
                        - experiment:
                            templates:
                              - name: baseline
                                specRef: stable
                                metadata:
                                  labels: {role: baseline}
                """;
            const string deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 0\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n";
            string Service(string role) => $"apiVersion: v1\nkind: Service\nmetadata:\n  name: web-{role}\nspec:\n  selector: {{app: web, role: {role}}}\n  ports: [{{port: 80}}]\n";

            Assert.Empty(Lint.Files(("rollout.yaml", rollout), ("deployment.yaml", deployment), ("svc.yaml", Service("baseline"))));
            var d = Assert.Single(Lint.Files(("rollout.yaml", rollout), ("deployment.yaml", deployment), ("svc.yaml", Service("canary"))));
            Assert.Equal(("MT2002", "svc.yaml"), (d.Id, d.File));
        }
    }
}
