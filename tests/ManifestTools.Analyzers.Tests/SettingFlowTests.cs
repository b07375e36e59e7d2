using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Test = ManifestTools.Analyzers.Tests.ManifestToolsAnalyzerTest<ManifestTools.Analyzers.ManifestAnalyzer>;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>
    /// MT3001 as real services read settings: into locals, fields and properties tested later; with values from
    /// appsettings (where JSON null is none), the Dockerfile, the SDK's container items and envFrom Secrets.
    /// </summary>
    public class SettingFlowTests
    {
        private const string ManifestPath = CartService.ManifestPath;

        private static readonly string Manifests = CartService.Deployment("""
                      envFrom:
                        - secretRef:
                            name: cart-db
                          prefix: DB_
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: cart-db
            data:
              PASSWORD: c2VjcmV0
            """);

        private const string Usings = """
            using System;
            using Microsoft.Extensions.Configuration;

            """;

        private static Test Cart(string code) => new Test()
            .Property("ManifestServiceName", "cart")
            .Manifest(ManifestPath, Manifests)
            .Source(Usings + code);

        [Fact]
        public async Task Reads_kept_in_locals_and_tested_later_are_optional()
        {
            await Cart("""
                class Startup
                {
                    public Startup(IConfiguration configuration) => Configuration = configuration;

                    public IConfiguration Configuration { get; }

                    public string Store()
                    {
                        string redisAddress = Configuration["REDIS_ADDR"];
                        string spannerProjectId = Configuration["SPANNER_PROJECT"];
                        string spannerConnectionString = Configuration["SPANNER_CONNECTION_STRING"];
                        string alloyDBConnectionString = Configuration["ALLOYDB_PRIMARY_IP"];
                        var timeout = Configuration["TIMEOUT"];
                        var region = Configuration["REGION"];
                        region ??= "us";
                        if (!string.IsNullOrEmpty(redisAddress))
                        {
                            return "redis " + redisAddress;
                        }
                        else if (!string.IsNullOrEmpty(spannerProjectId) || !string.IsNullOrEmpty(spannerConnectionString))
                        {
                            return "spanner";
                        }
                        else if (alloyDBConnectionString is { Length: > 0 })
                        {
                            return "alloydb";
                        }

                        return int.TryParse(timeout, out var seconds) ? region + seconds : region;
                    }
                }
                """).RunAsync();
        }

        [Fact]
        public async Task Fields_and_properties_of_the_type_are_followed_to_their_tests()
        {
            await Cart("""
                class Settings
                {
                    private readonly string? _seq;
                    private string? Token { get; }
                    private string? Region => _configuration["REGION"];
                    private readonly IConfiguration _configuration;

                    public Settings(IConfiguration configuration)
                    {
                        _configuration = configuration;
                        _seq = configuration["Serilog:SeqServerUrl"];
                        Token = Environment.GetEnvironmentVariable("API_TOKEN");
                    }

                    public string Describe() => (_seq == null ? "console" : _seq) + (this.Token?.Length ?? 0) + (Region ?? "none");
                }
                """).RunAsync();
        }

        [Fact]
        public async Task A_value_used_unguarded_is_reported_at_its_read()
        {
            await Cart("""
                class Logging
                {
                    public static Uri Seq(IConfiguration configuration)
                    {
                        var seqServerUrl = configuration[{|#0:"Serilog:SeqServerUrl"|}];
                        var copy = seqServerUrl;
                        return new Uri(copy!);
                    }
                }
                """)
                .Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(0))
                .RunAsync();
        }

        [Fact]
        public async Task A_json_null_is_no_value_and_an_empty_string_is_one()
        {
            const string code = """
                class Logging
                {
                    public static Uri Seq(IConfiguration configuration) => new Uri(configuration[{|#0:"Serilog:SeqServerUrl"|}]!);
                    public static string Prefix(IConfiguration configuration) => configuration["Serilog:Prefix"]!.Trim();
                }
                """;
            await Cart(code)
                .AppSettings("/src/Cart/appsettings.json", """{ "Serilog": { "SeqServerUrl": null, "Prefix": "" } }""")
                .Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(0)
                    .WithMessage("the code reads configuration key Serilog:SeqServerUrl, but no container of Deployment default/cart sets Serilog__SeqServerUrl and no appsettings*.json gives it a value; set Serilog__SeqServerUrl in the env of the containers in /src/Cart/k8s/cart.yaml, or give it a value in appsettings.json"))
                .RunAsync();
        }

        [Fact]
        public async Task Variables_of_the_image_and_of_envFrom_Secrets_are_set()
        {
            const string code = """
                class Settings
                {
                    public static string Read() =>
                        Environment.GetEnvironmentVariable("DB_PASSWORD")!.Trim() + Environment.GetEnvironmentVariable("STORE")!.Trim() +
                        Environment.GetEnvironmentVariable({|#0:"OTHER"|})!.Trim();
                }
                """;
            await Cart(code)
                .Dockerfile("/src/Cart/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV STORE=redis\n")
                .Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(0))
                .RunAsync();
            await Cart(code)
                .Property("_ManifestToolsSdkContainer", "true")
                .Property("_ManifestToolsTargetFramework", "net10.0")
                .Property("_ManifestToolsContainerEnvironment", "STORE=redis")
                .Expect(new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(0))
                .RunAsync();
        }

        [Fact]
        public async Task An_options_class_validated_with_data_annotations_needs_its_required_keys_only()
        {
            await Cart("""
                using System.ComponentModel.DataAnnotations;
                using Microsoft.Extensions.DependencyInjection;

                class SeqOptions
                {
                    [Required] public string ServerUrl { get; set; } = "";
                    public string ApiKey { get; set; } = "";
                    [Required, ConfigurationKeyName("Level")] public string MinimumLevel { get; set; } = "";
                }

                class PoolOptions { public int Size { get; set; } = 4; }

                static class Setup
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddOptions<SeqOptions>().BindConfiguration({|#0:"Seq"|}).ValidateDataAnnotations().ValidateOnStart();
                        services.AddOptions<PoolOptions>().ValidateDataAnnotations().BindConfiguration("Pool");
                        services.AddOptions<SeqOptions>().BindConfiguration({|#1:"Unvalidated"|});
                    }
                }
                """)
                .AppSettings("/src/Cart/appsettings.json", """{ "Seq": { "Level": "Information" } }""")
                .Expect(
                    new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(0)
                        .WithMessage("the code reads configuration key Seq:ServerUrl, but no container of Deployment default/cart sets Seq__ServerUrl and no appsettings*.json gives it a value; set Seq__ServerUrl in the env of the containers in /src/Cart/k8s/cart.yaml, or give it a value in appsettings.json"),
                    new DiagnosticResult("MT3001", DiagnosticSeverity.Warning).WithLocation(1))
                .RunAsync();
        }
    }
}
