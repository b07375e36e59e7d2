using System.Collections.Generic;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1015: exportTo entries as Istio's validation accepts them (pkg/config/validation validateExportTo and
    /// visibility.Instance.Validate): <c>.</c>, <c>*</c> or a DNS-1123 label; <c>~</c> only where Istio allows it; no
    /// repeats; <c>*</c> and <c>~</c> alone. The Service annotation is not validated by Istio: pilot trims its entries
    /// into a set, so repeats and combinations are harmless there, and only an entry that names no namespace is reported.
    /// </summary>
    public sealed class ExportToValidRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.InvalidExportTo;

        public void Check(RuleContext context)
        {
            foreach (var obj in context.Index.Objects)
            {
                var exportTo = obj switch
                {
                    VirtualService service => service.ExportTo,
                    DestinationRule rule => rule.ExportTo,
                    ServiceEntry entry => entry.ExportTo,
                    KubeService service => service.ExportTo,
                    _ => null,
                };
                if (exportTo != null && exportTo.Values.Count > 0)
                {
                    Check(context, obj, exportTo);
                }
            }
        }

        private static void Check(RuleContext context, ManifestObject obj, ExportTo exportTo)
        {
            var where = exportTo.FromAnnotation ? $"the annotation networking.istio.io/exportTo of {obj.Ref}" : $"exportTo of {obj.Ref}";
            var seen = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var entry in exportTo.Values)
            {
                var value = entry.Value;
                if (Placeholders.In(value))
                {
                    continue;
                }

                var key = value == ExportTo.Local ? obj.Namespace : value;
                if (seen.TryGetValue(key, out var earlier) && !exportTo.FromAnnotation)
                {
                    var same = earlier != value ? $" (. is namespace {obj.Namespace})" : string.Empty;
                    context.Report(obj, entry.Span, $"{where} lists {(earlier != value ? earlier + " and " + value : value + " twice")}{same}; remove one");
                    continue;
                }

                seen[key] = value;

                if (value == ExportTo.None)
                {
                    if (!exportTo.AllowsNone)
                    {
                        context.Report(obj, entry.Span,
                            $"{where} is ~, which Istio accepts only on a ServiceEntry or in a Service's networking.istio.io/exportTo annotation; " +
                            "use . to keep it in its own namespace");
                    }

                    continue;
                }

                if (value == ExportTo.Local || value == ExportTo.All)
                {
                    continue;
                }

                if (KubernetesNames.CheckDns1123Label(value) is { } problem)
                {
                    context.Report(obj, entry.Span, $"{where} lists \"{value}\", which is not ., *, ~ or a namespace name: a namespace name {problem}");
                }
            }

            foreach (var alone in new[] { ExportTo.All, ExportTo.None })
            {
                if (seen.ContainsKey(alone) && exportTo.Values.Count > 1 && !exportTo.FromAnnotation)
                {
                    var meaning = alone == ExportTo.All ? "every namespace" : "no namespace";
                    context.Report(obj, exportTo.Span ?? obj.Header.NameSpan,
                        $"{where} combines {alone} ({meaning}) with other entries, which Istio rejects; list {alone} alone, or only the namespaces");
                }
            }
        }
    }
}
