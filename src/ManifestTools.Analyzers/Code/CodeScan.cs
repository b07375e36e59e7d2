using System.Linq;
using System.Threading;
using ManifestTools.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>
    /// What the whole program does about routes and addresses, which the findings in manifest files depend on. Only
    /// calls whose name could match are bound, so the scan costs a fraction of the compilation's own binding.
    /// </summary>
    internal sealed class CodeScan
    {
        private CodeScan(RouteTable routes, bool setsAddress)
        {
            Routes = routes;
            SetsAddress = setsAddress;
        }

        public RouteTable Routes { get; }

        /// <summary>True when the code sets an address, which replaces those of the environment.</summary>
        public bool SetsAddress { get; }

        public static CodeScan Run(Compilation compilation, RouteReads routeReads, ListenReads listenReads, CancellationToken cancellationToken)
        {
            var routes = new RouteTable();
            bool setsAddress = false;
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
                        if (route.Pattern == null)
                        {
                            routes.MarkIncomplete();
                        }
                        else
                        {
                            routes.Add(route.Pattern);
                        }
                    }

                    setsAddress |= listenReads.Read(invocation).Any();
                }
            }

            return new CodeScan(routes, setsAddress);
        }

        /// <summary>Whether the call's name is one the readers know; <c>Add</c> only as <c>….Urls.Add</c>, being so common.</summary>
        private static bool MayMatch(ExpressionSyntax expression)
        {
            string name = Name(expression);
            return name.StartsWith("Map", System.StringComparison.Ordinal) || name.StartsWith("Use", System.StringComparison.Ordinal) ||
                   name.StartsWith("Listen", System.StringComparison.Ordinal) || name == "Run" || name == "RunAsync" ||
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
