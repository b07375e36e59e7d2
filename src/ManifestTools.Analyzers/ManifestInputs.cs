using System;
using System.Collections.Generic;
using System.Threading;
using ManifestTools.Code;
using ManifestTools.Configuration;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ManifestTools.Analyzers
{
    /// <summary>The additional files the package's targets pass, read once per compilation: manifests parsed through the cache.</summary>
    internal sealed class ManifestInputs
    {
        private ManifestInputs(AnalyzerSettings settings)
        {
            Settings = settings;
        }

        public AnalyzerSettings Settings { get; }

        /// <summary>The text of each manifest, by path, for the locations of its findings.</summary>
        public Dictionary<string, SourceText> Texts { get; } = new Dictionary<string, SourceText>(StringComparer.Ordinal);

        public List<ParsedFile> Files { get; } = new List<ParsedFile>();

        public List<string> GeneratedFiles { get; } = new List<string>();

        public List<(string Path, string Text)> AppSettings { get; } = new List<(string, string)>();

        /// <summary>The image the code runs in: the Dockerfile's, else the SDK's container image, else none known.</summary>
        public ContainerImage Image { get; private set; } = ContainerImage.None;

        /// <summary>The configuration file with the problems found in it (MT0005), reported at its positions.</summary>
        public (string Path, SourceText Text, IReadOnlyList<ManifestDiagnostic> Errors)? Config { get; private set; }

        public static ManifestInputs Load(AnalyzerOptions options, ParsedFileCache cache, CancellationToken cancellationToken)
        {
            ManifestToolsConfig? config = null;
            (string, SourceText, IReadOnlyList<ManifestDiagnostic>)? configFile = null;
            foreach (var additional in options.AdditionalFiles)
            {
                if (AnalyzerSettings.IsConfig(options.AnalyzerConfigOptionsProvider, additional) && additional.GetText(cancellationToken) is { } configText)
                {
                    config = ManifestToolsConfig.Parse(additional.Path, configText.ToString(), out var errors);
                    configFile = (additional.Path, configText, errors);
                    break;
                }
            }

            var inputs = new ManifestInputs(AnalyzerSettings.Read(options.AnalyzerConfigOptionsProvider, config)) { Config = configFile };
            ContainerImage? dockerfile = null;
            foreach (var additional in options.AdditionalFiles)
            {
                if (config != null && config.IsIgnored(additional.Path))
                {
                    continue;
                }

                bool isManifest = inputs.Settings.IsManifest(additional);
                bool isDockerfile = !isManifest && inputs.Settings.IsDockerfile(additional);
                if (!isManifest && !isDockerfile && !inputs.Settings.IsAppSettings(additional))
                {
                    continue;
                }

                // Null when the compiler could not read the file; there is nothing to check then.
                var text = additional.GetText(cancellationToken);
                if (text == null)
                {
                    continue;
                }

                if (isDockerfile)
                {
                    dockerfile = ContainerImage.FromDockerfile(additional.Path, text.ToString());
                }
                else if (!isManifest)
                {
                    inputs.AppSettings.Add((additional.Path, text.ToString()));
                }
                else if (!inputs.Texts.ContainsKey(additional.Path))
                {
                    inputs.Texts.Add(additional.Path, text);
                    inputs.Files.Add(cache.Get(additional.Path, text, inputs.Settings.Options));
                    if (inputs.Settings.IsGenerated(additional))
                    {
                        inputs.GeneratedFiles.Add(additional.Path);
                    }
                }
            }

            inputs.Image = dockerfile ?? inputs.Settings.SdkImage ?? ContainerImage.None;
            return inputs;
        }
    }
}
