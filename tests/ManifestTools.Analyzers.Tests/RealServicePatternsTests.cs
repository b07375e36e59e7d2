using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Test = ManifestTools.Analyzers.Tests.ManifestToolsAnalyzerTest<ManifestTools.Analyzers.ManifestAnalyzer>;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>
    /// Services shaped like real ones, from a second review: the silent ones are correct (Aspire service defaults,
    /// HTTPS, management ports, sidecars, #if DEBUG, development helpers, Istio's injected output, mounted configuration,
    /// validated options), the others carry one outage each and get exactly its finding.
    /// </summary>
    public class RealServicePatternsTests
    {
        private const string M = "/src/Shop/k8s/shop.yaml";
        private const string D = "/src/Shop/Dockerfile";
        private const string Net8 = "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nWORKDIR /app\nEXPOSE 8080\n\nFROM base AS final\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n";

        private static string Svc(string ports = "    - name: http\n      port: 80\n      targetPort: 8080\n") => "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n" + ports;

        private static string Dep(string containers, string name = "shop", string version = "") => "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\nspec:\n  selector:\n    matchLabels: { app: shop" + version + " }\n  template:\n    metadata:\n      labels: { app: shop" + version + " }\n    spec:\n" + containers;

        private const string Shop = "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n            - containerPort: 8080\n          readinessProbe:\n            httpGet: { path: /healthz, port: 8080 }\n";

        private static string ShopWith(string extra, string probe = "          readinessProbe:\n            httpGet: { path: /healthz, port: 8080 }\n", string ports = "            - containerPort: 8080\n") =>
            "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n" + ports + extra + probe;

        private static Test T(string manifests, string code)
        {
            var t = new Test().Property("ManifestServiceName", "shop").Manifest(M, manifests).Source(code);
            t.TestState.OutputKind = OutputKind.ConsoleApplication;
            return t;
        }

        private const string U = "using System;\nusing System.Linq;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.Extensions.Hosting;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\nusing Microsoft.AspNetCore.Http;\n";

        private const string GrpcDeclarations = """
            namespace Microsoft.AspNetCore.Builder
            {
                public static class GrpcEndpointRouteBuilderExtensions
                {
                    public static IEndpointConventionBuilder MapGrpcService<TService>(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder builder) where TService : class => null!;
                }
            }
            """;

        // Correct services.

        // Aspire ServiceDefaults, health endpoints only in Development (the template's own code), no probes.
        [Fact]
        public async Task Aspire_service_defaults_dev_only_health_without_probes()
        {
            string pod = "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n            - containerPort: 8080\n";
            await T(Svc() + Dep(pod), U + """
                var builder = WebApplication.CreateBuilder(args);
                builder.AddServiceDefaults();
                var app = builder.Build();
                app.MapDefaultEndpoints();
                app.MapGet("/orders", () => "[]");
                app.Run();
                """).Source("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Diagnostics.HealthChecks;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Diagnostics.HealthChecks;
                using Microsoft.Extensions.Hosting;
                using Microsoft.Extensions.Configuration;
                namespace Microsoft.Extensions.Hosting
                {
                    public static class Extensions
                    {
                        private const string HealthEndpointPath = "/health";
                        private const string AlivenessEndpointPath = "/alive";
                        public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
                        {
                            var useOtlpExporter = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
                            builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), new[] { "live" });
                            return builder;
                        }
                        public static WebApplication MapDefaultEndpoints(this WebApplication app)
                        {
                            if (app.Environment.IsDevelopment())
                            {
                                app.MapHealthChecks(HealthEndpointPath);
                                app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
                            }
                            return app;
                        }
                    }
                }
                """).Dockerfile(D, Net8).RunAsync();
        }

        // MapGroup chains, RequireHost, a management port for health.
        [Fact]
        public async Task MapGroup_RequireHost_management_port()
        {
            string svc = Svc();
            string pod = ShopWith("            - containerPort: 8081\n              name: mgmt\n          env:\n            - name: ASPNETCORE_HTTP_PORTS\n              value: \"8080;8081\"\n",
                "          readinessProbe:\n            httpGet: { path: /healthz, port: mgmt }\n          livenessProbe:\n            httpGet: { path: /api/v1/ping, port: 8080 }\n");
            await T(svc + Dep(pod), U + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHealthChecks();
                var app = builder.Build();
                app.UseHttpsRedirection();
                var api = app.MapGroup("/api").RequireHost("*:8080").WithTags("api");
                var v1 = api.MapGroup("/v1");
                v1.MapGet("/ping", () => "pong");
                v1.MapGet("/orders/{id:int}", (int id) => id);
                app.MapHealthChecks("/healthz").RequireHost("*:8081");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        // HTTPS-only: ASPNETCORE_URLS https://+:8443 with a cert from a Secret; Service targetPort 8443.
        [Fact]
        public async Task Https_only_with_cert_from_secret()
        {
            string svc = Svc("    - name: https\n      port: 443\n      targetPort: 8443\n");
            string pod = "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n            - containerPort: 8443\n              name: https\n          env:\n            - name: ASPNETCORE_URLS\n              value: https://+:8443\n            - name: ASPNETCORE_Kestrel__Certificates__Default__Path\n              value: /certs/tls.crt\n            - name: ASPNETCORE_Kestrel__Certificates__Default__KeyPath\n              value: /certs/tls.key\n          volumeMounts:\n            - { name: certs, mountPath: /certs, readOnly: true }\n          readinessProbe:\n            httpGet: { path: /healthz, port: https, scheme: HTTPS }\n      volumes:\n        - name: certs\n          secret: { secretName: shop-tls }\n";
            await T(svc + Dep(pod), U + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.UseHttpsRedirection();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        // HTTPS ports on top of the image's HTTP port.
        [Fact]
        public async Task Https_ports_beside_image_http_port()
        {
            string svc = Svc("    - name: https\n      port: 443\n      targetPort: 8443\n");
            string pod = "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n            - containerPort: 8443\n          env:\n            - name: ASPNETCORE_HTTPS_PORTS\n              value: \"8443\"\n          readinessProbe:\n            httpGet: { path: /healthz, port: 8080 }\n";
            await T(svc + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.UseHttpsRedirection();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        // Several URLs, IPv6 any.
        [Fact]
        public async Task Several_urls_and_ipv6()
        {
            string svc = Svc("    - name: http\n      port: 80\n      targetPort: 8080\n    - name: grpc\n      port: 9090\n      targetPort: 9090\n");
            string pod = ShopWith("          env:\n            - name: ASPNETCORE_URLS\n              value: \"http://[::]:8080; http://[::]:9090\"\n", ports: "            - containerPort: 8080\n            - containerPort: 9090\n");
            await T(svc + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        // oauth2-proxy in front: Service targets the proxy's named port; the app's port is not in the Service.
        [Fact]
        public async Task Service_targetPort_name_only_in_sidecar()
        {
            string svc = Svc("    - name: http\n      port: 80\n      targetPort: proxy\n    - name: admin\n      port: 9901\n      targetPort: admin\n");
            string pod = "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n            - { containerPort: 8080, name: http }\n          readinessProbe:\n            httpGet: { path: /healthz, port: http }\n        - name: envoy\n          image: envoyproxy/envoy:v1.31\n          ports:\n            - { containerPort: 10000, name: proxy }\n            - { containerPort: 9901, name: admin }\n          readinessProbe:\n            httpGet: { path: /ready, port: admin }\n";
            await T(svc + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        // IOptions<T> with defaults, Configure<T>(GetSection), no section set anywhere.
        [Fact]
        public async Task Configure_options_with_defaults()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.Configure<CacheOptions>(builder.Configuration.GetSection("Cache"));
                builder.Services.AddOptions<RetryOptions>().Bind(builder.Configuration.GetSection("Retry")).ValidateDataAnnotations().ValidateOnStart();
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                class CacheOptions { public int TtlSeconds { get; set; } = 60; }
                class RetryOptions { [System.ComponentModel.DataAnnotations.Range(1, 10)] public int Count { get; set; } = 3; }
                """).Dockerfile(D, Net8).Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 10, 75, 10, 82)).RunAsync();
        }

        // [Required] with a default value, and [Required] on a value type: validation passes.
        [Fact]
        public async Task Required_with_default_and_value_type()
        {
            await T(Svc() + Dep(Shop), U + """
                using System.ComponentModel.DataAnnotations;
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddOptions<StoreOptions>().BindConfiguration("Store").ValidateDataAnnotations().ValidateOnStart();
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                class StoreOptions
                {
                    [Required] public string Region { get; set; } = "eu-west-1";
                    [Required] public int PageSize { get; set; }
                    [Required] public bool UseCache { get; set; }
                }
                """).Dockerfile(D, Net8).RunAsync();
        }

        // Connection strings with fallbacks; env reads in top-level statements with ?? after a local; string.Equals.
        [Fact]
        public async Task Fallbacks_and_string_Equals()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                var cs = builder.Configuration.GetConnectionString("Orders") ?? builder.Configuration.GetConnectionString("Default") ?? "Host=localhost";
                var region = Environment.GetEnvironmentVariable("REGION");
                var effectiveRegion = region ?? "eu";
                string? seq = Environment.GetEnvironmentVariable("SEQ_URL");
                builder.Services.AddSingleton(new Holder(seq ?? "http://seq"));
                bool swagger = string.Equals(Environment.GetEnvironmentVariable("ENABLE_SWAGGER"), "true", StringComparison.OrdinalIgnoreCase);
                bool beta = "on".Equals(builder.Configuration["Features:Beta"]);
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                record Holder(string Url);
                """).Dockerfile(D, Net8).RunAsync();
        }

        // Dockerfile ENV ASPNETCORE_URLS overridden by a ConfigMap through envFrom.
        [Fact]
        public async Task Dockerfile_urls_overridden_by_configmap()
        {
            string cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop-config\ndata:\n  ASPNETCORE_URLS: http://+:8080\n---\n";
            string pod = ShopWith("          envFrom:\n            - configMapRef: { name: shop-config }\n");
            await T(cm + Svc() + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://+:5000\nEXPOSE 5000\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n").RunAsync();
        }

        // #if DEBUG address for local runs, in a Debug build.
        [Fact]
        public async Task If_DEBUG_address_in_debug_build()
        {
            var t = T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                #if DEBUG
                builder.WebHost.UseUrls("http://localhost:5000");
                #endif
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8);
            t.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols("DEBUG")));
            await t.RunAsync();
        }

        // A helper that sets local ports, called only in development.
        [Fact]
        public async Task Address_in_helper_called_only_in_development()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                if (builder.Environment.IsDevelopment())
                {
                    DevSetup.UseLocalPorts(builder);
                }
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                static class DevSetup
                {
                    public static void UseLocalPorts(WebApplicationBuilder b) => b.WebHost.UseUrls("http://localhost:5000", "https://localhost:5001");
                }
                """).Dockerfile(D, Net8).RunAsync();
        }

        // Secrets mounted as files and read with AddKeyPerFile; a ConfigMap-mounted JSON file.
        [Fact]
        public async Task KeyPerFile_and_mounted_json()
        {
            string cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop-json\ndata:\n  settings.json: |\n    { \"Payments\": { \"Url\": \"http://payments\" } }\n---\n";
            string pod = ShopWith("          volumeMounts:\n            - { name: secrets, mountPath: /run/secrets, readOnly: true }\n            - { name: json, mountPath: /config, readOnly: true }\n") +
                "      volumes:\n        - name: secrets\n          secret: { secretName: shop-secrets }\n        - name: json\n          configMap: { name: shop-json }\n";
            await T(cm + Svc() + Dep(pod), U + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Configuration.AddKeyPerFile("/run/secrets", optional: true);
                builder.Configuration.AddJsonFile("/config/settings.json", optional: false, reloadOnChange: true);
                var db = new Uri(builder.Configuration.GetConnectionString("Db")!);
                var payments = new Uri(builder.Configuration["Payments:Url"]!);
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        // A resource called health under a parameter; no readiness probe needed by that.
        [Fact]
        public async Task Resource_route_ending_in_health()
        {
            string pod = "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n            - containerPort: 8080\n          livenessProbe:\n            tcpSocket: { port: 8080 }\n";
            await T(Svc() + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/devices/{id}/health", (string id) => id);
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        // A gRPC service whose name contains Health, but is not grpc.health.v1.
        [Fact]
        public async Task Grpc_service_named_Health()
        {
            string pod = "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n            - containerPort: 8080\n";
            await T(Svc() + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGrpcService<PatientHealthRecordsService>();
                app.Run();
                class PatientHealthRecordsService { }
                """).Source(GrpcDeclarations).Dockerfile(D, Net8).RunAsync();
        }

        // Dockerfile URLS + pod HTTP_PORTS: URLS wins, the process listens on 5000 (outage).
        [Fact]
        public async Task Dockerfile_urls_beats_pod_http_ports()
        {
            string pod = ShopWith("          env:\n            - name: ASPNETCORE_HTTP_PORTS\n              value: \"8080\"\n");
            await T(Svc() + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://+:5000\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n").Expect(new DiagnosticResult("MT3002", DiagnosticSeverity.Error).WithSpan(M, 11, 19, 11, 23)).RunAsync();
        }

        // Outages the rules promise to catch.
        [Fact]
        public async Task Wrong_targetPort_with_Dockerfile_port()
        {
            string svc = Svc("    - name: http\n      port: 80\n      targetPort: 9999\n");
            string pod = "      containers:\n        - name: shop\n          image: shop:1\n          readinessProbe:\n            httpGet: { path: /healthz, port: 7070 }\n";
            await T(svc + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_HTTP_PORTS=7070\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n").Expect(new DiagnosticResult("MT3002", DiagnosticSeverity.Error).WithSpan(M, 11, 19, 11, 23)).RunAsync();
        }

        [Fact]
        public async Task ConfigMap_urls_mismatch()
        {
            string cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop-config\ndata:\n  ASPNETCORE_URLS: http://+:5000\n---\n";
            string pod = ShopWith("          envFrom:\n            - configMapRef: { name: shop-config }\n", probe: "");
            await T(cm + Svc() + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).Expect(new DiagnosticResult("MT3003", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 10, 12, 10, 22), new DiagnosticResult("MT3002", DiagnosticSeverity.Error).WithSpan(M, 6, 20, 6, 33)).RunAsync();
        }

        [Fact]
        public async Task Missing_setting_in_local_unguarded()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                var url = builder.Configuration["Seq:ServerUrl"];
                var seq = new Uri(url!);
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 10, 33, 10, 48)).RunAsync();
        }

        [Fact]
        public async Task HttpGet_probe_on_grpc_only()
        {
            await T(Svc() + Dep(Shop), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGrpcService<OrdersService>();
                app.Run();
                class OrdersService { }
                """).Source(GrpcDeclarations).Dockerfile(D, Net8).Expect(new DiagnosticResult("MT3003", DiagnosticSeverity.Warning).WithSpan(M, 30, 30, 30, 38)).RunAsync();
        }

        private static string DepV(string containers, string version) => "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop-" + version + "\nspec:\n  selector:\n    matchLabels: { app: shop, version: " + version + " }\n  template:\n    metadata:\n      labels: { app: shop, version: " + version + " }\n    spec:\n" + containers;

        // Generated v1 (ServiceVersion) + hand-written v2 with a wrong port: where does the fix point?
        [Fact]
        public async Task Generated_and_hand_written_labels()
        {
            var t = new Test().Property("ManifestServiceName", "shop")
                .Generated("/src/Shop/obj/manifests/shop.yaml", Svc() + DepV(Shop, "v1"))
                .Manifest(M, DepV(ShopWith("          env:\n            - name: ASPNETCORE_HTTP_PORTS\n              value: \"9090\"\n"), "v2"))
                .Source(U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8);
            t.TestState.OutputKind = OutputKind.ConsoleApplication;
            t.ExpectedDiagnostics.AddRange(new[] { new DiagnosticResult("MT3002", DiagnosticSeverity.Error).WithSpan(M, 20, 22, 20, 28) });
            await t.RunAsync();
        }

        // Committed istioctl kube-inject output: app probes rewritten to the agent on 15020.
        [Fact]
        public async Task Kube_inject_output()
        {
            string pod = "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n            - containerPort: 8080\n          readinessProbe:\n            httpGet: { path: /app-health/shop/readyz, port: 15020 }\n        - name: istio-proxy\n          image: docker.io/istio/proxyv2:1.22.0\n          args: [proxy, sidecar]\n          ports:\n            - { containerPort: 15090, name: http-envoy-prom, protocol: TCP }\n          readinessProbe:\n            httpGet: { path: /healthz/ready, port: 15021 }\n";
            await T(Svc() + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        // Azure-style connection string variables, which the environment provider maps to ConnectionStrings:.
        [Fact]
        public async Task Sqlconnstr_variable()
        {
            string pod = ShopWith("          env:\n            - name: SQLCONNSTR_Orders\n              value: Server=db\n            - name: CUSTOMCONNSTR_Cache\n              value: redis:6379\n");
            await T(Svc() + Dep(pod), U + """
                var builder = WebApplication.CreateBuilder(args);
                var orders = new Uri("x://" + builder.Configuration.GetConnectionString("Orders")!.Length);
                var cache = builder.Configuration.GetConnectionString("Cache")!.Trim();
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        // Generic host with Startup and UseUrls in ConfigureWebHostDefaults; GetRequiredSection.
        [Fact]
        public async Task Generic_host_and_GetRequiredSection()
        {
            await T(Svc() + Dep(Shop), U + """
                Host.CreateDefaultBuilder(args)
                    .ConfigureWebHostDefaults(w => w.UseStartup<Startup>().UseUrls("http://+:8080"))
                    .Build().Run();
                class Startup
                {
                    public Startup(IConfiguration c) { Db = c.GetRequiredSection("Db").Get<DbOptions>()!; }
                    DbOptions Db { get; }
                    public void ConfigureServices(IServiceCollection s) => s.AddHealthChecks();
                    public void Configure(IApplicationBuilder app) { app.UseRouting(); app.UseEndpoints(e => e.MapHealthChecks("/healthz")); }
                }
                class DbOptions { public string Host { get; set; } = ""; }
                """).Dockerfile(D, Net8).Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 14, 66, 14, 70)).RunAsync();
        }

        // Crash hunting: a very large top-level program.
        [Fact]
        public async Task Very_large_program()
        {
            var sb = new System.Text.StringBuilder(U + "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\n");
            for (int i = 0; i < 3000; i++)
            {
                sb.Append($"var v{i} = builder.Configuration[\"K{i}\"];\nif (v{i} is null) {{ }}\napp.MapGet(\"/r{i}\", () => v{i});\n");
            }
            sb.Append("app.MapGet(\"/healthz\", () => \"ok\");\napp.Run();\n");
            await T(Svc() + Dep(Shop), sb.ToString()).Dockerfile(D, Net8).RunAsync();
        }

        // Crash hunting: deeply nested lambdas, partial methods, a generated file, #if, code with errors.
        [Fact]
        public async Task Nested_lambdas_partial_generated()
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < 120; i++) sb.Append("((Func<string?>)(() => ");
            sb.Append("Environment.GetEnvironmentVariable(\"DEEP\") ?? \"x\"");
            for (int i = 0; i < 120; i++) sb.Append("))()");
            await T(Svc() + Dep(Shop), U + "var deep = " + sb + ";\n" + """
                var builder = WebApplication.CreateBuilder(args);
                Setup.Configure(builder);
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                static partial class Setup
                {
                    static partial void OnConfigure(WebApplicationBuilder b);
                    public static void Configure(WebApplicationBuilder b) => OnConfigure(b);
                }
                """).Source("""
                // <auto-generated/>
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                static partial class Setup
                {
                    static partial void OnConfigure(WebApplicationBuilder b) => b.WebHost.UseUrls("http://+:5000");
                }
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task Code_with_errors()
        {
            var t = T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                var a = builder.Configuration[];
                var b = builder.Configuration.GetValue<>("X");
                var c = Environment.GetEnvironmentVariable();
                var d = builder.Configuration.GetSection().Get<int>();
                builder.Services.AddOptions<Undefined>().BindConfiguration("Z").ValidateDataAnnotations();
                builder.WebHost.UseUrls(;
                var app = builder.Build();
                app.Urls.Add();
                app.MapGroup().MapGet("/x", () => 1);
                app.MapGet(, () => "ok");
                app.MapHealthChecks(null);
                app.Run(42);
                class O { [System.ComponentModel.DataAnnotations.Required] [Microsoft.Extensions.Configuration.ConfigurationKeyName()] public string P { get; set; } = ""; }
                """).Dockerfile(D, Net8);
            t.CompilerDiagnostics = CompilerDiagnostics.None;
            t.ExpectedDiagnostics.AddRange(new[] { new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 11, 42, 11, 45) });
            await t.RunAsync();
        }

        [Fact]
        public async Task KeyName_without_argument()
        {
            var t = T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddOptions<O>().BindConfiguration("Z").ValidateDataAnnotations();
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                class O { [System.ComponentModel.DataAnnotations.Required] [Microsoft.Extensions.Configuration.ConfigurationKeyName()] public string P { get; set; } = ""; }
                """).Dockerfile(D, Net8);
            t.CompilerDiagnostics = CompilerDiagnostics.None;
            t.ExpectedDiagnostics.AddRange(new[] { new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 10, 52, 10, 55) });
            await t.RunAsync();
        }
    }
}
