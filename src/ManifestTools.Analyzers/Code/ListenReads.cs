using System.Collections.Generic;
using System.Linq;
using ManifestTools.Code;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static ManifestTools.Analyzers.Code.OperationValues;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>The addresses the code listens on: UseUrls, app.Run(url), app.Urls.Add(url) and Kestrel's Listen*.</summary>
    internal sealed class ListenReads
    {
        private readonly CodeSymbols _symbols;
        private readonly Reachability _reachability;

        public ListenReads(CodeSymbols symbols, Reachability reachability)
        {
            _symbols = symbols;
            _reachability = reachability;
        }

        /// <summary>
        /// The addresses of a call. One that does not run in every start (<c>if (app.Environment.IsDevelopment())</c>,
        /// <c>#if DEBUG</c>, a helper called only so) has no ports that are known: in the cluster another may apply.
        /// </summary>
        public IEnumerable<ListenFact> Read(IInvocationOperation invocation)
        {
            var facts = ReadAll(invocation).ToList();
            return facts.Count > 0 && !_reachability.AlwaysRuns(invocation) ? facts.Select(f => new ListenFact(new int[0], f.Location)).ToList() : facts;
        }

        private IEnumerable<ListenFact> ReadAll(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (CodeSymbols.Is(method.ContainingType, _symbols.WebHostBuilderExtensions) && method.Name == "UseUrls")
            {
                var urls = Argument(invocation, "urls")?.Value;
                var values = urls is IArrayCreationOperation array && array.Initializer != null ? array.Initializer.ElementValues : ImmutableOf(urls);
                return values.Select(Url);
            }

            if (CodeSymbols.Is(method.ContainingType, _symbols.WebApplication) && (method.Name == "Run" || method.Name == "RunAsync") &&
                Argument(invocation, "url") is { } url && !(Unwrap(url.Value).ConstantValue is { HasValue: true, Value: null }))
            {
                return new[] { Url(url.Value) };
            }

            if (method.Name == "Add" && invocation.Instance is IPropertyReferenceOperation property && property.Property.Name == "Urls" &&
                CodeSymbols.Is(property.Property.ContainingType, _symbols.WebApplication) && invocation.Arguments.Length == 1)
            {
                return new[] { Url(invocation.Arguments[0].Value) };
            }

            if (CodeSymbols.Is(method.ContainingType, _symbols.KestrelServerOptions) && method.Name.StartsWith("Listen", System.StringComparison.Ordinal))
            {
                var port = Argument(invocation, "port");
                var number = ConstantInt(port?.Value);
                return new[] { new ListenFact(number is int n ? new[] { n } : new int[0], (port?.Value ?? invocation).Syntax.GetLocation()) };
            }

            return Enumerable.Empty<ListenFact>();
        }

        private static IEnumerable<IOperation> ImmutableOf(IOperation? operation) =>
            operation == null ? Enumerable.Empty<IOperation>() : new[] { operation };

        private static ListenFact Url(IOperation value)
        {
            var text = ConstantString(value);
            return new ListenFact(text == null ? new int[0] : ListenAddresses.UrlPorts(text).ToList(), value.Syntax.GetLocation());
        }
    }
}
