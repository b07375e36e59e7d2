using ManifestTools.Diagnostics;

namespace ManifestTools.Code
{
    public enum SettingKind
    {
        EnvironmentVariable,
        ConfigurationKey,
        ConfigurationSection,
        ConnectionString,
    }

    /// <summary>A setting the code reads with a constant name, as an adapter found it in the code.</summary>
    public readonly struct SettingRead
    {
        public SettingRead(SettingKind kind, string name)
        {
            Kind = kind;
            Name = name;
        }

        public SettingKind Kind { get; }

        /// <summary>The variable name, the configuration key (<c>A:B</c>) or the connection string's name.</summary>
        public string Name { get; }

        /// <summary>The configuration key that holds the value; the name itself for an environment variable.</summary>
        public string Key => Kind == SettingKind.ConnectionString ? ConfigurationKeys.ConnectionString(Name) : Name;

        /// <summary>The environment variable that sets it.</summary>
        public string EnvironmentName => Kind == SettingKind.EnvironmentVariable ? Name : ConfigurationKeys.ToEnvironmentName(Key);

        public override string ToString() => Kind switch
        {
            SettingKind.EnvironmentVariable => "environment variable " + Name,
            SettingKind.ConfigurationKey => "configuration key " + Name,
            SettingKind.ConfigurationSection => "configuration section " + Name,
            _ => "connection string " + Name,
        };
    }

    /// <summary>A finding at a place in the code; the adapter that found the fact knows where that is.</summary>
    public sealed class CodeFinding
    {
        public CodeFinding(DiagnosticDescriptor descriptor, string message)
        {
            Descriptor = descriptor;
            Message = message;
        }

        public DiagnosticDescriptor Descriptor { get; }
        public string Message { get; }
    }
}
