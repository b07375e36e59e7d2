using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>
    /// MT4003 and MT4005 for text that no later check can treat as a name or value: an identity with a control character
    /// (which MSBuild cannot treat as a path either), or any value with a lone surrogate, which has no UTF-8 form. Runs
    /// before binding; the items it reports are left out of it, so that each gets one finding, not one per check.
    /// </summary>
    internal static class DeclaredTextCheck
    {
        public static void Check(BoundDeclaration bound)
        {
            var source = bound.Source;
            var items = source.Versions.Select(i => ("ServiceVersion", i))
                .Concat(source.Routes.Select(i => ("ServiceRoute", i)))
                .Concat(source.Ports.Select(i => ("ContainerPort", i)))
                .Concat(source.EnvironmentVariables.Select(i => ("ServiceEnvironmentVariable", i)));
            foreach (var (itemType, item) in items)
            {
                if (FirstUnreadable(item.Identity) is int at)
                {
                    bound.Unreadable.Add(item);
                    bound.Report(DiagnosticCatalog.InvalidDeclaredName, item.Site,
                        $"{itemType} '{Visible(item.Identity)}' holds {Describe(item.Identity[at])}, which no Kubernetes name allows and MSBuild cannot treat as a path");
                    continue;
                }

                foreach (var pair in item.Metadata.OrderBy(m => m.Key, System.StringComparer.Ordinal))
                {
                    if (ValueProblem(pair.Value) is string problem)
                    {
                        bound.Unreadable.Add(item);
                        bound.Report(DiagnosticCatalog.InvalidDeclaredValue, item.Site, $"{pair.Key} of {itemType} {Visible(item.Identity)} holds {problem}");
                    }
                }
            }

            var properties = new[]
            {
                ("ManifestServiceName", source.ServiceName), ("ManifestNamespace", source.Namespace), ("ContainerRegistry", source.Registry),
                ("ContainerRepository", source.Repository), ("ContainerImageTag", source.DefaultImageTag),
                ("ManifestVersionEnvironmentVariable", source.VersionEnvironmentVariable),
                ("ManifestReadinessProbePath", source.ReadinessProbePath), ("ManifestLivenessProbePath", source.LivenessProbePath),
            };
            foreach (var (name, value) in properties)
            {
                if (ValueProblem(value.Value) is string problem)
                {
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, value.Site, $"{name} holds {problem}");
                }
            }
        }

        /// <summary>The text with control characters shown as \uXXXX, so that a finding stays one readable line.</summary>
        public static string Visible(string text)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (IsControl(c) || char.IsSurrogate(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        public static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';

        private static int? FirstUnreadable(string identity)
        {
            for (int i = 0; i < identity.Length; i++)
            {
                if (IsControl(identity[i]) || IsLoneSurrogate(identity, i))
                {
                    return i;
                }
            }

            return null;
        }

        /// <summary>
        /// What no manifest can carry: a lone surrogate has no UTF-8 form, and DEL, the C1 controls but NEL, U+FFFE and
        /// U+FFFF go through kubectl apply escaped, but not through kustomize, whose YAML writer emits them raw and whose
        /// reader then rejects its own output.
        /// </summary>
        private static string? ValueProblem(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (IsLoneSurrogate(text, i))
                {
                    return "a lone surrogate, which cannot be written as UTF-8";
                }

                if (c == '\u007F' || (c >= '\u0080' && c <= '\u009F' && c != '\u0085') || c == '\uFFFE' || c == '\uFFFF')
                {
                    return $"U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}, which kubectl kustomize cannot carry " +
                        "(its YAML writer emits it raw, and its reader then rejects it); remove it";
                }
            }

            return null;
        }

        private static bool IsLoneSurrogate(string text, int i) =>
            char.IsHighSurrogate(text[i]) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
            : char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));

        private static string Describe(char c) =>
            (char.IsSurrogate(c) ? "a lone surrogate U+" : "the control character U+") + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }
}
