using System.Collections.Generic;
using System.Linq;
using ManifestTools.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static ManifestTools.Analyzers.Code.OperationValues;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>
    /// The GET routes the code maps (MapGet, Map, MapMethods, MapHealthChecks, UseHealthChecks, with MapGroup prefixes,
    /// on the app or on the builder of UseEndpoints), its gRPC services, and the calls after which it may serve paths no
    /// one can list (controllers, pages, fallbacks, middleware, JSON transcoding).
    /// </summary>
    internal sealed class RouteReads
    {
        private const int MaxGroupDepth = 16;
        private static readonly HashSet<string> GetRoutes = new HashSet<string> { "MapGet", "Map", "MapMethods" };
        private static readonly HashSet<string> OtherMethods = new HashSet<string> { "MapPost", "MapPut", "MapDelete", "MapPatch", "MapGroup" };

        /// <summary>Middleware of other libraries, so common that it matters, that is known to answer no request itself.</summary>
        private static readonly HashSet<(string Assembly, string Method)> QuietMiddleware = new HashSet<(string, string)>
        {
            ("Serilog.AspNetCore", "UseSerilogRequestLogging"),
        };

        private readonly CodeSymbols _symbols;

        public RouteReads(CodeSymbols symbols) => _symbols = symbols;

        /// <summary>
        /// The route of a call. One mapped only under a condition (the Aspire template maps /health and /alive only in
        /// development) may be missing in the cluster: the routes are then not all known, and it is no health endpoint
        /// to probe.
        /// </summary>
        public RouteFact? Read(IInvocationOperation invocation)
        {
            var route = ReadOne(invocation);
            return route != null && !route.IsOpaque && !Reachability.IsUnconditional(invocation) ? Opaque(invocation) : route;
        }

        private RouteFact? ReadOne(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (CodeSymbols.Is(method.ContainingType, _symbols.EndpointRouteBuilderExtensions))
            {
                return GetRoutes.Contains(method.Name) ? Route(invocation, "pattern", health: false)
                    : OtherMethods.Contains(method.Name) ? null
                    : Opaque(invocation);
            }

            if (CodeSymbols.Is(method.ContainingType, _symbols.HealthCheckEndpoints) && method.Name == "MapHealthChecks")
            {
                return Route(invocation, "pattern", health: true);
            }

            if (CodeSymbols.Is(method.ContainingType, _symbols.HealthCheckMiddleware) && method.Name == "UseHealthChecks")
            {
                var path = Argument(invocation, "path");
                var text = ConstantString(path?.Value);
                return new RouteFact(text, text != null, (path?.Value ?? invocation).Syntax.GetLocation());
            }

            bool mapsEndpoints = method.IsExtensionMethod && method.Name.StartsWith("Map", System.StringComparison.Ordinal) &&
                                 method.Parameters.Length > 0 && _symbols.IsEndpointRouteBuilder(method.Parameters[0].Type);
            if (mapsEndpoints && Grpc(invocation) is { } grpc)
            {
                return grpc;
            }

            // JSON transcoding turns gRPC methods into HTTP routes that the code does not list.
            if (method.Name == "AddJsonTranscoding" || method.Name == "AddGrpcHttpApi")
            {
                return Opaque(invocation);
            }

            bool opaqueMiddleware = _symbols.OpaqueMiddleware.Any(t => CodeSymbols.Is(method.ContainingType, t)) ||
                                    (method.Name == "Use" && CodeSymbols.Is(method.ContainingType, _symbols.ApplicationBuilder));
            return mapsEndpoints || opaqueMiddleware || IsForeignPipelineExtension(method) ? Opaque(invocation) : null;
        }

        /// <summary>
        /// An extension of the request pipeline from outside ASP.NET Core (<c>app.UseServiceDefaults()</c>,
        /// <c>app.UseFastEndpoints()</c>, a helper of the project): it may map or serve any path.
        /// </summary>
        private bool IsForeignPipelineExtension(IMethodSymbol method)
        {
            // The name first: this runs for every call of the program.
            if (!(method.Name.StartsWith("Use", System.StringComparison.Ordinal) || method.Name.StartsWith("Map", System.StringComparison.Ordinal)) ||
                !method.IsExtensionMethod || method.Parameters.Length == 0 || method.ContainingAssembly?.Name.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal) != false ||
                QuietMiddleware.Contains((method.ContainingAssembly.Name, method.Name)))
            {
                return false;
            }

            var receiver = method.Parameters[0].Type;
            return _symbols.IsEndpointRouteBuilder(receiver) || IsWebApplication(receiver) ||
                   CodeSymbols.Is(receiver, _symbols.ApplicationBuilder) || receiver.AllInterfaces.Any(i => CodeSymbols.Is(i, _symbols.ApplicationBuilder));
        }

        /// <summary>
        /// MapGrpcService&lt;T&gt;, MapGrpcHealthChecksService and MapGrpcReflectionService of Grpc.AspNetCore. A service
        /// of grpc.health.v1.Health (derived from Health.HealthBase) is the gRPC health service; a name says nothing.
        /// </summary>
        private static RouteFact? Grpc(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "MapGrpcService" when method.TypeArguments.Length == 1:
                    var service = method.TypeArguments[0];
                    return new RouteFact(null, IsGrpcHealth(service), invocation.Syntax.GetLocation(), service.Name);
                case "MapGrpcHealthChecksService":
                    return new RouteFact(null, true, invocation.Syntax.GetLocation(), "Health");
                case "MapGrpcReflectionService":
                    return new RouteFact(null, false, invocation.Syntax.GetLocation(), "ServerReflection");
                default:
                    return null;
            }
        }

        private static bool IsGrpcHealth(ITypeSymbol service)
        {
            for (var type = service; type != null; type = type.BaseType)
            {
                if (type.Name == "HealthBase" && type.ContainingType?.Name == "Health" && type.ContainingNamespace?.ToDisplayString() == "Grpc.Health.V1")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A call after which the code may serve paths no one can list; its location is made only then, as Read sees every call.</summary>
        private static RouteFact Opaque(IInvocationOperation invocation) => new RouteFact(null, false, invocation.Syntax.GetLocation());

        private RouteFact Route(IInvocationOperation invocation, string parameter, bool health)
        {
            var pattern = Argument(invocation, parameter);
            var location = (pattern?.Value ?? invocation).Syntax.GetLocation();
            var prefix = GroupPrefix(Receiver(invocation), 0);
            var text = ConstantString(pattern?.Value);
            if (prefix == null || text == null)
            {
                return new RouteFact(null, false, location);
            }

            var path = Join(prefix, text);
            return new RouteFact(path, health || RouteTable.IsHealthPath(path), location);
        }

        /// <summary>"" for the app itself, "/api" for <c>app.MapGroup("/api")</c>, null when the group is not known.</summary>
        private string? GroupPrefix(IOperation? receiver, int depth)
        {
            if (receiver == null || depth > MaxGroupDepth)
            {
                return null;
            }

            var operation = Unwrap(receiver);
            if (IsWebApplication(operation.Type))
            {
                return "";
            }

            if (operation is IParameterReferenceOperation parameter && IsUseEndpointsBuilder(parameter))
            {
                return "";
            }

            if (!CodeSymbols.Is(operation.Type, _symbols.RouteGroupBuilder))
            {
                return null; // Some other IEndpointRouteBuilder, such as a helper's parameter, may be a group.
            }

            if (operation is ILocalReferenceOperation local)
            {
                var initializer = Initializer(local);
                return initializer == null ? null : GroupPrefix(initializer, depth + 1);
            }

            if (operation is IInvocationOperation invocation)
            {
                var parent = GroupPrefix(Receiver(invocation), depth + 1);
                if (invocation.TargetMethod.Name != "MapGroup")
                {
                    return parent; // A convention such as WithTags returns the group it was called on.
                }

                var prefix = ConstantString(Argument(invocation, "prefix")?.Value);
                return parent == null || prefix == null ? null : Join(parent, prefix);
            }

            return null;
        }

        /// <summary>The parameter of the lambda given to <c>app.UseEndpoints(endpoints => …)</c>, which has no prefix.</summary>
        private bool IsUseEndpointsBuilder(IParameterReferenceOperation reference)
        {
            if (!(reference.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda))
            {
                return false;
            }

            for (var operation = reference.Parent; operation != null; operation = operation.Parent)
            {
                if (operation is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                {
                    var outer = function.Parent is IDelegateCreationOperation creation ? creation.Parent : function.Parent;
                    return outer is IArgumentOperation { Parent: IInvocationOperation call } &&
                           call.TargetMethod.Name == "UseEndpoints" &&
                           CodeSymbols.Is(call.TargetMethod.ContainingType, _symbols.EndpointRoutingApplicationBuilder);
                }
            }

            return false;
        }

        private bool IsWebApplication(ITypeSymbol? type)
        {
            for (; type != null; type = type.BaseType)
            {
                if (CodeSymbols.Is(type, _symbols.WebApplication))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Join(string prefix, string pattern) => prefix.TrimEnd('/') + "/" + pattern.TrimStart('/');
    }
}
