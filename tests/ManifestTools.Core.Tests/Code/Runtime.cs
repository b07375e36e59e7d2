using System.Collections.Generic;
using System.Linq;
using ManifestTools.Code;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Code
{
    /// <summary>Builds the runtime of service <c>shop</c> from in-memory manifests, as the analyzer does from its additional files.</summary>
    internal static class Runtime
    {
        public const string Service = @"apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector:
    app: shop
  ports:
    - name: http
      port: 80
      targetPort: http
";

        /// <summary>A Deployment of shop; <paramref name="container"/> is the container's fields below its name, indented by 10.</summary>
        public static string Deployment(string name, string container) => $@"apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
spec:
  selector:
    matchLabels:
      app: shop
      version: {name}
  template:
    metadata:
      labels:
        app: shop
        version: {name}
    spec:
      containers:
        - name: shop
          image: shop:1
{container}";

        public const string Port5002 = @"          ports:
            - name: http
              containerPort: 5002
";

        public static ServiceRuntime Of(params string[] yamls) => Build(AppSettings.Empty, new string[0], yamls);

        /// <summary>The code runs in <paramref name="image"/>.</summary>
        public static ServiceRuntime In(ContainerImage image, params string[] yamls) => Build(AppSettings.Empty, new string[0], yamls, image);

        public static ServiceRuntime Generated(params string[] yamls) =>
            Build(AppSettings.Empty, yamls.Select((_, i) => $"m{i}.yaml").ToArray(), yamls);

        public static ServiceRuntime WithSettings(string json, params string[] yamls) =>
            Build(AppSettings.Read(new[] { ("appsettings.json", json) }), new string[0], yamls);

        private static ServiceRuntime Build(AppSettings settings, IEnumerable<string> generated, string[] yamls, ContainerImage? image = null)
        {
            var options = new LintOptions();
            var objects = yamls.SelectMany((y, i) => ManifestParser.ParseText($"m{i}.yaml", y, options).Objects).ToList();
            return ServiceRuntime.Resolve(objects, "shop", options, generated, settings, image ?? ContainerImage.None);
        }
    }
}
