using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace ManifestTools.Benchmarks
{
    /// <summary>
    /// A synthetic, valid canary mesh shaped like samples/manifests/ecommerce: per service a v1 and a v2
    /// Deployment, a Service, a DestinationRule with both subsets and a VirtualService that sends a header
    /// route 50/50 and everything else 90/10. One file per service, spread over 10 namespaces.
    /// Shared by the benchmark and the CLI tests (linked into ManifestTools.Cli.Tests), so both lint the same input.
    /// </summary>
    public static class SyntheticMesh
    {
        public const int ObjectsPerService = 5;
        public const int Namespaces = 10;

        /// <summary>Writes <paramref name="services"/> files into <paramref name="directory"/> (ns0/ … ns9/); returns the bytes written.</summary>
        public static long Write(string directory, int services)
        {
            if (services < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(services), "at least one service");
            }

            long bytes = 0;
            for (int ns = 0; ns < Math.Min(services, Namespaces); ns++)
            {
                Directory.CreateDirectory(Path.Combine(directory, NamespaceOf(ns)));
            }

            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            for (int i = 0; i < services; i++)
            {
                var text = ServiceFile(i);
                File.WriteAllText(Path.Combine(directory, NamespaceOf(i), ServiceName(i) + ".yaml"), text, utf8);
                bytes += utf8.GetByteCount(text);
            }

            return bytes;
        }

        /// <summary>Services needed for about <paramref name="objects"/> objects (rounded up).</summary>
        public static int ServicesFor(int objects) => Math.Max(1, (objects + ObjectsPerService - 1) / ObjectsPerService);

        public static string ServiceName(int index) => "svc-" + index.ToString("D5", CultureInfo.InvariantCulture);

        public static string NamespaceOf(int index) => "ns" + (index % Namespaces).ToString(CultureInfo.InvariantCulture);

        /// <summary>The five documents of service <paramref name="index"/>, LF line endings.</summary>
        public static string ServiceFile(int index)
        {
            var name = ServiceName(index);
            var ns = NamespaceOf(index);
            int port = 8000 + index % 1000;
            var sb = new StringBuilder(2048);
            Deployment(sb, name, ns, "v1", port);
            sb.Append("---\n");
            Deployment(sb, name, ns, "v2", port);
            sb.Append("---\n");
            sb.Append("apiVersion: v1\nkind: Service\nmetadata:\n  name: ").Append(name).Append("\n  namespace: ").Append(ns)
                .Append("\nspec:\n  selector:\n    app: ").Append(name)
                .Append("\n  ports:\n    - name: http\n      port: ").Append(port).Append("\n      targetPort: ").Append(port).Append('\n');
            sb.Append("---\n");
            sb.Append("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ").Append(name)
                .Append("\n  namespace: ").Append(ns).Append("\nspec:\n  host: ").Append(name)
                .Append("\n  subsets:\n    - name: v1\n      labels:\n        version: v1\n    - name: v2\n      labels:\n        version: v2\n");
            sb.Append("---\n");
            sb.Append("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ").Append(name)
                .Append("\n  namespace: ").Append(ns).Append("\nspec:\n  hosts:\n    - ").Append(name)
                .Append("\n  http:\n    - name: canary\n      match:\n        - headers:\n            x-canary:\n              exact: always\n      route:\n");
            Destination(sb, name, "v1", 50);
            Destination(sb, name, "v2", 50);
            sb.Append("    - name: default\n      route:\n");
            Destination(sb, name, "v1", 90);
            Destination(sb, name, "v2", 10);
            return sb.ToString();
        }

        private static void Deployment(StringBuilder sb, string name, string ns, string version, int port)
        {
            sb.Append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").Append(name).Append('-').Append(version)
                .Append("\n  namespace: ").Append(ns)
                .Append("\nspec:\n  selector:\n    matchLabels:\n      app: ").Append(name).Append("\n      version: ").Append(version)
                .Append("\n  template:\n    metadata:\n      labels:\n        app: ").Append(name).Append("\n        version: ").Append(version)
                .Append("\n    spec:\n      containers:\n        - name: app\n          image: mesh/").Append(name).Append(':').Append(version == "v1" ? "1.0" : "2.0")
                .Append("\n          ports:\n            - containerPort: ").Append(port).Append('\n');
        }

        private static void Destination(StringBuilder sb, string host, string subset, int weight) =>
            sb.Append("        - destination:\n            host: ").Append(host).Append("\n            subset: ").Append(subset)
                .Append("\n          weight: ").Append(weight).Append('\n');
    }
}
