using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ManifestTools.Tests.Generation
{
    /// <summary>
    /// Generated objects against the Kubernetes, Istio and Gateway API schemas (kubernetes-models, generated from the
    /// APIs' OpenAPI definitions): field names and types exactly as the APIs define them.
    /// </summary>
    public class ApiSchemaTests
    {
        public static TheoryData<string, string> Services => new TheoryData<string, string>
        {
            { "advertisements", "Istio" }, { "discounts", "Istio" }, { "everything", "Istio" },
            { "advertisements", "GatewayApi" }, { "discounts", "GatewayApi" }, { "everything", "GatewayApi" },
        };

        /// <summary>Every kind of port, route match, weight and environment value the declaration can have.</summary>
        internal static Declarations Everything(string trafficApi) =>
            new Declarations { ServiceName = "checkout", Namespace = "shop", Registry = "", Repository = "checkout", VersionVariable = "DD_VERSION",
                    ReadinessProbePath = "/health/ready", LivenessProbePath = "/healthz?full=1", TrafficApi = trafficApi }
                .Port("8080").Port("9090", ("Name", "grpc")).Port("5353", ("Type", "udp"))
                .Version("stable", ("Weight", "75"), ("Replicas", "3"))
                .Version("canary", ("ImageTag", "2.1.0-rc.1"), ("Weight", "25"), ("Replicas", "0"))
                .Route("beta", ("Header", "x-beta"), ("Prefix", "yes"), ("Weights", "canary"))
                .Route("mobile", ("Header", "user-agent"), ("Regex", ".*Mobile.*"), ("Weights", "stable=50;canary=50"))
                .Route("tenant", ("Header", "x-tenant"), ("Exact", "a.b (c)"), ("Weights", "stable"))
                .Environment("FEATURE_FLAGS", ("Value", "a: b, \"c\"\nd"))
                .Environment("CANARY", ("Value", "true"), ("Versions", "canary"));

        [Theory]
        [MemberData(nameof(Services))]
        public void Generated_objects_are_valid_API_objects(string service, string trafficApi)
        {
            var declaration = service switch
            {
                "advertisements" => Declarations.Advertisements(trafficApi),
                "discounts" => new Declarations { ServiceName = "discounts", Namespace = "ns2", Repository = "ecommerce/discounts", TrafficApi = trafficApi }
                    .Port("5001").Version("v1", ("ImageTag", "1.0")),
                _ => Everything(trafficApi),
            };
            var directory = Path.Combine(Path.GetTempPath(), "mt-schema-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                var files = declaration.Generate().Select(f =>
                {
                    var path = Path.Combine(directory, f.FileName);
                    File.WriteAllText(path, f.Content);
                    return path;
                }).ToList();

                var (exitCode, output) = Validate(files);

                Assert.True(exitCode == 0, output);
                Assert.Contains($"{files.Count} valid, 0 invalid", output);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Theory]
        [InlineData("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x}\n" +
            "spec: {hosts: [a], http: [{route: [{destination: {host: a}, weight: \"50\"}]}]}\n", "weight must be integer")]
        [InlineData("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: x}\n" +
            "spec: {rules: [{matches: [{headers: [{name: a, type: Prefix, value: b}]}], backendRefs: [{name: a, port: 80}]}]}\n",
            "headers/0/type must be equal to one of the allowed values")]
        public void The_validator_rejects_what_the_API_rejects(string yaml, string message)
        {
            var path = Path.Combine(Path.GetTempPath(), "mt-schema-" + Guid.NewGuid().ToString("N") + ".yaml");
            File.WriteAllText(path, yaml);
            try
            {
                var (exitCode, output) = Validate(new[] { path });

                Assert.Equal(1, exitCode);
                Assert.Contains(message, output);
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static (int ExitCode, string Output) Validate(System.Collections.Generic.IEnumerable<string> files)
        {
            var schema = Path.Combine(RepoRoot.Path, "tests", "schema");
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = schema };
            start.ArgumentList.Add("validate.mjs");
            foreach (var file in files)
            {
                start.ArgumentList.Add(file);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
    }
}
