using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>Constant values and the origin of locals, as far as the code states them without running.</summary>
    internal static class OperationValues
    {
        /// <summary>The operation without the implicit conversions around it (string to PathString, to object).</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        public static string? ConstantString(IOperation? operation) =>
            operation != null && Unwrap(operation).ConstantValue is { HasValue: true, Value: string value } ? value : null;

        public static int? ConstantInt(IOperation? operation) =>
            operation != null && Unwrap(operation).ConstantValue is { HasValue: true, Value: int value } ? value : null;

        /// <summary>The argument given for the parameter of that name; null when it is absent or left to its default.</summary>
        public static IArgumentOperation? Argument(IInvocationOperation invocation, string parameter) =>
            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter && a.ArgumentKind != ArgumentKind.DefaultValue);

        /// <summary>What a call is made on: the instance, or an extension method's first argument.</summary>
        public static IOperation? Receiver(IInvocationOperation invocation) =>
            invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod
                ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value
                : null);

        /// <summary>The body the operation belongs to, lambdas and local functions included.</summary>
        public static IOperation Root(IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>The initializer of a local (<c>var api = app.MapGroup("/api")</c>), in the same tree.</summary>
        public static IOperation? Initializer(ILocalReferenceOperation local)
        {
            var model = local.SemanticModel;
            var declarator = local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
            if (model == null || declarator?.Initializer == null || declarator.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            return model.GetOperation(declarator.Initializer.Value);
        }
    }
}
