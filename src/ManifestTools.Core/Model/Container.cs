using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    /// <summary>A port given as a number or as the name of a container port, as targetPort and probe ports are.</summary>
    public readonly struct PortReference
    {
        public PortReference(int number, string? name, SourceSpan span)
        {
            Number = number;
            Name = name;
            Span = span;
        }

        /// <summary>0 when the port is given by name.</summary>
        public int Number { get; }

        public string? Name { get; }
        public SourceSpan Span { get; }

        public override string ToString() => Name ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One <c>env</c> entry. <see cref="Value"/> is null when it comes from <c>valueFrom</c>, which is set but unknown.</summary>
    public sealed class EnvironmentVariable
    {
        public EnvironmentVariable(string name, string? value, SourceSpan span, SourceSpan valueSpan)
        {
            Name = name;
            Value = value;
            Span = span;
            ValueSpan = valueSpan;
        }

        public string Name { get; }
        public string? Value { get; }

        /// <summary>The <c>name:</c> key of the entry.</summary>
        public SourceSpan Span { get; }

        /// <summary>The value scalar; the name's span when the value is absent or comes from valueFrom.</summary>
        public SourceSpan ValueSpan { get; }
    }

    /// <summary>One <c>envFrom</c> entry: every key of a ConfigMap or Secret, with an optional prefix.</summary>
    public sealed class EnvironmentSource
    {
        public EnvironmentSource(string kind, string name, string prefix)
        {
            Kind = kind;
            Name = name;
            Prefix = prefix;
        }

        /// <summary><c>ConfigMap</c> or <c>Secret</c>.</summary>
        public string Kind { get; }

        public string Name { get; }
        public string Prefix { get; }
    }

    public sealed class ContainerPort
    {
        public ContainerPort(string? name, int number, string protocol, SourceSpan span)
        {
            Name = name;
            Number = number;
            Protocol = protocol;
            Span = span;
        }

        public string? Name { get; }
        public int Number { get; }
        public string Protocol { get; }

        /// <summary>The <c>containerPort:</c> value.</summary>
        public SourceSpan Span { get; }
    }

    /// <summary>A readiness, liveness or startup probe. Only httpGet probes have a <see cref="Path"/>.</summary>
    public sealed class Probe
    {
        public Probe(string kind, string? handler, string? path, PortReference? port, SourceSpan span, SourceSpan pathSpan)
        {
            Kind = kind;
            Handler = handler;
            Path = path;
            Port = port;
            Span = span;
            PathSpan = pathSpan;
        }

        /// <summary><c>readinessProbe</c>, <c>livenessProbe</c> or <c>startupProbe</c>.</summary>
        public string Kind { get; }

        /// <summary><c>httpGet</c>, <c>grpc</c>, <c>tcpSocket</c> or <c>exec</c>; null when the probe names none.</summary>
        public string? Handler { get; }

        /// <summary>httpGet.path; null for exec, tcpSocket and grpc probes. An httpGet without a path probes <c>/</c>.</summary>
        public string? Path { get; }

        /// <summary>The port of an httpGet, grpc or tcpSocket probe.</summary>
        public PortReference? Port { get; }

        /// <summary>The probe's key.</summary>
        public SourceSpan Span { get; }

        /// <summary>The path value, or the probe's key when the path is implied.</summary>
        public SourceSpan PathSpan { get; }
    }

    /// <summary>A container of a pod template, with what the code-to-manifest rules (MT3xxx) read.</summary>
    public sealed class Container
    {
        public Container(string name, SourceSpan span, IReadOnlyList<EnvironmentVariable> environment, IReadOnlyList<EnvironmentSource> environmentSources,
            IReadOnlyList<ContainerPort> ports, IReadOnlyList<Probe> probes, IReadOnlyList<string> arguments)
        {
            Name = name;
            Span = span;
            Environment = environment;
            EnvironmentSources = environmentSources;
            Ports = ports;
            Probes = probes;
            Arguments = arguments;
        }

        public string Name { get; }

        /// <summary>The <c>name:</c> key of the container.</summary>
        public SourceSpan Span { get; }

        public IReadOnlyList<EnvironmentVariable> Environment { get; }
        public IReadOnlyList<EnvironmentSource> EnvironmentSources { get; }
        public IReadOnlyList<ContainerPort> Ports { get; }
        public IReadOnlyList<Probe> Probes { get; }

        /// <summary>The container's <c>command</c> and <c>args</c>, which may pass the process an address (<c>--urls</c>).</summary>
        public IReadOnlyList<string> Arguments { get; }
    }

    /// <summary>One key of a ConfigMap or Secret.</summary>
    public sealed class ConfigEntry
    {
        public ConfigEntry(string key, string? value, SourceSpan valueSpan)
        {
            Key = key;
            Value = value;
            ValueSpan = valueSpan;
        }

        public string Key { get; }

        /// <summary>The text a variable gets (a Secret's data decoded); null when it is binary or not a scalar.</summary>
        public string? Value { get; }

        public SourceSpan ValueSpan { get; }
    }

    /// <summary>A ConfigMap or Secret: the keys that <c>envFrom</c> turns into environment variables.</summary>
    public sealed class ConfigData : ManifestObject
    {
        public ConfigData(ObjectHeader header, IReadOnlyList<ConfigEntry> entries)
            : base(header) => Entries = entries;

        /// <summary>Entries of data, stringData and binaryData, in that order; stringData wins over data, as the API server merges them.</summary>
        public IReadOnlyList<ConfigEntry> Entries { get; }
    }
}
