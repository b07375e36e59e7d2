using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT2002: a Service's selector should match some pod template in its namespace. A route's version Service that
    /// selects nothing while the route's other backends select pods is MT1106's error instead.
    /// </summary>
    public sealed class ServiceSelectsPodsRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ServiceSelectsNothing;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            var backends = new System.Collections.Generic.HashSet<KubeService>(BackendSelectsPodsRule.Unselected(index).Select(b => b.Service));
            foreach (var service in index.Services)
            {
                var selector = service.Selector;
                if (selector == null || selector.Count == 0 || service.Type == "ExternalName" || backends.Contains(service) ||
                    Placeholders.In(selector) || index.MayCarry(service.Namespace, selector) || index.PodsWithLabels(service.Namespace, selector).Any())
                {
                    continue;
                }

                var closest = ClosestMatch.Describe(ClosestMatch.Pods(index.PodsIn(service.Namespace)), selector, "the Service");
                context.Report(service, selector.Span, service.Name, selector.ToString(), service.Namespace, closest != null ? "; " + closest : string.Empty);
            }
        }
    }
}
