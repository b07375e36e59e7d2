using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Test = ManifestTools.Analyzers.Tests.ManifestToolsAnalyzerTest<ManifestTools.Analyzers.ManifestAnalyzer>;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>
    /// Correct services in the shapes real ones take, which the code checks must stay silent on: addresses set only
    /// in development, Kestrel endpoints in appsettings, sidecars, metrics listeners, jobs, older routing, reads that
    /// cope with a missing value in more ways, and the Dockerfiles and SDK images teams use.
    /// </summary>
    public class SilentOnCorrectServicesTests
    {
        private const string M = "/src/Shop/k8s/shop.yaml";
        private const string D = "/src/Shop/Dockerfile";
        private const string Net8 = "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nWORKDIR /app\nEXPOSE 8080\n\nFROM base AS final\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n";

        private static string Svc(string ports = "    - name: http\n      port: 80\n      targetPort: 8080\n") => "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n" + ports;

        private static string Dep(string containers) => "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  selector:\n    matchLabels: { app: shop }\n  template:\n    metadata:\n      labels: { app: shop }\n    spec:\n" + containers;

        private const string Shop = "      containers:\n        - name: shop\n          image: shop:1\n          ports:\n            - containerPort: 8080\n          readinessProbe:\n            httpGet: { path: /healthz, port: 8080 }\n";

        private static Test T(string manifests, string code)
        {
            var t = new Test().Property("ManifestServiceName", "shop").Manifest(M, manifests).Source(code);
            t.TestState.OutputKind = OutputKind.ConsoleApplication;
            return t;
        }

        private const string U = "using System;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Hosting;\nusing Microsoft.Extensions.Hosting;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\nusing Microsoft.AspNetCore.Http;\n";

        [Fact]
        public async Task An_address_set_only_in_development_leaves_the_images()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                if (builder.Environment.IsDevelopment())
                {
                    builder.WebHost.UseUrls("http://localhost:5000");
                }
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task Kestrel_endpoints_in_appsettings_add_to_the_codes_Listen()
        {
            string svc = Svc("    - name: http\n      port: 80\n      targetPort: 8080\n    - name: grpc\n      port: 9090\n      targetPort: 9090\n");
            await T(svc + Dep(Shop), U + """
                using Microsoft.AspNetCore.Server.Kestrel.Core;
                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(9090, l => l.Protocols = HttpProtocols.Http2));
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8)
                .AppSettings("/src/Shop/appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:8080" } } } }""")
                .RunAsync();
        }

        [Fact]
        public async Task Kestrel_endpoints_in_appsettings_replace_UseUrls()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.UseUrls("http://*:5000");
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8)
                .AppSettings("/src/Shop/appsettings.json", """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:8080" } } } }""")
                .RunAsync();
        }

        [Fact]
        public async Task A_native_sidecars_port_is_its_own()
        {
            string svc = Svc("    - name: http\n      port: 80\n      targetPort: 4180\n");
            string pod = "      initContainers:\n        - name: oauth2-proxy\n          image: quay.io/oauth2-proxy/oauth2-proxy:v7.6.0\n          restartPolicy: Always\n          ports:\n            - containerPort: 4180\n" + Shop;
            await T(svc + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task A_sidecar_that_declares_no_port_may_serve_any()
        {
            string svc = Svc("    - name: http\n      port: 80\n      targetPort: 80\n");
            string pod = Shop + "        - name: nginx\n          image: nginx:1.27\n";
            await T(svc + Dep(pod), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task A_metrics_port_beside_the_one_Kestrel_serves_is_not_checked()
        {
            string svc = Svc("    - name: http\n      port: 80\n      targetPort: 8080\n    - name: metrics\n      port: 9464\n      targetPort: 9464\n");
            await T(svc + Dep(Shop), U + """
                var listener = new System.Net.HttpListener();
                listener.Prefixes.Add("http://+:9464/");
                listener.Start();
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task The_hosting_environment_is_expected_to_be_missing()
        {
            await T(Svc() + Dep(Shop), U + """
                var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
                var config = new ConfigurationBuilder().AddJsonFile("appsettings.json").AddJsonFile($"appsettings.{environment}.json", optional: true).Build();
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task GetValue_of_a_value_type_has_its_default()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                bool beta = builder.Configuration.GetValue<bool>("Features:Beta");
                int retries = builder.Configuration.GetValue<int>("Http:Retries");
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task A_section_tested_with_Exists_is_optional()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                var redis = builder.Configuration.GetSection("Redis");
                if (redis.Exists())
                {
                    builder.Services.Configure<RedisOptions>(redis);
                }
                if (builder.Configuration.GetSection("Cache").Exists())
                {
                    builder.Services.Configure<RedisOptions>(builder.Configuration.GetSection("Cache"));
                }
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                class RedisOptions { public string Host { get; set; } = "localhost"; }
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task Deconstructed_and_assigned_locals_are_followed()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                var (a, b) = (builder.Configuration["A"], builder.Configuration["B"]);
                if (a is null || b is null) return;
                string? c;
                c = builder.Configuration["C"];
                if (c is not { Length: > 0 }) return;
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task Primary_constructors_partial_classes_and_static_fields_are_followed()
        {
            await T(Svc() + Dep(Shop), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                partial class Client(IConfiguration configuration)
                {
                    private readonly string? _url = configuration["Client:Url"];
                    public string? Key => configuration["Client:Key"];
                    private static readonly string? Token = Environment.GetEnvironmentVariable("CLIENT_TOKEN");
                }
                partial class Client
                {
                    public bool Enabled => _url is not null && Key != null && !string.IsNullOrEmpty(Token);
                }
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task A_guard_in_a_local_function_counts()
        {
            await T(Svc() + Dep(Shop), U + """
                var builder = WebApplication.CreateBuilder(args);
                var seq = builder.Configuration["Seq:Url"];
                void Configure() { if (seq is null) return; Console.WriteLine(new Uri(seq)); }
                Configure();
                var app = builder.Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task UseMvc_leaves_the_routes_unknown()
        {
            string pod = Shop.Replace("/healthz", "/api/health");
            await T(Svc() + Dep(pod), U + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddMvc(o => o.EnableEndpointRouting = false);
                var app = builder.Build();
                app.UseMvc();
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task UseRouter_leaves_the_routes_unknown()
        {
            await T(Svc() + Dep(Shop), U + """
                using Microsoft.AspNetCore.Routing;
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddRouting();
                var app = builder.Build();
                app.UseRouter(r => r.MapGet("healthz", ctx => ctx.Response.WriteAsync("ok")));
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task A_Job_with_the_apps_labels_serves_nothing()
        {
            string job = "---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: shop-migrate\nspec:\n  template:\n    metadata:\n      labels: { app: shop }\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: shop:1\n          args: [\"--migrate\"]\n";
            await T(Svc() + Dep(Shop) + job, U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task An_app_Run_address_in_a_branch_leaves_the_images()
        {
            await T(Svc() + Dep(Shop), U + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/healthz", () => "ok");
                if (app.Environment.IsDevelopment())
                    app.Run("http://localhost:5005");
                else
                    app.Run();
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task A_generic_host_Startup_with_controllers()
        {
            await T(Svc() + Dep(Shop), U + """
                public class Program
                {
                    public static void Main(string[] args) => Host.CreateDefaultBuilder(args)
                        .ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
                }
                public class Startup
                {
                    public Startup(IConfiguration configuration) => Configuration = configuration;
                    public IConfiguration Configuration { get; }
                    public void ConfigureServices(IServiceCollection services) { services.AddHealthChecks(); services.AddControllers(); }
                    public void Configure(IApplicationBuilder app)
                    {
                        app.UseRouting();
                        app.UseEndpoints(e => { e.MapHealthChecks("/healthz"); e.MapControllers(); });
                    }
                }
                """).Dockerfile(D, Net8).RunAsync();
        }

        [Fact]
        public async Task A_program_without_ASP_NET_Core_serves_what_the_analyzer_cannot_see()
        {
            var test = new Test().Property("ManifestServiceName", "shop").Manifest(M, Svc("    - port: 80\n      targetPort: 9999\n") + Dep(Shop))
                .Source("static class Worker { public static void Main() => System.Console.WriteLine(\"working\"); }")
                .Dockerfile(D, Net8);
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(OfflineReferences.RuntimeOnly);
            await test.RunAsync();
        }

        private const string App = U + "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/healthz\", () => \"ok\");\napp.Run();\n";

        [Theory]
        [InlineData("vs8", "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER $APP_UID\nWORKDIR /app\nEXPOSE 8080\nEXPOSE 8081\n\nFROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n\nFROM build AS publish\n\nFROM base AS final\nWORKDIR /app\nCOPY --from=publish /app/publish .\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n", "8080")]
        [InlineData("vs6", "FROM mcr.microsoft.com/dotnet/aspnet:6.0 AS base\nWORKDIR /app\nEXPOSE 80\nEXPOSE 443\nFROM base AS final\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n", "80")]
        [InlineData("lower", "from mcr.microsoft.com/dotnet/aspnet:8.0-alpine as base\nenv ASPNETCORE_URLS=http://+:80\nfrom base as final\nentrypoint [\"dotnet\", \"Shop.dll\"]\n", "80")]
        [InlineData("digest", "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n", "8080")]
        [InlineData("win", "# escape=`\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nENV ASPNETCORE_URLS=http://+:5000 `\n    OTHER=1\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n", "5000")]
        [InlineData("heredoc", "# syntax=docker/dockerfile:1\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY <<EOF /app/run.sh\n#!/bin/sh\nENV_FILE=/x\nexec dotnet Shop.dll\nEOF\nENTRYPOINT [\"/app/run.sh\"]\n", "8080")]
        [InlineData("argport", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nARG PORT=5000\nENV ASPNETCORE_HTTP_PORTS=$PORT\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n", "5000")]
        [InlineData("sdk6", "FROM mcr.microsoft.com/dotnet/sdk:6.0\nWORKDIR /src\nCOPY . .\nENTRYPOINT [\"dotnet\", \"run\"]\n", "5000")]
        [InlineData("envdefault", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://+:${PORT:-5000}\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n", "5000")]
        [InlineData("shellcmd", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCMD dotnet Shop.dll --urls=http://0.0.0.0:5000\n", "5000")]
        [InlineData("runtimeDeps7", "FROM mcr.microsoft.com/dotnet/runtime-deps:7.0\nCOPY app /app\nENTRYPOINT [\"/app/Shop\"]\n", "80")]
        [InlineData("empty", "", "8080")]
        [InlineData("garbage", "FROM\nENV\nENV =\nENV A\nEXPOSE\nFROM a AS\nFROM x AS y z\nENV ${\nENV a=${b:-${c:-${d\nARG\n\\\n", "8080")]
        public async Task Dockerfiles_of_real_shapes(string name, string dockerfile, string port)
        {
            _ = name; // The case's label in the test list.
            string svc = Svc($"    - name: http\n      port: 80\n      targetPort: {port}\n");
            await T(svc + Dep(Shop.Replace("8080", port)), App).Dockerfile(D, dockerfile).RunAsync();
        }

        [Theory]
        [InlineData("net8.0", "", "ASPNETCORE_URLS=http%3A%2F%2F%2B%3A80", "80")]
        [InlineData("net8.0", "mcr.microsoft.com/dotnet/aspnet:8.0-alpine", "", "8080")]
        [InlineData("net6.0", "", "", "80")]
        [InlineData("net8.0", "", "", "8080")]
        [InlineData("net8.0", "myregistry.azurecr.io/base/aspnet:8.0", "", "9999")]
        public async Task SDK_container_images(string tfm, string baseImage, string env, string port)
        {
            string svc = Svc($"    - name: http\n      port: 80\n      targetPort: {port}\n");
            await T(svc + Dep(Shop.Replace("8080", port)), App)
                .Property("_ManifestToolsSdkContainer", "true").Property("_ManifestToolsTargetFramework", tfm)
                .Property("_ManifestToolsContainerBaseImage", baseImage).Property("_ManifestToolsContainerEnvironment", env)
                .Property("_ManifestToolsContainerPorts", "").RunAsync();
        }

        [Fact]
        public async Task Broken_manifests_give_only_their_true_findings_and_no_crash()
        {
            string m = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: http\n    - port: 81\n      targetPort: \"8080\"\n    - port: 82\n      targetPort: 0\n    - {}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  selector:\n    matchLabels: { app: shop }\n  template:\n    metadata:\n      labels: { app: shop }\n    spec:\n      containers:\n        - name: shop\n          image: shop:1\n          env:\n            - name: ASPNETCORE_URLS\n              value: \"http://+:8080;http://[::]:;https://*:-1;http://[::1]:8080;garbage\"\n            - name: X\n          envFrom:\n            - configMapRef: {}\n            - secretRef:\n                name: s\n          ports:\n            - containerPort: 8080\n              name: http\n            - containerPort: 99999\n          readinessProbe:\n            httpGet: { port: nope }\n          livenessProbe:\n            grpc: {}\n          startupProbe:\n            exec: { command: [true] }\n        - {}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  ASPNETCORE_HTTP_PORTS: \"!!notbase64\"\n  B: [1, 2]\n";
            // Only what is truly wrong: a port entry without a port, a probe of / (an httpGet without a path), and a grpc
            // probe on code that maps no gRPC health service.
            await T(m, App).Dockerfile(D, Net8)
                .Expect(
                    new DiagnosticResult("MT0002", DiagnosticSeverity.Error).WithSpan(M, 15, 7, 15, 8),
                    new DiagnosticResult("MT3003", DiagnosticSeverity.Warning).WithSpan(M, 44, 13, 44, 20),
                    new DiagnosticResult("MT3003", DiagnosticSeverity.Warning).WithSpan(M, 45, 11, 45, 24))
                .RunAsync();
        }

        private const string CacheA = "    public void A(IConfiguration c) { var x = c[{|#0:\"X\"|}]; var y = x; _s = y; }\n";
        private const string CacheB = "    public void B(IConfiguration c) { _s = c[\"Y\"]; }\n";
        private const string CacheRest = "    private string? _s;\n    private string? _t;\n    public void U() { _t = _s; if (_t is null) return; Console.WriteLine(_t.Length); }\n}\n";

        /// <summary>
        /// X reaches the guard through four stores, one more than are followed, and is reported; Y reaches it through
        /// two. The answer must not depend on which read is analyzed first.
        /// </summary>
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task How_far_a_value_is_followed_does_not_depend_on_the_order_of_the_code(bool xFirst)
        {
            await T(Svc() + Dep(Shop), App + "class C {\n" + (xFirst ? CacheA + CacheB : CacheB + CacheA) + CacheRest).Dockerfile(D, Net8)
                .Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(0))
                .RunAsync();
        }
    }
}
