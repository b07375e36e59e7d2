using System.Linq;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Loading
{
    /// <summary>Files that look like objects but are a tool's input (istioctl, kind, kubectl, kustomize): not objects.</summary>
    public class ToolConfigurationTests
    {
        private const string IstioOperator = """
            apiVersion: install.istio.io/v1alpha1
            kind: IstioOperator
            spec:
              profile: demo
              meshConfig:
                accessLogFile: /dev/stdout
              components:
                ingressGateways:
                  - name: istio-ingressgateway
                    enabled: true
            """;

        private const string KindCluster = """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            name: mesh
            nodes:
              - role: control-plane
                extraPortMappings:
                  - containerPort: 30080
                    hostPort: 80
              - role: worker
            """;

        private const string Kubeconfig = """
            apiVersion: v1
            kind: Config
            current-context: kind-mesh
            clusters:
              - name: kind-mesh
                cluster: {server: "https://127.0.0.1:6443"}
            contexts:
              - name: kind-mesh
                context: {cluster: kind-mesh, user: kind-mesh}
            users:
              - name: kind-mesh
                user: {token: not-a-secret}
            """;

        private const string KustomizeComponent = """
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            patches:
              - path: add-sidecar.yaml
            """;

        [Theory]
        [InlineData(IstioOperator)]
        [InlineData(KindCluster)]
        [InlineData(Kubeconfig)]
        [InlineData(KustomizeComponent)]
        public void AToolConfiguration_GivesNoFinding_AndNoObject(string yaml)
        {
            var parsed = ManifestParser.ParseText("tool.yaml", yaml, new LintOptions());

            Assert.Empty(parsed.Diagnostics);
            Assert.Empty(parsed.Objects);
            Assert.Empty(Lint.Yaml(yaml));
        }

        [Fact]
        public void AllFourTogether_WithAMeshBeside_GiveNoFinding()
        {
            var diagnostics = Lint.Files(
                ("install/istio-operator.yaml", IstioOperator), ("install/kind-cluster.yaml", KindCluster),
                ("kubeconfig.yaml", Kubeconfig), ("components/sidecar/comp.yaml", KustomizeComponent),
                ("mesh.yaml", Rules.Mesh.Canary()));

            Assert.Empty(diagnostics);
        }

        [Fact]
        public void AnIstioOperatorInAWalkedFolder_GivesNoFinding()
        {
            using var dir = new TempDirectory();
            dir.Write("install/istio-operator.yaml", IstioOperator);
            dir.Write("install/kind-cluster.yaml", KindCluster);

            var (report, ioErrors) = ManifestLinter.LintPaths(new[] { dir.Path }, new LintOptions());

            Assert.Empty(ioErrors);
            Assert.Empty(report.Diagnostics);
            Assert.Equal((0, 0), (report.FileCount, report.ObjectCount)); // neither file holds a manifest
        }

        [Theory]
        [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n")]
        [InlineData("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {}\nspec: {}\n")]
        [InlineData("apiVersion: install.istio.io.example.com/v1\nkind: Thing\nmetadata: {}\n")]
        public void ARealObjectWithoutAName_IsStillReported(string yaml)
        {
            var d = Assert.Single(Lint.Yaml(yaml));

            Assert.Equal("MT0002", d.Id);
            Assert.Contains("metadata.name", d.Message);
        }

        [Fact]
        public void AKindClusterFromAnotherGroup_IsAnObject()
        {
            // Cluster API's Cluster is applied to a management cluster: it is an object, and it is read as one.
            var parsed = ManifestParser.ParseText("cluster.yaml", "apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nmetadata:\n  name: workload\n", new LintOptions());

            Assert.Empty(parsed.Diagnostics);
            Assert.Equal("workload", Assert.Single(parsed.Objects).Name);
        }
    }
}
