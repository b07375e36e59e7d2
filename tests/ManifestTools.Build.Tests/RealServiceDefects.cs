using System;
using System.Collections.Generic;
using System.Linq;

namespace ManifestTools.Build.Tests
{
    /// <summary>
    /// The services of tests/corpus/services and the outages planted in copies of them, with the findings the MT3xxx
    /// rules should give for each: the table <see cref="RealServiceTests"/> measures the rules on. Each defect edits one
    /// file of the copy, by exact replacements whose old text occurs once in it. An expected finding names its file
    /// relative to the copy's project folder and a fragment that occurs once in that file as the build sees it (after
    /// the edits); the finding's line is the fragment's.
    /// </summary>
    internal static class RealServiceDefects
    {
        /// <summary>The name of the case that builds a service as committed: every setting set, ports and probes right.</summary>
        public const string Unmodified = "none";

        public static readonly CorpusService Cart = new CorpusService(
            Folder: "cartservice",
            ProjectFile: "cartservice.csproj",
            ManifestGlob: "kubernetes-manifests/**/*.yaml",
            Defects: new[]
            {
                // The Service sends to a port no container listens on: every call to cartservice:7070 is refused.
                new ServiceDefect("wrong-target-port", CartManifest,
                    new[] { new Replacement("    targetPort: 7070\n", "    targetPort: 9999\n") },
                    new[] { new ExpectedFinding("MT3002", "error", CartManifest, "targetPort: 9999") }),

                // The manifest moved to 9999 throughout, but the image still listens on 7070 (the Dockerfile's
                // ASPNETCORE_HTTP_PORTS): refused calls, and probes that kill the pods. One problem, one finding.
                new ServiceDefect("all-ports-moved", CartManifest,
                    new[]
                    {
                        new Replacement("        - containerPort: 7070\n", "        - containerPort: 9999\n"),
                        new Replacement("    targetPort: 7070\n", "    targetPort: 9999\n"),
                        new Replacement(
                            "        readinessProbe:\n          initialDelaySeconds: 15\n          grpc:\n            port: 7070\n",
                            "        readinessProbe:\n          initialDelaySeconds: 15\n          grpc:\n            port: 9999\n"),
                        new Replacement(
                            "          periodSeconds: 10\n          grpc:\n            port: 7070\n",
                            "          periodSeconds: 10\n          grpc:\n            port: 9999\n"),
                    },
                    new[] { new ExpectedFinding("MT3002", "error", CartManifest, "targetPort: 9999") }),

                // An HTTP probe against a gRPC-only server (Kestrel speaks HTTP/2 only, appsettings.json), on a path the
                // code does not map: the pods never become ready.
                new ServiceDefect("http-probe-on-grpc", CartManifest,
                    new[]
                    {
                        new Replacement(
                            "        readinessProbe:\n          initialDelaySeconds: 15\n          grpc:\n            port: 7070\n",
                            "        readinessProbe:\n          initialDelaySeconds: 15\n          httpGet:\n            path: /healthz\n            port: 7070\n"),
                    },
                    new[] { new ExpectedFinding("MT3003", "warning", CartManifest, "path: /healthz") }),

                // The service serves grpc.health.v1.Health, but without a readinessProbe pods get calls before the
                // store is reachable.
                new ServiceDefect("missing-readiness-probe", CartManifest,
                    new[] { new Replacement("        readinessProbe:\n          initialDelaySeconds: 15\n          grpc:\n            port: 7070\n", "") },
                    new[] { new ExpectedFinding("MT3003", "warning", "Startup.cs", "MapGrpcService<HealthCheckService>") }),
            });

        public static readonly CorpusService Payment = new CorpusService(
            Folder: "payment-api",
            ProjectFile: "Payment.API.csproj",
            ManifestGlob: "k8s/**/*.yaml",
            Defects: new[]
            {
                // Serilog's Seq sink gets a null URL (appsettings.json has null, the Development file does not apply in
                // the cluster): the process dies at startup.
                new ServiceDefect("missing-seq-url", PaymentManifest,
                    new[] { new Replacement("  Serilog__SeqServerUrl: http://seq\n", "") },
                    new[] { new ExpectedFinding("MT3001", "warning", "Program.cs", "\"Serilog:SeqServerUrl\"") }),

                // The ConfigMap moves Kestrel to 5000 while the container port, the probes and the Service stay on 80.
                new ServiceDefect("listen-address-from-configmap", PaymentManifest,
                    new[] { new Replacement("  ASPNETCORE_URLS: http://0.0.0.0:80\n", "  ASPNETCORE_URLS: http://0.0.0.0:5000\n") },
                    new[] { new ExpectedFinding("MT3002", "error", PaymentManifest, "ASPNETCORE_URLS: http://0.0.0.0:5000") }),

                // The Service sends to 8080, where nothing listens.
                new ServiceDefect("wrong-target-port", PaymentManifest,
                    new[] { new Replacement("    targetPort: 80\n", "    targetPort: 8080\n") },
                    new[] { new ExpectedFinding("MT3002", "error", PaymentManifest, "targetPort: 8080") }),

                // The readiness probe asks for a path the code does not map: 404, the pods never become ready.
                new ServiceDefect("unmapped-probe-path", PaymentManifest,
                    new[] { new Replacement("            path: /hc\n", "            path: /ready\n") },
                    new[] { new ExpectedFinding("MT3003", "warning", PaymentManifest, "path: /ready") }),

                // /hc checks the event bus, but no probe asks it: pods that cannot reach the broker keep getting work.
                new ServiceDefect("missing-readiness-probe", PaymentManifest,
                    new[]
                    {
                        new Replacement(
                            "        readinessProbe:\n          httpGet:\n            path: /hc\n            port: 80\n          initialDelaySeconds: 10\n          periodSeconds: 15\n",
                            ""),
                    },
                    new[] { new ExpectedFinding("MT3003", "warning", "Program.cs", "\"/hc\"") }),
            });

        public static readonly IReadOnlyList<CorpusService> Services = new[] { Cart, Payment };

        private const string CartManifest = "kubernetes-manifests/cartservice.yaml";
        private const string PaymentManifest = "k8s/payment-api.yaml";

        public static CorpusService Service(string folder) =>
            Services.SingleOrDefault(s => s.Folder == folder) ?? throw new ArgumentException("no corpus service " + folder, nameof(folder));
    }

    /// <summary>A service folder under tests/corpus/services, its project file, and where its hand-written manifests are.</summary>
    internal sealed record CorpusService(string Folder, string ProjectFile, string ManifestGlob, IReadOnlyList<ServiceDefect> Defects)
    {
        /// <summary>The defect of that name; none (null) for <see cref="RealServiceDefects.Unmodified"/>.</summary>
        public ServiceDefect? Defect(string name) => name == RealServiceDefects.Unmodified
            ? null
            : Defects.SingleOrDefault(d => d.Name == name) ?? throw new ArgumentException($"{Folder} has no defect {name}", nameof(name));
    }

    /// <summary>An outage planted in one file (relative to the project folder), and what the build should report for it.</summary>
    internal sealed record ServiceDefect(string Name, string File, IReadOnlyList<Replacement> Replacements, IReadOnlyList<ExpectedFinding> Expected);

    /// <summary>An exact text replacement; <see cref="Old"/> must occur once in the file.</summary>
    internal sealed record Replacement(string Old, string New);

    /// <summary>A finding by rule, severity, file relative to the project folder, and a fragment that occurs once on its line.</summary>
    internal sealed record ExpectedFinding(string Id, string Severity, string File, string Fragment);
}
