using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Test = ManifestTools.Analyzers.Tests.ManifestToolsAnalyzerTest<ManifestTools.Analyzers.ManifestAnalyzer>;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>MT3001 to MT3003 through the analyzer: the code of service shop against its generated Deployment.</summary>
    public class ServiceCodeChecksTests
    {
        private const string ManifestPath = "/src/Shop/manifests/shop.yaml";

        private static string Manifests(string container = "") => $$"""
            apiVersion: v1
            kind: Service
            metadata:
              name: shop
            spec:
              selector:
                app: shop
              ports:
                - name: http
                  port: 5002
                  targetPort: http
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop-v1
            spec:
              selector:
                matchLabels: { app: shop, version: v1 }
              template:
                metadata:
                  labels: { app: shop, version: v1 }
                spec:
                  containers:
                    - name: shop
                      image: shop:1
                      ports:
                        - name: http
                          containerPort: 5002
                      env:
                        - name: DB_HOST
                          value: db
                        - name: Payments__Url
                          value: http://payments
            {{container}}
            """;

        private const string Usings = """
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            """;

        private static Test Shop(string code, string? manifests = null) => new Test()
            .Property("ManifestServiceName", "shop")
            .Generated(ManifestPath, manifests ?? Manifests())
            .Source(Usings + code);

        private static DiagnosticResult Expected(string id, DiagnosticSeverity severity, int markup, string message) =>
            new DiagnosticResult(id, severity).WithLocation(markup).WithMessage(message);

        [Fact]
        public async Task MT3001_reports_reads_no_container_sets_at_the_name()
        {
            await Shop("""
                static class Settings
                {
                    public static void Read(IConfiguration configuration)
                    {
                        _ = Environment.GetEnvironmentVariable({|#0:"API_TOKEN"|});
                        _ = configuration[{|#1:"Orders:Url"|}];
                        _ = configuration.GetValue<string>({|#2:"Orders:Retries"|});
                        _ = configuration.GetConnectionString({|#3:"Orders"|});
                        _ = configuration.GetSection("Orders")[{|#4:"Timeout"|}];
                        _ = {|#5:configuration.GetSection("Orders").GetSection("Region").Value|};
                    }
                }
                """)
                .Expect(
                    Expected("MT3001", DiagnosticSeverity.Warning, 0, "the code reads environment variable API_TOKEN, but no container of Deployment default/shop-v1 sets API_TOKEN; add <ServiceEnvironmentVariable Include=\"API_TOKEN\" Value=\"…\" /> to the project file"),
                    Expected("MT3001", DiagnosticSeverity.Warning, 1, "the code reads configuration key Orders:Url, but no container of Deployment default/shop-v1 sets Orders__Url and no appsettings*.json gives it a value; add <ServiceEnvironmentVariable Include=\"Orders__Url\" Value=\"…\" /> to the project file, or give it a value in appsettings.json"),
                    new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(2),
                    new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(3),
                    new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(5).WithMessage("the code reads configuration key Orders:Region, but no container of Deployment default/shop-v1 sets Orders__Region and no appsettings*.json gives it a value; add <ServiceEnvironmentVariable Include=\"Orders__Region\" Value=\"…\" /> to the project file, or give it a value in appsettings.json"),
                    new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(4).WithMessage("the code reads configuration key Orders:Timeout, but no container of Deployment default/shop-v1 sets Orders__Timeout and no appsettings*.json gives it a value; add <ServiceEnvironmentVariable Include=\"Orders__Timeout\" Value=\"…\" /> to the project file, or give it a value in appsettings.json"))
                .RunAsync();
        }

        [Fact]
        public async Task MT3001_reports_a_section_that_is_bound()
        {
            await Shop("""
                class Options { public string? Url { get; set; } }
                static class Settings
                {
                    public static void Read(IServiceCollection services, IConfiguration configuration)
                    {
                        services.Configure<Options>(configuration.GetSection({|#0:"Shipping"|}));
                        services.Configure<Options>(configuration.GetSection("Payments"));
                        services.AddOptions<Options>().BindConfiguration({|#1:"Billing"|});
                    }

                    // A test in another member says nothing about the read above.
                    public static bool Ships(IConfiguration configuration) => configuration.GetSection("Shipping").Exists();
                }
                """)
                .Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(1), new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(0)
                    .WithMessage("the code reads configuration section Shipping, but no container of Deployment default/shop-v1 sets Shipping or a variable under it (Shipping__…) and no appsettings*.json gives it a value; add <ServiceEnvironmentVariable Include=\"Shipping__…\" Value=\"…\" /> to the project file, or give it a value in appsettings.json"))
                .RunAsync();
        }

        [Fact]
        public async Task MT3001_stays_silent_on_set_variables_appsettings_fallbacks_and_lookalikes()
        {
            await Shop("""
                static class Lookalike { public static string? GetEnvironmentVariable(string name) => name; }
                static class Settings
                {
                    public static void Read(IConfiguration configuration)
                    {
                        _ = Environment.GetEnvironmentVariable("DB_HOST");
                        _ = configuration["payments:url"];
                        _ = configuration["Logging:LogLevel:Default"];
                        _ = Environment.GetEnvironmentVariable("FEATURE") ?? "off";
                        _ = configuration.GetValue("Retries", 3);
                        _ = Lookalike.GetEnvironmentVariable("NOT_READ");
                        var name = "COMPUTED";
                        _ = Environment.GetEnvironmentVariable(name + "_X");
                        configuration["Written"] = "x";
                    }
                }
                """)
                .AppSettings("/src/Shop/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }")
                .RunAsync();
        }

        [Fact]
        public async Task MT3001_stays_silent_where_the_code_copes_with_a_missing_value()
        {
            await Shop("""
                class Options { }
                static class Settings
                {
                    public static void Read(IConfiguration configuration)
                    {
                        _ = configuration.GetSection("Shipping").Get<Options>() ?? new Options();
                        _ = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") == "Development";
                        _ = configuration["Features:Beta"] is null;
                        _ = string.IsNullOrEmpty(configuration["Features:Gamma"]);
                        _ = bool.TryParse(Environment.GetEnvironmentVariable("VERBOSE"), out _);
                        _ = configuration["Hosts"]?.Split(',');
                        _ = Environment.GetEnvironmentVariable("MODE") switch { "fast" => 1, _ => 0 };
                        _ = configuration.GetSection({|#0:"Billing"|}).Get<Options>();
                    }
                }
                """)
                .Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(0))
                .RunAsync();
        }

        [Fact]
        public async Task MT3001_reports_a_fallback_that_throws()
        {
            await Shop("""
                static class Settings
                {
                    public static string Read() => Environment.GetEnvironmentVariable({|#0:"API_TOKEN"|}) ?? throw new InvalidOperationException();
                }
                """)
                .Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(0))
                .RunAsync();
        }

        [Fact]
        public async Task The_code_rules_need_a_service_name_and_its_workloads()
        {
            const string code = """
                static class Settings { public static string? Read() => Environment.GetEnvironmentVariable("API_TOKEN"); }
                """;
            await new Test().Generated(ManifestPath, Manifests()).Source(Usings + code).RunAsync();
            await new Test().Property("ManifestServiceName", "cart").Generated(ManifestPath, Manifests()).Source(Usings + code).RunAsync();
        }

        [Fact]
        public async Task MT3002_reports_an_address_the_code_sets_where_the_Service_does_not_send()
        {
            const string message = "the code listens on port 8080, but Service shop sends traffic to targetPort http (containerPort 5002 of container shop) of Deployment default/shop-v1; listen on 5002, or add <ContainerPort Include=\"8080\" /> to the project file";
            foreach (var listen in new[]
            {
                "builder.WebHost.UseUrls({|#0:\"http://*:8080\"|});",
                "builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP({|#0:8080|}));",
                "app.Urls.Add({|#0:\"http://+:8080\"|});",
                "app.Run({|#0:\"http://0.0.0.0:8080\"|});",
            })
            {
                await Shop($$"""
                    static class Program
                    {
                        public static void Main(string[] args)
                        {
                            var builder = WebApplication.CreateBuilder(args);
                            var app = builder.Build();
                            {{(listen.StartsWith("builder", System.StringComparison.Ordinal) ? listen : "")}}
                            {{(listen.StartsWith("app", System.StringComparison.Ordinal) ? listen : "")}}
                        }
                    }
                    """)
                    .Expect(Expected("MT3002", DiagnosticSeverity.Error, 0, message))
                    .RunAsync();
            }

            // Listening on the port the Service sends to, and on others besides, is what a metrics port does.
            await Shop("""
                static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.WebHost.UseUrls("http://*:8080", "http://*:5002");
                        builder.Build().Run();
                    }
                }
                """).RunAsync();
        }

        [Fact]
        public async Task MT3002_reports_ASPNETCORE_URLS_in_the_manifest_when_the_code_sets_no_address()
        {
            string manifests = Manifests("""
                            - name: ASPNETCORE_URLS
                              value: http://+:8080
                """);
            const string code = """
                static class Program
                {
                    public static void Main(string[] args) => WebApplication.CreateBuilder(args).Build().Run();
                }
                """;
            await Shop(code, manifests)
                .Expect(Diagnostics.At("MT3002", DiagnosticSeverity.Error, ManifestPath, manifests, "http://+:8080")
                    .WithMessage("container shop of Deployment default/shop-v1 listens on port 8080 (ASPNETCORE_URLS in the env of container shop), but Service shop sends traffic to targetPort http (containerPort 5002 of container shop) of Deployment default/shop-v1; set ASPNETCORE_URLS to listen on 5002"))
                .RunAsync();

            // The code's own address replaces the variable's.
            await Shop(code.Replace(".Run()", ".Run(\"http://*:5002\")"), manifests).RunAsync();
        }

        [Fact]
        public async Task MT3003_reports_a_missing_readiness_probe_once_at_the_first_health_endpoint()
        {
            await Shop("""
                static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.MapHealthChecks({|#0:"/healthz"|});
                        var api = app.MapGroup("/api");
                        api.MapGet("/readyz", () => "ok");
                        app.MapGet("/orders/ready", () => "not a health endpoint");
                        app.MapGet("/orders", () => "[]");
                    }
                }
                """)
                .Expect(Expected("MT3003", DiagnosticSeverity.Warning, 0, "the code maps the health endpoints /healthz, /api/readyz, but Deployment default/shop-v1 has no readinessProbe, so pods get traffic before they are ready; set <ManifestReadinessProbePath>/api/readyz</ManifestReadinessProbePath> in the project file"))
                .RunAsync();
        }

        [Fact]
        public async Task MT3003_reports_a_probe_path_the_code_never_maps_at_the_path()
        {
            string manifests = Manifests("""
                          readinessProbe:
                            httpGet: { path: /health, port: http }
                """);
            const string code = """
                static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.MapHealthChecks("/healthz");
                        app.MapPost("/health", () => "not a GET");
                    }
                }
                """;
            await Shop(code, manifests)
                .Expect(Diagnostics.At("MT3003", DiagnosticSeverity.Warning, ManifestPath, manifests, "/health")
                    .WithMessage("the readinessProbe of container shop in Deployment default/shop-v1 requests /health, but the code maps only /healthz, so the pods never become ready; set ManifestReadinessProbePath in the project file to a path the code maps"))
                .RunAsync();
        }

        [Fact]
        public async Task MT3003_stays_silent_when_the_probe_path_is_mapped_or_the_routes_are_not_all_known()
        {
            string manifests = Manifests("""
                          readinessProbe:
                            httpGet: { path: /api/healthz, port: http }
                """);
            await Shop("""
                static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.MapGroup("/api").WithTags("api").MapHealthChecks("/healthz");
                    }
                }
                """, manifests).RunAsync();
            await Shop("""
                static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.UseStaticFiles();
                    }
                }
                """, manifests).RunAsync();

            // The probe's /api/healthz reaches /healthz through the path base.
            await Shop("""
                static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.UsePathBase("/api");
                        app.MapHealthChecks("/healthz");
                    }
                }
                """, manifests).RunAsync();
        }
    }
}
