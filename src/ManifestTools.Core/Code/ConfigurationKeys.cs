using System;

namespace ManifestTools.Code
{
    /// <summary>How .NET configuration keys and environment variable names map onto each other.</summary>
    public static class ConfigurationKeys
    {
        /// <summary>The configuration key a ConnectionStrings read resolves to.</summary>
        public static string ConnectionString(string name) => "ConnectionStrings:" + name;

        /// <summary><c>A:B</c> is set by the variable <c>A__B</c>: colons are not valid in variable names on every platform.</summary>
        public static string ToEnvironmentName(string key) => key.Replace(":", "__");

        public static string FromEnvironmentName(string name) => name.Replace("__", ":");

        /// <summary>True when <paramref name="key"/> is <paramref name="section"/> itself or lies under it; keys ignore case.</summary>
        public static bool IsUnder(string key, string section) =>
            key.Length > section.Length && key[section.Length] == ':' && key.StartsWith(section, StringComparison.OrdinalIgnoreCase);
    }
}
