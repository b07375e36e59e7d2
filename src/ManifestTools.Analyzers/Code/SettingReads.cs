using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static ManifestTools.Analyzers.Code.OperationValues;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>Reads of environment variables and configuration keys with constant names.</summary>
    internal sealed class SettingReads
    {
        private const int MaxSectionDepth = 16;

        /// <summary>How many stores a value is followed through: <c>var a = read; var b = a;</c> is two.</summary>
        private const int MaxFlowDepth = 3;

        private readonly CodeSymbols _symbols;
        private readonly ValueFlow _flow;

        // Operation actions run concurrently; each stored-to symbol's uses are looked at once for each depth they are
        // reached at, so that the answer is the same whichever read is analyzed first.
        private readonly ConcurrentDictionary<(ISymbol Symbol, int Depth), bool> _guardedSymbols =
            new ConcurrentDictionary<(ISymbol, int), bool>(new StoreComparer());

        // The sections each member tests with Exists(), by the member's body.
        private readonly ConcurrentDictionary<SyntaxNode, List<string>> _existenceTests = new ConcurrentDictionary<SyntaxNode, List<string>>();

        public SettingReads(CodeSymbols symbols, Compilation compilation)
        {
            _symbols = symbols;
            _flow = new ValueFlow(compilation);
        }

        /// <summary>
        /// The reads of a call. An options class bound with BindConfiguration (or Bind) and validated with its data annotations
        /// (ValidateDataAnnotations) reads the keys of its [Required] properties, each of which must be set, and
        /// needs nothing else: its other properties keep their defaults.
        /// </summary>
        public IEnumerable<SettingFact> Read(IInvocationOperation invocation)
        {
            var fact = ReadOne(invocation);
            if (fact == null)
            {
                return Enumerable.Empty<SettingFact>();
            }

            // The OptionsBuilder call that binds the section: BindConfiguration("A") itself, or Bind(GetSection("A")).
            var bind = invocation.TargetMethod.Name == "BindConfiguration" ? invocation
                : Outermost(invocation).Parent is IArgumentOperation { Parent: IInvocationOperation consumer } &&
                  consumer.TargetMethod.Name == "Bind" && CodeSymbols.Is(consumer.TargetMethod.ContainingType, _symbols.OptionsBuilderConfiguration) ? consumer
                : null;
            if (fact.Read.Kind != SettingKind.ConfigurationSection || bind == null || bind.TargetMethod.TypeArguments.Length != 1 || !IsValidatedWithAnnotations(bind))
            {
                return new[] { fact };
            }

            return RequiredKeys(bind.TargetMethod.TypeArguments[0])
                .Select(key => new SettingFact(new SettingRead(SettingKind.ConfigurationKey, fact.Read.Name + ":" + key), false, fact.Location))
                .ToList();
        }

        private SettingFact? ReadOne(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (CodeSymbols.Is(method.ContainingType, _symbols.Environment) && method.Name == "GetEnvironmentVariable")
            {
                return Fact(SettingKind.EnvironmentVariable, "", Argument(invocation, "variable"), invocation, hasDefault: false);
            }

            if (CodeSymbols.Is(method.ContainingType, _symbols.ConfigurationBinder) && method.Name == "GetValue")
            {
                // GetValue<int>("A") of a missing key is 0, never null: a default the code chose by its type.
                bool valueType = method.TypeArguments.Length == 1 && method.TypeArguments[0] is { IsValueType: true } type &&
                                 type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
                return Fact(SettingKind.ConfigurationKey, SectionPath(Receiver(invocation), 0), Argument(invocation, "key"), invocation,
                    hasDefault: Argument(invocation, "defaultValue") != null || valueType);
            }

            if (CodeSymbols.Is(method.ContainingType, _symbols.ConfigurationExtensions) && method.Name == "GetConnectionString")
            {
                string? path = SectionPath(Receiver(invocation), 0);
                // On the root, the key is ConnectionStrings:<name>; on a section, that section's ConnectionStrings.
                return path == ""
                    ? Fact(SettingKind.ConnectionString, "", Argument(invocation, "name"), invocation, hasDefault: false)
                    : Fact(SettingKind.ConfigurationKey, path == null ? null : path + ":ConnectionStrings", Argument(invocation, "name"), invocation, hasDefault: false);
            }

            if (CodeSymbols.Is(method.ContainingType, _symbols.OptionsBuilderConfiguration) && method.Name == "BindConfiguration")
            {
                return Fact(SettingKind.ConfigurationSection, "", Argument(invocation, "configSectionPath"), invocation, hasDefault: false);
            }

            if (IsSectionCall(invocation) && IsUsedAsSection(invocation))
            {
                return Fact(SettingKind.ConfigurationSection, SectionPath(Receiver(invocation), 0), Argument(invocation, "key"), invocation, hasDefault: false);
            }

            return null;
        }

        /// <summary>
        /// The indexer of IConfiguration (<c>configuration["A:B"]</c>) and a section's Value (<c>GetSection("A").Value</c>),
        /// when they are read, not assigned.
        /// </summary>
        public SettingFact? Read(IPropertyReferenceOperation reference)
        {
            // The name test first: this runs for every property read of the program.
            if (!(reference.Property.IsIndexer || reference.Property.Name == "Value") ||
                !_symbols.IsConfiguration(reference.Property.ContainingType) ||
                (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference))
            {
                return null;
            }

            if (reference.Property.IsIndexer && reference.Arguments.Length == 1)
            {
                return Fact(SettingKind.ConfigurationKey, SectionPath(reference.Instance, 0), reference.Arguments[0], reference, hasDefault: false);
            }

            if (reference.Property.Name == "Value" && SectionPath(reference.Instance, 0) is { Length: > 0 } key)
            {
                var setting = new SettingRead(SettingKind.ConfigurationKey, key);
                return new SettingFact(setting, HasFallback(reference) || IsTestedForExistence(reference, setting), reference.Syntax.GetLocation());
            }

            return null;
        }

        private SettingFact? Fact(SettingKind kind, string? prefix, IArgumentOperation? argument, IOperation read, bool hasDefault)
        {
            string? name = ConstantString(argument?.Value);
            if (prefix == null || string.IsNullOrEmpty(name))
            {
                return null;
            }

            var fullName = prefix.Length == 0 ? name! : prefix + ":" + name;
            var setting = new SettingRead(kind, fullName);
            return new SettingFact(setting, hasDefault || HasFallback(read) || IsTestedForExistence(read, setting), argument!.Value.Syntax.GetLocation());
        }

        /// <summary>
        /// The member tests the key's section, or the key itself, with <c>Exists()</c> (<c>if
        /// (configuration.GetSection("Cache").Exists()) …</c>): the code expects it to be missing.
        /// </summary>
        private bool IsTestedForExistence(IOperation read, SettingRead setting)
        {
            if (setting.Kind == SettingKind.EnvironmentVariable)
            {
                return false;
            }

            var root = Root(read);
            var tested = _existenceTests.GetOrAdd(root.Syntax, _ => root.Descendants()
                .OfType<IInvocationOperation>()
                .Where(call => call.TargetMethod.Name == "Exists" && CodeSymbols.Is(call.TargetMethod.ContainingType, _symbols.ConfigurationExtensions))
                .Select(call => SectionPath(Receiver(call), 0))
                .Where(path => !string.IsNullOrEmpty(path))
                .Select(path => path!)
                .ToList());
            string key = setting.Key;
            return tested.Any(path => string.Equals(key, path, System.StringComparison.OrdinalIgnoreCase) || ConfigurationKeys.IsUnder(key, path));
        }

        /// <summary>ValidateDataAnnotations anywhere in the fluent chain of the OptionsBuilder, before or after the call.</summary>
        private static bool IsValidatedWithAnnotations(IInvocationOperation bind)
        {
            for (var below = Receiver(bind); below != null && Unwrap(below) is IInvocationOperation call; below = Receiver(call))
            {
                if (call.TargetMethod.Name == "ValidateDataAnnotations")
                {
                    return true;
                }
            }

            for (IOperation above = bind; Outermost(above).Parent is IArgumentOperation { Parent: IInvocationOperation next } && Receiver(next) == Outermost(above); above = next)
            {
                if (next.TargetMethod.Name == "ValidateDataAnnotations")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The configuration keys of the [Required] properties of an options class that fail validation when unset, by
        /// their ConfigurationKeyName if they have one.
        /// </summary>
        private static IEnumerable<string> RequiredKeys(ITypeSymbol options)
        {
            var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            for (var type = options; type != null; type = type.BaseType)
            {
                foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    // [Required] passes on a value type, and on a property whose initializer gives it a value.
                    var attributes = property.GetAttributes();
                    if (!attributes.Any(a => IsAttribute(a, "System.ComponentModel.DataAnnotations", "RequiredAttribute")) ||
                        (property.Type.IsValueType && property.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T) ||
                        property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { Initializer: { } initializer } && GivesAValue(initializer.Value)))
                    {
                        continue;
                    }

                    var named = attributes.FirstOrDefault(a => IsAttribute(a, "Microsoft.Extensions.Configuration", "ConfigurationKeyNameAttribute"));
                    var key = named?.ConstructorArguments.FirstOrDefault().Value as string ?? property.Name;
                    if (seen.Add(key))
                    {
                        yield return key;
                    }
                }
            }
        }

        /// <summary>An initializer other than null, "" or string.Empty, which [Required] rejects as it does an unset value.</summary>
        private static bool GivesAValue(ExpressionSyntax value)
        {
            while (value is PostfixUnaryExpressionSyntax { Operand: var operand })
            {
                value = operand; // null! and default!
            }

            return value switch
            {
                LiteralExpressionSyntax literal => !(literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression) ||
                                                     (literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length == 0)),
                MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "Empty" } }, Expression: var type } =>
                    !(type is PredefinedTypeSyntax || (type is IdentifierNameSyntax { Identifier: { ValueText: "String" } })),
                _ => true,
            };
        }

        private static bool IsAttribute(AttributeData attribute, string ns, string name) =>
            attribute.AttributeClass?.Name == name && attribute.AttributeClass.ContainingNamespace?.ToDisplayString() == ns;

        private bool IsSectionCall(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            return (method.Name == "GetSection" && _symbols.IsConfiguration(method.ContainingType)) ||
                   (method.Name == "GetRequiredSection" && CodeSymbols.Is(method.ContainingType, _symbols.ConfigurationExtensions));
        }

        /// <summary>
        /// A section is read when it is bound or handed on (<c>Configure&lt;T&gt;(section)</c>, <c>.Get&lt;T&gt;()</c>);
        /// one that is navigated further, tested with Exists or kept in a variable is reported where its keys are read.
        /// </summary>
        private bool IsUsedAsSection(IInvocationOperation invocation)
        {
            if (!(Outermost(invocation).Parent is IArgumentOperation argument) || !(argument.Parent is IInvocationOperation consumer))
            {
                return false;
            }

            var method = consumer.TargetMethod;
            bool navigates = _symbols.IsConfiguration(method.ContainingType) ||
                             CodeSymbols.Is(method.ContainingType, _symbols.ConfigurationExtensions) ||
                             (CodeSymbols.Is(method.ContainingType, _symbols.ConfigurationBinder) && method.Name == "GetValue");
            return !navigates;
        }

        /// <summary>"" for the root configuration, "A:B" for <c>GetSection("A").GetSection("B")</c>, null when unknown.</summary>
        private string? SectionPath(IOperation? receiver, int depth)
        {
            if (receiver == null || depth > MaxSectionDepth)
            {
                return null;
            }

            var operation = Unwrap(receiver);
            if (operation is IInvocationOperation invocation && IsSectionCall(invocation))
            {
                var parent = SectionPath(Receiver(invocation), depth + 1);
                var key = ConstantString(Argument(invocation, "key")?.Value);
                return parent == null || string.IsNullOrEmpty(key) ? null : parent.Length == 0 ? key : parent + ":" + key;
            }

            if (operation is ILocalReferenceOperation local)
            {
                var initializer = Initializer(local);
                return initializer == null ? null : SectionPath(initializer, depth + 1);
            }

            // A section from anywhere else (a parameter, a field) could be any section.
            return _symbols.ConfigurationSection != null && operation.Type != null &&
                   (CodeSymbols.Is(operation.Type, _symbols.ConfigurationSection) || operation.Type.AllInterfaces.Any(i => CodeSymbols.Is(i, _symbols.ConfigurationSection)))
                ? null
                : "";
        }

        /// <summary>
        /// The code copes with a missing value: where it reads it, or wherever it uses the local, field or property it
        /// keeps it in (<c>var url = configuration["A"]; … if (!string.IsNullOrEmpty(url))</c>).
        /// </summary>
        private bool HasFallback(IOperation read) => IsGuarded(read, 0);

        private bool IsGuarded(IOperation value, int depth)
        {
            var node = Outermost(value);
            if (node.Parent is IArgumentOperation { Parent: IInvocationOperation binder } &&
                CodeSymbols.Is(binder.TargetMethod.ContainingType, _symbols.ConfigurationBinder))
            {
                node = Outermost(binder);
            }

            if (GuardsAt(node))
            {
                return true;
            }

            if (depth >= MaxFlowDepth || !(StoredIn(node) is { } symbol))
            {
                return false;
            }

            return _guardedSymbols.GetOrAdd((symbol, depth), key => _flow.Uses(key.Symbol, node).Any(use => IsGuarded(use, key.Depth + 1)));
        }

        /// <summary>
        /// The value is the left side of <c>??</c> with a value on the right (<c>?? throw</c> is no fallback), is given
        /// one with <c>??=</c>, accessed with <c>?.</c>, compared (<c>== "Development"</c>, <c>is null</c>, a pattern, a
        /// switch, an argument of Equals) or tested (string.IsNullOrEmpty, IsNullOrWhiteSpace, TryParse, Uri.TryCreate).
        /// </summary>
        private static bool GuardsAt(IOperation node)
        {
            switch (node.Parent)
            {
                case ICoalesceOperation coalesce:
                    return coalesce.Value == node && !(Unwrap(coalesce.WhenNull) is IThrowOperation);
                case ICoalesceAssignmentOperation coalesceAssignment:
                    return coalesceAssignment.Target == node && !(Unwrap(coalesceAssignment.Value) is IThrowOperation);
                case IConditionalAccessOperation access:
                    return access.Operation == node;
                case IBinaryOperation binary:
                    return binary.OperatorKind == BinaryOperatorKind.Equals || binary.OperatorKind == BinaryOperatorKind.NotEquals;
                case IIsPatternOperation _:
                    return true;
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Value == node;
                case ISwitchOperation switchStatement:
                    return switchStatement.Value == node;
                case IArgumentOperation { Parent: IInvocationOperation call }:
                    var method = call.TargetMethod;
                    return method.Name == "TryParse" || method.Name == "TryCreate" || method.Name == "Equals" ||
                           (method.ContainingType.SpecialType == SpecialType.System_String && (method.Name == "IsNullOrEmpty" || method.Name == "IsNullOrWhiteSpace"));
                default:
                    return false;
            }
        }

        /// <summary>
        /// The local, or field or property of a type in the source, that the value is stored in: by its declaration, an
        /// assignment, a member initializer, or as what a property's getter returns.
        /// </summary>
        private static ISymbol? StoredIn(IOperation node)
        {
            switch (node.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case ITupleOperation { Parent: IDeconstructionAssignmentOperation deconstruction } tuple when deconstruction.Value == tuple:
                    // var (a, b) = (configuration["A"], configuration["B"]): each element goes to the target at its place.
                    int index = tuple.Elements.IndexOf(node);
                    var targets = Unwrap(deconstruction.Target) is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
                    return targets is ITupleOperation targetTuple && index >= 0 && index < targetTuple.Elements.Length &&
                           Unwrap(targetTuple.Elements[index]) is ILocalReferenceOperation element
                        ? element.Local
                        : null;
                case ISimpleAssignmentOperation assignment when assignment.Value == node:
                    return Unwrap(assignment.Target) switch
                    {
                        ILocalReferenceOperation local => local.Local,
                        IFieldReferenceOperation field => InSource(field.Field),
                        IPropertyReferenceOperation property when !property.Property.IsIndexer => InSource(property.Property),
                        _ => null,
                    };
                case IFieldInitializerOperation initializer when initializer.InitializedFields.Length == 1:
                    return InSource(initializer.InitializedFields[0]);
                case IPropertyInitializerOperation initializer when initializer.InitializedProperties.Length == 1:
                    return InSource(initializer.InitializedProperties[0]);
                case IReturnOperation _ when node.SemanticModel?.GetEnclosingSymbol(node.Syntax.SpanStart) is IMethodSymbol { MethodKind: MethodKind.PropertyGet } getter:
                    return InSource(getter.AssociatedSymbol);
                default:
                    return null;
            }
        }

        private static ISymbol? InSource(ISymbol? symbol) => symbol != null && symbol.DeclaringSyntaxReferences.Length > 0 ? symbol : null;

        private static IOperation Outermost(IOperation operation)
        {
            while (operation.Parent is IConversionOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        private sealed class StoreComparer : IEqualityComparer<(ISymbol Symbol, int Depth)>
        {
            public bool Equals((ISymbol Symbol, int Depth) x, (ISymbol Symbol, int Depth) y) =>
                x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

            public int GetHashCode((ISymbol Symbol, int Depth) key) => SymbolEqualityComparer.Default.GetHashCode(key.Symbol) * 31 + key.Depth;
        }
    }
}
