using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Code;
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

        /// <summary>
        /// The image the SDK's container publishing builds, from the properties and items the targets pass; null when
        /// the project does not publish one that way.
        /// </summary>
        public ContainerImage? SdkImage
        {
            get
            {
                var global = _provider.GlobalOptions;
                if (!(global.TryGetValue("build_property._ManifestToolsSdkContainer", out var sdk) && string.Equals(sdk.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
                {
                    return null;
                }

                string Property(string name) => global.TryGetValue("build_property." + name, out var value) ? value.Trim() : "";
                // The variables come as space-separated NAME=VALUE entries, percent-encoded: an analyzer config value
                // ends at a newline, and a ';' or '#' would start a comment. The ports come as NUMBER/TYPE.
                var environment = Property("_ManifestToolsContainerEnvironment").Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(entry => entry.Split(new[] { '=' }, 2))
                    .Where(pair => pair.Length == 2 && pair[0].Length > 0)
                    .Select(pair => new KeyValuePair<string, string>(Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])));
                var ports = Property("_ManifestToolsContainerPorts").Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(entry => entry.Split('/'))
                    .Where(parts => parts.Length == 1 || parts[1].Length == 0 || string.Equals(parts[1], "tcp", StringComparison.OrdinalIgnoreCase))
                    .Select(parts => int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int port) ? port : 0)
                    .Where(p => p > 0 && p < 65536);
                var baseImage = Property("_ManifestToolsContainerBaseImage");
                return ContainerImage.FromSdk(baseImage.Length == 0 ? null : baseImage, Property("_ManifestToolsTargetFramework"), environment.ToList(), ports.ToList());
            }
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

        /// <summary>The project's Dockerfile (or DockerfileFile, ContainerfileFile), which builds the image the code runs in.</summary>
        public bool IsDockerfile(AdditionalText file) => Is(file, "Dockerfile");

        public static bool IsConfig(AnalyzerConfigOptionsProvider provider, AdditionalText file) => Is(provider, file, "Config");

        private bool Is(AdditionalText file, string kind) => Is(_provider, file, kind);

        private static bool Is(AnalyzerConfigOptionsProvider provider, AdditionalText file, string kind) =>
            provider.GetOptions(file).TryGetValue(KindKey, out var value) && string.Equals(value, kind, StringComparison.OrdinalIgnoreCase);
    }
}
