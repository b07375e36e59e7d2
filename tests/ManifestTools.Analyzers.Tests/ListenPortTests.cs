using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Test = ManifestTools.Analyzers.Tests.ManifestToolsAnalyzerTest<ManifestTools.Analyzers.ManifestAnalyzer>;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>
    /// MT3002 on a hand-written service shaped like a real one: the port comes from the Dockerfile, a ConfigMap, the pod's
    /// env, the SDK's container properties or the code, and the Services and probes must send to it.
    /// </summary>
    public class ListenPortTests
    {
        private const string ManifestPath = CartService.ManifestPath;
        private const string DockerfilePath = "/src/Cart/Dockerfile";

        /// <summary>The cartservice Dockerfile: a build stage, then a final stage that sets the port.</summary>
        private const string Dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS builder
            WORKDIR /app
            COPY . .
            RUN dotnet publish -c release -o /cartservice

            FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
            WORKDIR /app
            COPY --from=builder /cartservice .
            ENV DOTNET_EnableDiagnostics=0 \
                ASPNETCORE_HTTP_PORTS=7070
            EXPOSE 7070
            ENTRYPOINT ["/app/cartservice"]

            """;

        private const string NoAddress = """
            using Microsoft.AspNetCore.Builder;
            static class Program
            {
                public static void Main(string[] args) => WebApplication.CreateBuilder(args).Build().Run();
            }
            """;

        private static string Manifests(string targetPort = "7070", string containerPort = "7070", string probePort = "7070", string env = "") => $$"""
            apiVersion: v1
            kind: Service
            metadata:
              name: cart
            spec:
              selector:
                app: cart
              ports:
                - name: grpc
                  port: 7070
                  targetPort: {{targetPort}}
            ---

            """ + CartService.Deployment($$"""
                      ports:
                        - containerPort: {{containerPort}}
                      readinessProbe:
                        tcpSocket:
                          port: {{probePort}}
            {{env}}
            """);

        private static Test Cart(string manifests, string code = NoAddress) => new Test()
            .Property("ManifestServiceName", "cart")
            .Manifest(ManifestPath, manifests)
            .Source(code);

        [Fact]
        public async Task A_wrong_targetPort_is_reported_at_it_with_the_Dockerfile_as_the_source()
        {
            string manifests = Manifests(targetPort: "9999");
            await Cart(manifests).Dockerfile(DockerfilePath, Dockerfile)
                .Expect(Diagnostics.At("MT3002", DiagnosticSeverity.Error, ManifestPath, manifests, "9999")
                    .WithMessage("Service cart sends traffic to targetPort 9999 of Deployment default/cart, but the code listens on port 7070 (Dockerfile ENV ASPNETCORE_HTTP_PORTS); set the targetPort to 7070, or listen on 9999"))
                .RunAsync();
        }

        [Fact]
        public async Task Every_port_moved_away_from_the_Dockerfile_is_one_finding()
        {
            string manifests = Manifests(targetPort: "9999", containerPort: "9999", probePort: "9999");
            await Cart(manifests).Dockerfile(DockerfilePath, Dockerfile)
                .Expect(Diagnostics.At("MT3002", DiagnosticSeverity.Error, ManifestPath, manifests, "9999"))
                .RunAsync();
        }

        [Fact]
        public async Task A_containerPort_that_no_Service_sends_to_is_only_a_warning()
        {
            string manifests = Manifests(containerPort: "7071");
            await Cart(manifests).Dockerfile(DockerfilePath, Dockerfile)
                .Expect(Diagnostics.At("MT3002", DiagnosticSeverity.Warning, ManifestPath, manifests, "7071")
                    .WithMessage("container server of Deployment default/cart declares containerPort 7071, but the code listens on port 7070 (Dockerfile ENV ASPNETCORE_HTTP_PORTS); traffic still flows to the Services' targetPort, since containerPort is informational, but declare containerPort 7070 in /src/Cart/k8s/cart.yaml so that readers and tools see the real port"))
                .RunAsync();
        }

        [Fact]
        public async Task A_probe_on_a_port_nobody_listens_on_is_reported_at_its_port()
        {
            string manifests = Manifests(probePort: "8080");
            await Cart(manifests).Dockerfile(DockerfilePath, Dockerfile)
                .Expect(Diagnostics.At("MT3002", DiagnosticSeverity.Error, ManifestPath, manifests, "8080")
                    .WithMessage("the readinessProbe of container server in Deployment default/cart requests port 8080, but the code listens on port 7070 (Dockerfile ENV ASPNETCORE_HTTP_PORTS), so the pods never become ready; probe port 7070"))
                .RunAsync();
        }

        [Fact]
        public async Task The_pods_env_wins_over_the_images()
        {
            string env = """
                          env:
                            - name: ASPNETCORE_URLS
                              value: http://+:9999
                """;
            await Cart(Manifests(targetPort: "9999", containerPort: "9999", probePort: "9999", env: env)).Dockerfile(DockerfilePath, Dockerfile).RunAsync();
        }

        [Fact]
        public async Task Without_a_known_image_or_address_nothing_is_checked()
        {
            await Cart(Manifests(targetPort: "9999")).RunAsync();
            // The base image is not one whose defaults are known, and no ENV sets an address.
            await Cart(Manifests(targetPort: "9999")).Dockerfile(DockerfilePath, "FROM registry.example/base/dotnet:10\nEXPOSE 7070\n").RunAsync();
        }

        [Fact]
        public async Task A_listen_address_from_a_ConfigMap_is_reported_at_the_ConfigMap_when_the_Service_agrees_with_the_containerPort()
        {
            string manifests = Manifests(targetPort: "80", containerPort: "80", probePort: "80", env: """
                          envFrom:
                            - configMapRef:
                                name: cart-config
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cart-config
                data:
                  ASPNETCORE_URLS: http://0.0.0.0:5000
                """);
            await Cart(manifests)
                .Expect(Diagnostics.At("MT3002", DiagnosticSeverity.Error, ManifestPath, manifests, "http://0.0.0.0:5000")
                    .WithMessage("container server of Deployment default/cart listens on port 5000 (ASPNETCORE_URLS in ConfigMap cart-config), but Service cart sends traffic to targetPort 80 of Deployment default/cart; set ASPNETCORE_URLS to listen on 80"))
                .RunAsync();

            // The address agrees with the containerPort; the Service is the odd one out.
            string wrongTarget = manifests.Replace("0.0.0.0:5000", "0.0.0.0:80").Replace("targetPort: 80", "targetPort: 8080");
            await Cart(wrongTarget)
                .Expect(Diagnostics.At("MT3002", DiagnosticSeverity.Error, ManifestPath, wrongTarget, "8080"))
                .RunAsync();
        }

        [Fact]
        public async Task The_code_sets_the_address_and_is_blamed_where_the_Service_targets_the_declared_port()
        {
            string manifests = Manifests(targetPort: "http", containerPort: "5002", probePort: "http").Replace("- containerPort: 5002", "- containerPort: 5002\n              name: http");
            await Cart(manifests, """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.WebHost.UseUrls({|#0:"http://*:5003"|});
                        builder.Build().Run();
                    }
                }
                """).Dockerfile(DockerfilePath, Dockerfile)
                .Expect(new DiagnosticResult("MT3002", DiagnosticSeverity.Error).WithLocation(0)
                    .WithMessage("the code listens on port 5003, but Service cart sends traffic to targetPort http (containerPort 5002 of container server) of Deployment default/cart; listen on 5002, or set that containerPort to 5003 in /src/Cart/k8s/cart.yaml"))
                .RunAsync();
        }

        [Fact]
        public async Task The_code_listening_where_the_Service_sends_is_silent()
        {
            await Cart(Manifests(targetPort: "9999", containerPort: "9999", probePort: "9999"), """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(9999));
                        builder.Build().Run();
                    }
                }
                """).Dockerfile(DockerfilePath, Dockerfile).RunAsync();
        }

        [Fact]
        public async Task Addresses_the_checks_cannot_know_keep_them_silent()
        {
            string wrong = Manifests(targetPort: "9999");
            // Kestrel's configured endpoints replace the URLs.
            await Cart(wrong).Dockerfile(DockerfilePath, Dockerfile)
                .AppSettings("/src/Cart/appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:9999" } } } }""").RunAsync();
            // An appsettings urls and a port variable: which wins depends on how the host is built.
            await Cart(wrong).Dockerfile(DockerfilePath, Dockerfile).AppSettings("/src/Cart/appsettings.json", """{ "urls": "http://+:9999" }""").RunAsync();
            // The value comes from the cluster.
            await Cart(Manifests(targetPort: "9999", env: """
                          env:
                            - name: ASPNETCORE_HTTP_PORTS
                              valueFrom:
                                configMapKeyRef: { name: ports, key: http }
                """)).Dockerfile(DockerfilePath, Dockerfile).RunAsync();
            // The command line passes an address.
            await Cart(Manifests(targetPort: "9999", env: """
                          args: ["--urls", "http://+:9999"]
                """)).Dockerfile(DockerfilePath, Dockerfile).RunAsync();
        }

        [Fact]
        public async Task An_appsettings_urls_is_the_address_when_nothing_else_sets_one()
        {
            string manifests = Manifests(targetPort: "9999");
            await Cart(manifests).AppSettings("/src/Cart/appsettings.json", """{ "urls": "http://+:7070" }""")
                .Expect(Diagnostics.At("MT3002", DiagnosticSeverity.Error, ManifestPath, manifests, "9999")
                    .WithMessage("Service cart sends traffic to targetPort 9999 of Deployment default/cart, but the code listens on port 7070 (urls in appsettings.json); set the targetPort to 7070, or listen on 9999"))
                .RunAsync();
        }

        [Fact]
        public async Task The_SDKs_container_image_listens_on_its_base_images_port_unless_an_item_sets_another()
        {
            string manifests = Manifests(targetPort: "5002", containerPort: "5002", probePort: "5002");
            await Cart(manifests)
                .Property("_ManifestToolsSdkContainer", "true")
                .Property("_ManifestToolsTargetFramework", "net10.0")
                .Expect(Diagnostics.At("MT3002", DiagnosticSeverity.Error, ManifestPath, manifests, "5002")
                    .WithMessage("Service cart sends traffic to targetPort 5002 of Deployment default/cart, but the code listens on port 8080 (ASPNETCORE_HTTP_PORTS in the SDK's base image mcr.microsoft.com/dotnet/aspnet:10.0); set the targetPort to 8080, or listen on 5002"))
                .RunAsync();

            await Cart(manifests)
                .Property("_ManifestToolsSdkContainer", "true")
                .Property("_ManifestToolsTargetFramework", "net10.0")
                .Property("_ManifestToolsContainerEnvironment", "ASPNETCORE_HTTP_PORTS=5002 DOTNET_gcServer=0%3Bx")
                .RunAsync();

            // A Dockerfile builds the image instead.
            await Cart(manifests)
                .Property("_ManifestToolsSdkContainer", "true")
                .Property("_ManifestToolsTargetFramework", "net10.0")
                .Dockerfile(DockerfilePath, Dockerfile.Replace("7070", "5002"))
                .RunAsync();
        }
    }
}
