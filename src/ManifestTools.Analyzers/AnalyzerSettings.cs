using System;
using ManifestTools.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ManifestTools.Analyzers
{
    /// <summary>What the package's targets make visible to the compiler: the lint options and each additional file's kind.</summary>
    internal sealed class AnalyzerSettings
    {
        public const string KindKey = "build_metadata.AdditionalFiles._ManifestToolsKind";

        private readonly AnalyzerConfigOptionsProvider _provider;

        private AnalyzerSettings(AnalyzerConfigOptionsProvider provider, bool lint, LintOptions options, string serviceName)
        {
            _provider = provider;
            Lint = lint;
            Options = options;
            ServiceName = serviceName;
        }

        /// <summary>False when the project sets ManifestLint to false.</summary>
        public bool Lint { get; }

        public LintOptions Options { get; }

        /// <summary>ManifestServiceName: whose workloads the code is compared with. Empty outside a ManifestTools project.</summary>
        public string ServiceName { get; }

        /// <summary>The project's properties win over <paramref name="config"/>, as they do for the MSBuild task.</summary>
        public static AnalyzerSettings Read(AnalyzerConfigOptionsProvider provider, ManifestToolsConfig? config)
        {
            var global = provider.GlobalOptions;
            var options = new LintOptions();
            config?.ApplyTo(options);
            if (global.TryGetValue("build_property._ManifestToolsNamespaceAsSet", out var ns) && !string.IsNullOrWhiteSpace(ns))
            {
                options.DefaultNamespace = ns.Trim();
            }

            if (global.TryGetValue("build_property._ManifestToolsClusterDomainAsSet", out var domain) && !string.IsNullOrWhiteSpace(domain))
            {
                options.ClusterDomain = domain.Trim();
            }

            bool lint = !(global.TryGetValue("build_property.ManifestLint", out var value) &&
                          string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase));
            string serviceName = global.TryGetValue("build_property.ManifestServiceName", out var name) ? name.Trim() : "";
            return new AnalyzerSettings(provider, lint, options, serviceName);
        }

        /// <summary>Generated manifests and ManifestFile items; appsettings files and other additional files are not linted.</summary>
        public bool IsManifest(AdditionalText file) => IsGenerated(file) || Is(file, "Manifest");

        public bool IsGenerated(AdditionalText file) => Is(file, "Generated");

        public bool IsAppSettings(AdditionalText file) => Is(file, "AppSettings");

        public static bool IsConfig(AnalyzerConfigOptionsProvider provider, AdditionalText file) => Is(provider, file, "Config");

        private bool Is(AdditionalText file, string kind) => Is(_provider, file, kind);

        private static bool Is(AnalyzerConfigOptionsProvider provider, AdditionalText file, string kind) =>
            provider.GetOptions(file).TryGetValue(KindKey, out var value) && string.Equals(value, kind, StringComparison.OrdinalIgnoreCase);
    }
}
