using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ManifestTools.Tests.Generation
{
    /// <summary>
    /// Generated objects against the Kubernetes and Istio API schemas (kubernetes-models, generated from the APIs'
    /// OpenAPI definitions): field names and types exactly as the APIs define them.
    /// </summary>
    public class ApiSchemaTests
    {
        public static TheoryData<string> Services => new TheoryData<string> { "advertisements", "discounts", "everything" };

        [Theory]
        [MemberData(nameof(Services))]
        public void Generated_objects_are_valid_API_objects(string service)
        {
            var declaration = service switch
            {
                "advertisements" => Declarations.Advertisements(),
                "discounts" => new Declarations { ServiceName = "discounts", Namespace = "ns2", Repository = "ecommerce/discounts" }
                    .Port("5001").Version("v1", ("ImageTag", "1.0")),
                _ => new Declarations { ServiceName = "checkout", Namespace = "shop", Registry = "", Repository = "checkout", VersionVariable = "DD_VERSION",
                        ReadinessProbePath = "/health/ready", LivenessProbePath = "/healthz?full=1" }
                    .Port("8080").Port("9090", ("Name", "grpc")).Port("5353", ("Type", "udp"))
                    .Version("stable", ("Weight", "75"), ("Replicas", "3"))
                    .Version("canary", ("ImageTag", "2.1.0-rc.1"), ("Weight", "25"), ("Replicas", "0"))
                    .Route("beta", ("Header", "x-beta"), ("Prefix", "yes"), ("Weights", "canary"))
                    .Route("mobile", ("Header", "user-agent"), ("Regex", ".*Mobile.*"), ("Weights", "stable=50;canary=50"))
                    .Environment("FEATURE_FLAGS", ("Value", "a: b, \"c\"\nd"))
                    .Environment("CANARY", ("Value", "true"), ("Versions", "canary")),
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

        [Fact]
        public void The_validator_rejects_a_weight_of_the_wrong_type()
        {
            var path = Path.Combine(Path.GetTempPath(), "mt-schema-" + Guid.NewGuid().ToString("N") + ".yaml");
            File.WriteAllText(path, "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x}\n" +
                "spec: {hosts: [a], http: [{route: [{destination: {host: a}, weight: \"50\"}]}]}\n");
            try
            {
                var (exitCode, output) = Validate(new[] { path });

                Assert.Equal(1, exitCode);
                Assert.Contains("weight must be integer", output);
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
