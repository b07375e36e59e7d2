using System.Collections.Generic;
using System.Linq;
using ManifestTools.Code;
using ManifestTools.Loading;
using ManifestTools.Model;

namespace ManifestTools.Tests.Code
{
    /// <summary>The environment of a container as the kubelet builds it: image, then envFrom in order, then env.</summary>
    public class ContainerEnvironmentTests
    {
        private const string Pod = @"apiVersion: apps/v1
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
      containers:
        - name: shop
          image: shop:1
          envFrom:
            - configMapRef: { name: first }
            - configMapRef: { name: second }
              prefix: APP_
            - secretRef: { name: keys }
          env:
            - name: MODE
              value: from-env
            - name: FROM_CLUSTER
              valueFrom:
                fieldRef: { fieldPath: metadata.name }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: first
data:
  MODE: from-first
  APP_LEVEL: from-first
  STORE: from-first
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: second
data:
  LEVEL: from-second
---
apiVersion: v1
kind: Secret
metadata:
  name: keys
data:
  STORE: c2VjcmV0
";

        private static ContainerEnvironment Of(string yaml, ContainerImage image)
        {
            var objects = ManifestParser.ParseText("m.yaml", yaml, new LintOptions()).Objects;
            var data = objects.OfType<ConfigData>().ToDictionary(d => (d.Namespace, d.Kind, d.Name));
            var workload = objects.OfType<Workload>().Single();
            return ContainerEnvironment.Of(workload, workload.Containers[0], image, data);
        }

        [Fact]
        public void Later_sources_replace_earlier_ones()
        {
            var image = ContainerImage.FromDockerfile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV MODE=from-image IMAGE_ONLY=yes\n");
            var environment = Of(Pod, image);

            var values = environment.Variables.ToDictionary(v => v.Key, v => (v.Value.Value, v.Value.Source));
            Assert.Equal(("from-env", "the env of container shop"), values["MODE"]);
            Assert.Equal(("from-second", "ConfigMap second"), values["APP_LEVEL"]);
            Assert.Equal(("secret", "Secret keys"), values["STORE"]);
            Assert.Equal(("yes", "Dockerfile ENV IMAGE_ONLY"), values["IMAGE_ONLY"]);
            Assert.Equal(("8080", "the base image mcr.microsoft.com/dotnet/aspnet:8.0"), values["ASPNETCORE_HTTP_PORTS"]);
            Assert.Null(values["FROM_CLUSTER"].Value);
            Assert.False(environment.MayHoldAny);
        }

        [Fact]
        public void The_position_of_a_ConfigMap_value_is_its_files()
        {
            EnvironmentOf("STORE", out var setting, Of(Pod.Replace("            - secretRef: { name: keys }\n", ""), ContainerImage.None));
            Assert.Equal(("first", 33, 10), (setting.Manifest?.Name, setting.Span.Line, setting.Span.Column));
        }

        [Fact]
        public void An_envFrom_source_that_is_not_in_the_input_may_set_anything() =>
            Assert.True(Of(Pod.Replace("  name: second\n", "  name: other\n"), ContainerImage.None).MayHoldAny);

        private static void EnvironmentOf(string name, out EnvironmentSetting setting, ContainerEnvironment environment) =>
            Assert.True(environment.TryGet(name, out setting));
    }
}
