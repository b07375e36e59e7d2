using System.Linq;
using ManifestTools.Loading;
using ManifestTools.Model;

namespace ManifestTools.Tests.Loading
{
    public class ContainerTests
    {
        private const string Deployment = @"apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  selector:
    matchLabels: { app: shop }
  template:
    metadata:
      labels: { app: shop }
    spec:
      initContainers:
        - name: migrate
          env: [ { name: INIT_ONLY, value: x } ]
      containers:
        - name: shop
          ports:
            - name: http
              containerPort: 5002
            - containerPort: 9000
              protocol: UDP
          env:
            - name: A
              value: ""1""
            - name: SECRET
              valueFrom: { secretKeyRef: { name: s, key: k } }
            - name: EMPTY
          envFrom:
            - prefix: P_
              configMapRef: { name: settings }
          readinessProbe:
            httpGet: { path: /healthz, port: http }
          livenessProbe:
            httpGet: { port: 5002 }
          startupProbe:
            tcpSocket: { port: 5002 }
";

        private static Container Read(string yaml)
        {
            var file = ManifestParser.ParseText("d.yaml", yaml, new LintOptions());
            Assert.Empty(file.Diagnostics);
            return Assert.Single(((Workload)file.Objects.Single()).Containers);
        }

        [Fact]
        public void Reads_the_containers_and_not_the_init_containers()
        {
            var container = Read(Deployment);
            Assert.Equal("shop", container.Name);
            Assert.Equal(new[] { ("A", "1"), ("SECRET", null), ("EMPTY", "") }, container.Environment.Select(e => (e.Name, e.Value)));
            Assert.Equal(("ConfigMap", "settings", "P_"), container.EnvironmentSources.Select(s => (s.Kind, s.Name, s.Prefix)).Single());
        }

        [Fact]
        public void Reads_ports_and_probes_with_positions()
        {
            var container = Read(Deployment);
            Assert.Equal(new[] { ("http", 5002, "TCP"), (null, 9000, "UDP") }, container.Ports.Select(p => (p.Name, p.Number, p.Protocol)));
            Assert.Equal((19, 30), (container.Ports[0].Span.Line, container.Ports[0].Span.Column));
            Assert.Equal(new (string, string?, string?, string?)[] { ("readinessProbe", "httpGet", "/healthz", "http"), ("livenessProbe", "httpGet", "/", "5002"), ("startupProbe", "tcpSocket", null, "5002") },
                container.Probes.Select(p => (p.Kind, p.Handler, p.Path, p.Port?.ToString())));
            Assert.Equal((32, 30), (container.Probes[0].PathSpan.Line, container.Probes[0].PathSpan.Column));
        }

        [Fact]
        public void Reads_a_bare_Pod_and_a_Service_targetPort()
        {
            var file = ManifestParser.ParseText("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      ports: [ { containerPort: 80 } ]\n" +
                "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 80\n      targetPort: http\n    - port: 81\n", new LintOptions());
            Assert.Equal(80, ((Workload)file.Objects[0]).Containers.Single().Ports.Single().Number);
            var ports = ((KubeService)file.Objects[1]).Ports;
            Assert.Equal("http", ports[0].TargetPort?.Name);
            Assert.Null(ports[1].TargetPort);
        }

        [Fact]
        public void Reads_the_keys_and_values_of_ConfigMaps_and_Secrets()
        {
            var file = ManifestParser.ParseText("c.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  A: eA==\n  C: not base64\nstringData:\n  B: b\n", new LintOptions());
            var entries = ((ConfigData)file.Objects.Single()).Entries;
            Assert.Equal(new (string, string?)[] { ("A", "x"), ("C", null), ("B", "b") }, entries.Select(e => (e.Key, e.Value)));
            Assert.Equal((6, 6), (entries[0].ValueSpan.Line, entries[0].ValueSpan.Column));

            var configMap = ManifestParser.ParseText("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  URLS: eA==\nbinaryData:\n  B: eA==\n", new LintOptions());
            Assert.Equal(new (string, string?)[] { ("URLS", "eA=="), ("B", null) }, ((ConfigData)configMap.Objects.Single()).Entries.Select(e => (e.Key, e.Value)));
        }

        [Fact]
        public void A_number_as_an_environment_value_is_MT0002_as_the_API_server_rejects_it()
        {
            var file = ManifestParser.ParseText("d.yaml", Deployment.Replace("value: \"1\"", "value: 1"), new LintOptions());
            var diagnostic = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0002", diagnostic.Id);
            Assert.Contains("spec.template.spec.containers[0].env[0].value must be a string", diagnostic.Message);
        }
    }
}
