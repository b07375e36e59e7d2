using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ManifestTools.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>
    /// What the whole program does about routes, addresses and configuration sources, which findings in manifest files
    /// and at single calls depend on. Only calls whose name could match are bound, so the scan costs a fraction of the
    /// compilation's own binding.
    /// </summary>
    internal sealed class CodeScan
    {
        /// <summary>Configuration sources that the package passes the analyzer, or that are for development only.</summary>
        private static readonly HashSet<string> KnownSources = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "AddEnvironmentVariables", "AddCommandLine", "AddUserSecrets",
        };

        private CodeScan(RouteTable routes, IReadOnlyList<(HealthEndpoint Endpoint, Location Location)> health,
            IReadOnlyList<(CodeAddress Address, Location Location)> addresses, bool addsConfiguration)
        {
            Routes = routes;
            Health = health;
            Addresses = addresses;
            AddsConfiguration = addsConfiguration;
        }

        public RouteTable Routes { get; }

        /// <summary>The health endpoints the code maps, in the order of the compilation's files and of the code.</summary>
        public IReadOnlyList<(HealthEndpoint Endpoint, Location Location)> Health { get; }

        /// <summary>The addresses the code sets, which replace those of the environment.</summary>
        public IReadOnlyList<(CodeAddress Address, Location Location)> Addresses { get; }

        /// <summary>
        /// True when the code adds a configuration source the analyzer cannot read (AddKeyPerFile of a mounted Secret,
        /// AddJsonFile of a mounted ConfigMap, a vault): any configuration key may then have a value.
        /// </summary>
        public bool AddsConfiguration { get; }

        public static CodeScan Run(Compilation compilation, CodeSymbols symbols, RouteReads routeReads, ListenReads listenReads, CancellationToken cancellationToken)
        {
            bool addsConfiguration = false;
            var routes = new RouteTable();
            var health = new List<(HealthEndpoint, Location)>();
            var addresses = new List<(CodeAddress, Location)>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (!(node is InvocationExpressionSyntax call) || !MayMatch(call.Expression))
                    {
                        continue;
                    }

                    model ??= compilation.GetSemanticModel(tree);
                    if (!(model.GetOperation(call, cancellationToken) is IInvocationOperation invocation))
                    {
                        continue;
                    }

                    if (routeReads.Read(invocation) is { } route)
                    {
                        if (route.GrpcService != null)
                        {
                            routes.AddGrpcService(route.GrpcService, route.IsHealth);
                        }
                        else if (route.Pattern != null)
                        {
                            routes.Add(route.Pattern);
                        }
                        else
                        {
                            routes.MarkIncomplete();
                        }

                        if (route.IsHealth)
                        {
                            health.Add((new HealthEndpoint(route.GrpcService ?? route.Pattern!, route.GrpcService != null), route.Location));
                        }
                    }

                    addresses.AddRange(listenReads.Read(invocation).Select(listen => (new CodeAddress(listen.Ports), listen.Location)));
                    addsConfiguration |= IsUnknownConfigurationSource(invocation, symbols);
                }
            }

            return new CodeScan(routes, health, addresses, addsConfiguration);
        }

        /// <summary>An Add… of a configuration builder, other than the environment, the command line, user secrets and the project's appsettings files.</summary>
        private static bool IsUnknownConfigurationSource(IInvocationOperation invocation, CodeSymbols symbols)
        {
            var method = invocation.TargetMethod;
            if (!method.Name.StartsWith("Add", System.StringComparison.Ordinal) || KnownSources.Contains(method.Name) ||
                !symbols.IsConfigurationBuilder(method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType))
            {
                return false;
            }

            return !(method.Name == "AddJsonFile" && IsAppSettingsPath(OperationValues.Argument(invocation, "path")?.Value));
        }

        /// <summary><c>"appsettings.json"</c>, or <c>$"appsettings.{environment}.json"</c>: the files the targets pass.</summary>
        private static bool IsAppSettingsPath(IOperation? path)
        {
            if (path == null)
            {
                return false;
            }

            var text = OperationValues.ConstantString(path) ??
                       (OperationValues.Unwrap(path) is IInterpolatedStringOperation { Parts: { Length: > 0 } parts } && parts[0] is IInterpolatedStringTextOperation first
                           ? OperationValues.ConstantString(first.Text)
                           : null);
            return text != null && System.IO.Path.GetFileName(text).StartsWith("appsettings", System.StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Whether the call's name is one the readers know; <c>Add</c> only as <c>….Urls.Add</c>, being so common, and
        /// <c>Add…</c> for configuration sources and the JSON transcoding of gRPC services.
        /// </summary>
        private static bool MayMatch(ExpressionSyntax expression)
        {
            string name = Name(expression);
            return name.StartsWith("Map", System.StringComparison.Ordinal) || name.StartsWith("Use", System.StringComparison.Ordinal) ||
                   name.StartsWith("Listen", System.StringComparison.Ordinal) || name == "Run" || name == "RunAsync" ||
                   name.StartsWith("Add", System.StringComparison.Ordinal) ||
                   (name == "Add" && expression is MemberAccessExpressionSyntax member && Name(member.Expression) == "Urls");
        }

        private static string Name(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => "",
        };
    }
}
