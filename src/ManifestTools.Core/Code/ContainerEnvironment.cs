using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Code
{
    /// <summary>One variable as the container's process sees it, and what set it.</summary>
    public sealed class EnvironmentSetting
    {
        public EnvironmentSetting(string name, string? value, string source, ManifestObject? manifest, SourceSpan span)
        {
            Name = name;
            Value = value;
            Source = source;
            Manifest = manifest;
            Span = span;
        }

        public string Name { get; }

        /// <summary>Null when the variable is set to a value known only in the cluster or at build time.</summary>
        public string? Value { get; }

        /// <summary>What set it, for messages: "the env of container shop", "ConfigMap payment-config", "Dockerfile ENV ASPNETCORE_HTTP_PORTS".</summary>
        public string Source { get; }

        /// <summary>The workload or ConfigMap whose file holds the value; null when the image sets it.</summary>
        public ManifestObject? Manifest { get; }

        public SourceSpan Span { get; }
    }

    /// <summary>
    /// The environment of a container's process, as the kubelet builds it: the image's variables, then each
    /// <c>envFrom</c> source in order, then <c>env</c>, each later one replacing an earlier one of the same name.
    /// </summary>
    public sealed class ContainerEnvironment
    {
        private readonly Dictionary<string, EnvironmentSetting> _variables = new Dictionary<string, EnvironmentSetting>(StringComparer.Ordinal);

        private ContainerEnvironment()
        {
        }

        /// <summary>True when an <c>envFrom</c> names a ConfigMap or Secret that is not in the input, so any variable may be set.</summary>
        public bool MayHoldAny { get; private set; }

        public IReadOnlyDictionary<string, EnvironmentSetting> Variables => _variables;

        public static ContainerEnvironment Of(Workload workload, Container container, ContainerImage image,
            IReadOnlyDictionary<(string Namespace, string Kind, string Name), ConfigData> configData)
        {
            var environment = new ContainerEnvironment();
            foreach (var variable in image.Environment.Values)
            {
                environment.Set(new EnvironmentSetting(variable.Name, variable.Value, variable.Source, null, default));
            }

            foreach (var source in container.EnvironmentSources)
            {
                if (!configData.TryGetValue((workload.Namespace, source.Kind, source.Name), out var data))
                {
                    environment.MayHoldAny = true;
                    continue;
                }

                foreach (var entry in data.Entries)
                {
                    environment.Set(new EnvironmentSetting(source.Prefix + entry.Key, Known(entry.Value), $"{source.Kind} {source.Name}", data, entry.ValueSpan));
                }
            }

            foreach (var variable in container.Environment)
            {
                environment.Set(new EnvironmentSetting(variable.Name, Known(variable.Value), $"the env of container {container.Name}", workload, variable.ValueSpan));
            }

            return environment;
        }

        public bool TryGet(string name, out EnvironmentSetting setting) => _variables.TryGetValue(name, out setting!);

        private void Set(EnvironmentSetting setting) => _variables[setting.Name] = setting;

        /// <summary>
        /// A value with a reference the kubelet expands (<c>$(PORT)</c>) or a placeholder that a tool fills in before
        /// applying is known only then.
        /// </summary>
        private static string? Known(string? value) =>
            value == null || value.IndexOf("$(", StringComparison.Ordinal) >= 0 || Placeholders.In(value) ? null : value;
    }
}
