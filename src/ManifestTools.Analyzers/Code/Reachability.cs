using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>
    /// Whether code runs in every start of the program, so that what it sets is known in the cluster: not under a
    /// condition, a loop or an <c>#if</c>, and in a method that the program calls that way. A method the source never
    /// calls is taken to be called by the framework (Startup.Configure, a delegate), as it would be dead code otherwise.
    /// </summary>
    internal sealed class Reachability
    {
        /// <summary>How many calls up the code is followed: a helper of a helper of Main is two.</summary>
        private const int MaxCallDepth = 2;

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), bool> _methods =
            new ConcurrentDictionary<(IMethodSymbol, int), bool>();

        public Reachability(Compilation compilation) => _compilation = compilation;

        /// <summary>True when the operation runs whenever the code around it in its member runs.</summary>
        public static bool IsUnconditional(IOperation operation) => !IsConditional(operation) && !InConditionalDirective(operation.Syntax);

        /// <summary>True when the operation runs in every start of the program.</summary>
        public bool AlwaysRuns(IOperation operation) => AlwaysRuns(operation, 0);

        private bool AlwaysRuns(IOperation operation, int depth)
        {
            if (!IsUnconditional(operation) || !(Member(operation) is { } member))
            {
                return false;
            }

            return _methods.GetOrAdd((member, depth), key =>
            {
                var calls = Calls(key.Method).ToList();
                return calls.Count == 0 || (key.Depth < MaxCallDepth && calls.All(call => AlwaysRuns(call, key.Depth + 1)));
            });
        }

        /// <summary>The method whose body holds the operation, through lambdas and local functions, which run with it.</summary>
        private static IMethodSymbol? Member(IOperation operation)
        {
            var symbol = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } inner)
            {
                symbol = inner.ContainingSymbol;
            }

            return symbol as IMethodSymbol;
        }

        private IOperation[] Calls(IMethodSymbol method) => _compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(call => Name(call.Expression) == method.Name)
                .Select(call => (Tree: tree, Call: call)))
            .Select(c => _compilation.GetSemanticModel(c.Tree).GetOperation(c.Call))
            .OfType<IInvocationOperation>()
            .Where(call => SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition))
            .ToArray<IOperation>();

        private static string Name(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => "",
        };

        private static bool IsConditional(IOperation operation)
        {
            for (var child = operation; child.Parent is { } parent; child = parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition != child:
                    case ICoalesceOperation coalesce when coalesce.WhenNull == child:
                    case IConditionalAccessOperation access when access.WhenNotNull == child:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary when binary.RightOperand == child:
                    case ISwitchCaseOperation _:
                    case ISwitchExpressionArmOperation _:
                    case ILoopOperation _:
                    case ICatchClauseOperation _:
                        return true;
                }
            }

            return false;
        }

        /// <summary>Inside <c>#if DEBUG … #endif</c>: compiled in one configuration, perhaps not in the one deployed.</summary>
        private static bool InConditionalDirective(SyntaxNode node)
        {
            int position = node.SpanStart;
            for (var directive = ((CSharpSyntaxNode)node.SyntaxTree.GetRoot()).GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
            {
                if (directive.SpanStart >= position)
                {
                    break;
                }

                if (directive is IfDirectiveTriviaSyntax && directive.GetRelatedDirectives().LastOrDefault() is { } end && end.SpanStart > position)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
