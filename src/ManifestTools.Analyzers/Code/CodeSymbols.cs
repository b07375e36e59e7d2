using System.Linq;
using Microsoft.CodeAnalysis;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>
    /// The framework types whose members read settings, set addresses or map routes, resolved once per compilation.
    /// A project that does not reference ASP.NET Core or Microsoft.Extensions.Configuration simply has nulls here.
    /// </summary>
    internal sealed class CodeSymbols
    {
        private CodeSymbols(Compilation compilation)
        {
            INamedTypeSymbol? Type(string name) => compilation.GetTypeByMetadataName(name);
            Environment = Type("System.Environment");
            Configuration = Type("Microsoft.Extensions.Configuration.IConfiguration");
            ConfigurationSection = Type("Microsoft.Extensions.Configuration.IConfigurationSection");
            ConfigurationBuilder = Type("Microsoft.Extensions.Configuration.IConfigurationBuilder");
            ConfigurationBinder = Type("Microsoft.Extensions.Configuration.ConfigurationBinder");
            ConfigurationExtensions = Type("Microsoft.Extensions.Configuration.ConfigurationExtensions");
            OptionsBuilderConfiguration = Type("Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions");
            WebHostBuilderExtensions = Type("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions");
            WebApplication = Type("Microsoft.AspNetCore.Builder.WebApplication");
            KestrelServerOptions = Type("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions");
            EndpointRouteBuilder = Type("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            EndpointRouteBuilderExtensions = Type("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            RouteGroupBuilder = Type("Microsoft.AspNetCore.Routing.RouteGroupBuilder");
            HealthCheckEndpoints = Type("Microsoft.AspNetCore.Builder.HealthCheckEndpointRouteBuilderExtensions");
            HealthCheckMiddleware = Type("Microsoft.AspNetCore.Builder.HealthCheckApplicationBuilderExtensions");
            ApplicationBuilder = Type("Microsoft.AspNetCore.Builder.IApplicationBuilder");
            EndpointRoutingApplicationBuilder = Type("Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions");
            // Middleware that may answer any path, so that the routes the code maps are not all it serves.
            OpaqueMiddleware = new[]
            {
                "Microsoft.AspNetCore.Builder.UseExtensions", "Microsoft.AspNetCore.Builder.RunExtensions",
                "Microsoft.AspNetCore.Builder.UseMiddlewareExtensions", "Microsoft.AspNetCore.Builder.MapExtensions",
                "Microsoft.AspNetCore.Builder.MapWhenExtensions", "Microsoft.AspNetCore.Builder.UseWhenExtensions",
                "Microsoft.AspNetCore.Builder.StaticFileExtensions", "Microsoft.AspNetCore.Builder.FileServerExtensions",
                "Microsoft.AspNetCore.Builder.SpaApplicationBuilderExtensions",
                // A path base or a rewrite makes the request paths differ from the patterns the code maps.
                "Microsoft.AspNetCore.Builder.UsePathBaseExtensions", "Microsoft.AspNetCore.Builder.RewriteBuilderExtensions",
                // Routing that is not endpoint routing: MVC's own, and a RouteBuilder's.
                "Microsoft.AspNetCore.Builder.MvcApplicationBuilderExtensions", "Microsoft.AspNetCore.Builder.RoutingBuilderExtensions",
            }.Select(Type).Where(t => t != null).Select(t => t!).ToArray();
        }

        public INamedTypeSymbol? Environment { get; }
        public INamedTypeSymbol? Configuration { get; }
        public INamedTypeSymbol? ConfigurationSection { get; }
        public INamedTypeSymbol? ConfigurationBuilder { get; }
        public INamedTypeSymbol? ConfigurationBinder { get; }
        public INamedTypeSymbol? ConfigurationExtensions { get; }
        public INamedTypeSymbol? OptionsBuilderConfiguration { get; }
        public INamedTypeSymbol? WebHostBuilderExtensions { get; }
        public INamedTypeSymbol? WebApplication { get; }
        public INamedTypeSymbol? KestrelServerOptions { get; }
        public INamedTypeSymbol? EndpointRouteBuilder { get; }
        public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }
        public INamedTypeSymbol? RouteGroupBuilder { get; }
        public INamedTypeSymbol? HealthCheckEndpoints { get; }
        public INamedTypeSymbol? HealthCheckMiddleware { get; }
        public INamedTypeSymbol? ApplicationBuilder { get; }
        public INamedTypeSymbol? EndpointRoutingApplicationBuilder { get; }
        public INamedTypeSymbol[] OpaqueMiddleware { get; }

        public static CodeSymbols Resolve(Compilation compilation) => new CodeSymbols(compilation);

        /// <summary>True when the program references ASP.NET Core's hosting, so that it can listen at all.</summary>
        public bool IsAspNetCore => WebHostBuilderExtensions != null;

        /// <summary>True for IConfiguration and every type that implements it (sections, ConfigurationManager).</summary>
        public bool IsConfiguration(ITypeSymbol? type) =>
            Configuration != null && type != null &&
            (Is(type, Configuration) || type.AllInterfaces.Any(i => Is(i, Configuration)));

        /// <summary>True for IConfigurationBuilder and what implements it (ConfigurationManager, builder.Configuration).</summary>
        public bool IsConfigurationBuilder(ITypeSymbol? type) =>
            ConfigurationBuilder != null && type != null &&
            (Is(type, ConfigurationBuilder) || type.AllInterfaces.Any(i => Is(i, ConfigurationBuilder)));

        public bool IsEndpointRouteBuilder(ITypeSymbol? type) =>
            EndpointRouteBuilder != null && type != null &&
            (Is(type, EndpointRouteBuilder) || type.AllInterfaces.Any(i => Is(i, EndpointRouteBuilder)));

        public static bool Is(ISymbol? symbol, ISymbol? expected) =>
            symbol != null && expected != null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, expected);
    }
}
