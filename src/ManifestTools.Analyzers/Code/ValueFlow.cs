using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static ManifestTools.Analyzers.Code.OperationValues;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>
    /// Where the code reads a value it stored: the uses of a local in its member's body, and of a field or property in
    /// the declarations of its type. Found through the semantic model, so that a same-named member elsewhere is not one.
    /// </summary>
    internal sealed class ValueFlow
    {
        private readonly Compilation _compilation;

        // The reads of every local of a body, by the body, gathered in one walk: a program with thousands of stored
        // settings must not walk its body once per setting.
        private readonly ConcurrentDictionary<SyntaxNode, ILookup<ISymbol, IOperation>> _localReads =
            new ConcurrentDictionary<SyntaxNode, ILookup<ISymbol, IOperation>>();

        public ValueFlow(Compilation compilation) => _compilation = compilation;

        /// <summary>The reads of <paramref name="symbol"/>; <paramref name="store"/> is an operation of the member that stores to it.</summary>
        public IEnumerable<IOperation> Uses(ISymbol symbol, IOperation store)
        {
            if (symbol is ILocalSymbol local)
            {
                var root = Root(store);
                return _localReads.GetOrAdd(root.Syntax, _ => root.Descendants()
                    .OfType<ILocalReferenceOperation>()
                    .Where(r => !IsWritten(r))
                    .ToLookup(r => (ISymbol)r.Local, r => (IOperation)r, SymbolEqualityComparer.Default))[local];
            }

            return MemberUses(symbol);
        }

        private IEnumerable<IOperation> MemberUses(ISymbol member)
        {
            foreach (var declaration in member.ContainingType.DeclaringSyntaxReferences)
            {
                var tree = declaration.SyntaxTree;
                if (!_compilation.ContainsSyntaxTree(tree))
                {
                    continue;
                }

                var model = _compilation.GetSemanticModel(tree);
                foreach (var name in declaration.GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (name.Identifier.ValueText != member.Name)
                    {
                        continue;
                    }

                    // this.Url: the reference is the member access, not its name.
                    SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                    var operation = model.GetOperation(node);
                    var referenced = operation switch
                    {
                        IFieldReferenceOperation field => field.Field,
                        IPropertyReferenceOperation property => property.Property,
                        _ => (ISymbol?)null,
                    };
                    if (referenced != null && SymbolEqualityComparer.Default.Equals(referenced.OriginalDefinition, member.OriginalDefinition) && !IsWritten(operation!))
                    {
                        yield return operation!;
                    }
                }
            }
        }

        /// <summary>An assignment replaces the value; <c>??=</c> is a use, which gives it a fallback.</summary>
        private static bool IsWritten(IOperation reference) =>
            reference.Parent is IAssignmentOperation assignment && !(assignment is ICoalesceAssignmentOperation) && assignment.Target == reference;
    }
}
