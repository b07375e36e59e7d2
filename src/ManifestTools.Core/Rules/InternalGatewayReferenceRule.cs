using ManifestTools.Diagnostics;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>MT1012: a VirtualService bound to a gateway Istio generates from a Kubernetes Gateway.</summary>
    public sealed class InternalGatewayReferenceRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.InternalGatewayReference;

        public void Check(RuleContext context)
        {
            foreach (var service in context.Index.VirtualServices)
            {
                foreach (var gateway in service.Gateways)
                {
                    if (GatewayNames.IsInternal(gateway.Value))
                    {
                        context.Report(service, gateway.Span, service.Ref.ToString(), gateway.Value);
                    }
                }
            }
        }
    }
}
