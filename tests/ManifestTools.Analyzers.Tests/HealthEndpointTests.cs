using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Test = ManifestTools.Analyzers.Tests.ManifestToolsAnalyzerTest<ManifestTools.Analyzers.ManifestAnalyzer>;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>
    /// MT3003 on the endpoint-routing patterns real services use: a Startup class with UseEndpoints, gRPC services with
    /// gRPC probes, and the eShop pair of /hc and /liveness.
    /// </summary>
    public class HealthEndpointTests
    {
        private const string ManifestPath = CartService.ManifestPath;

        /// <summary>What Grpc.AspNetCore and Grpc.HealthCheck declare, as far as the analyzer looks.</summary>
        private const string GrpcDeclarations = """
            namespace Microsoft.AspNetCore.Builder
            {
                public static class GrpcEndpointRouteBuilderExtensions
                {
                    public static IEndpointConventionBuilder MapGrpcService<TService>(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder builder) where TService : class => null!;
                }
            }
            namespace Grpc.Health.V1
            {
                public static class Health
                {
                    public abstract class HealthBase { }
                }
            }
            """;

        private static string Manifests(string probes) => CartService.Deployment(probes);

        private static string Startup(string endpoints) => $$"""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            class CartService { }
            class HealthCheckService : Grpc.Health.V1.Health.HealthBase { }

            class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddHealthChecks();

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
            {{endpoints}}
                    });
                }
            }
            """;

        private static Test Cart(string code, string manifests) => new Test()
            .Property("ManifestServiceName", "cart")
            .Manifest(ManifestPath, manifests)
            .Source(code)
            .Source(GrpcDeclarations);

        [Fact]
        public async Task Routes_mapped_in_UseEndpoints_are_known()
        {
            string manifests = Manifests("""
                          readinessProbe:
                            httpGet: { path: /health, port: 8080 }
                """);
            await Cart(Startup("""
                            endpoints.MapHealthChecks("/healthz");
                            endpoints.MapGet("/", async context => await context.Response.WriteAsync("gRPC only"));
                """), manifests)
                .Expect(Diagnostics.At("MT3003", DiagnosticSeverity.Warning, ManifestPath, manifests, "/health")
                    .WithMessage("the readinessProbe of container server in Deployment default/cart requests /health, but the code maps only /, /healthz, so the pods never become ready; change the probe's path, or map it in the code"))
                .RunAsync();
        }

        [Fact]
        public async Task A_health_endpoint_in_UseEndpoints_without_a_readiness_probe_is_one_finding()
        {
            await Cart(Startup("""
                            endpoints.MapHealthChecks({|#0:"/healthz"|});
                            endpoints.MapGet("/readyz", () => "ok");
                """), Manifests(""))
                .Expect(new DiagnosticResult("MT3003", DiagnosticSeverity.Warning).WithLocation(0)
                    .WithMessage("the code maps the health endpoints /healthz, /readyz, but Deployment default/cart has no readinessProbe, so pods get traffic before they are ready; add a readinessProbe with httpGet path /readyz in /src/Cart/k8s/cart.yaml"))
                .RunAsync();
        }

        [Fact]
        public async Task The_fix_names_the_readiness_endpoint_never_the_liveness_one()
        {
            const string program = """
                using Microsoft.AspNetCore.Builder;
                static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.MapHealthChecks({|#0:"/liveness"|});
                        app.MapHealthChecks("/hc");
                        app.Run();
                    }
                }
                """;
            await Cart(program, Manifests(""))
                .Expect(new DiagnosticResult("MT3003", DiagnosticSeverity.Warning).WithLocation(0)
                    .WithMessage("the code maps the health endpoints /liveness, /hc, but Deployment default/cart has no readinessProbe, so pods get traffic before they are ready; add a readinessProbe with httpGet path /hc in /src/Cart/k8s/cart.yaml"))
                .RunAsync();
            await Cart(program.Replace("app.MapHealthChecks(\"/hc\");", ""), Manifests(""))
                .Expect(new DiagnosticResult("MT3003", DiagnosticSeverity.Warning).WithLocation(0)
                    .WithMessage("the code maps the health endpoint /liveness, but Deployment default/cart has no readinessProbe, so pods get traffic before they are ready; map a readiness endpoint, such as /ready, and add a readinessProbe for it; /liveness is a liveness endpoint"))
                .RunAsync();
        }

        [Fact]
        public async Task A_gRPC_only_service_with_gRPC_probes_is_consistent()
        {
            await Cart(Startup("""
                            endpoints.MapGrpcService<CartService>();
                            endpoints.MapGrpcService<HealthCheckService>();
                """), Manifests("""
                          readinessProbe:
                            grpc: { port: 7070 }
                          livenessProbe:
                            grpc: { port: 7070 }
                """)).RunAsync();
        }

        [Fact]
        public async Task An_httpGet_probe_on_a_gRPC_only_service_is_reported()
        {
            string manifests = Manifests("""
                          readinessProbe:
                            httpGet: { path: /healthz, port: 7070 }
                """);
            await Cart(Startup("""
                            endpoints.MapGrpcService<CartService>();
                            endpoints.MapGrpcService<HealthCheckService>();
                """), manifests)
                .Expect(Diagnostics.At("MT3003", DiagnosticSeverity.Warning, ManifestPath, manifests, "/healthz")
                    .WithMessage("the readinessProbe of container server in Deployment default/cart requests /healthz, but the code maps only the gRPC services CartService, HealthCheckService, so the pods never become ready; probe the gRPC health service with grpc instead of httpGet"))
                .RunAsync();
        }

        [Fact]
        public async Task A_gRPC_probe_without_the_gRPC_health_service_is_reported()
        {
            string manifests = Manifests("""
                          readinessProbe:
                            grpc: { port: 7070 }
                """);
            await Cart(Startup("""
                            endpoints.MapGrpcService<CartService>();
                """), manifests)
                .Expect(Diagnostics.At("MT3003", DiagnosticSeverity.Warning, ManifestPath, manifests, "readinessProbe"))
                .RunAsync();
        }

        [Fact]
        public async Task A_missing_readiness_probe_on_a_gRPC_service_is_reported_at_its_health_service()
        {
            await Cart(Startup("""
                            endpoints.MapGrpcService<CartService>();
                            {|#0:endpoints.MapGrpcService<HealthCheckService>()|};
                """), Manifests(""))
                .Expect(new DiagnosticResult("MT3003", DiagnosticSeverity.Warning).WithLocation(0)
                    .WithMessage("the code maps the gRPC health service HealthCheckService, but Deployment default/cart has no readinessProbe, so pods get traffic before they are ready; add a readinessProbe with grpc on the port the code listens on"))
                .RunAsync();
        }

        [Fact]
        public async Task Controllers_leave_the_routes_unknown()
        {
            await Cart(Startup("""
                            endpoints.MapControllers();
                            endpoints.MapGrpcService<CartService>();
                """), Manifests("""
                          readinessProbe:
                            httpGet: { path: /api/health, port: 8080 }
                """)).RunAsync();
        }
    }
}
