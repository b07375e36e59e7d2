using System;
using System.Collections.Generic;

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

        private static readonly string[] HostPrefixes = { "DOTNET_", "ASPNETCORE_" };

        private static readonly string[] ConnectionStringPrefixes =
        {
            "MYSQLCONNSTR_", "SQLAZURECONNSTR_", "SQLCONNSTR_", "CUSTOMCONNSTR_", "POSTGRESQLCONNSTR_",
        };

        /// <summary>
        /// The configuration keys an environment variable sets in an app of the default host builder: its own
        /// (<c>A__B</c> is <c>A:B</c>); without a DOTNET_ or ASPNETCORE_ prefix, which the host reads too; and the
        /// connection string of App Service's variables (<c>SQLCONNSTR_Orders</c> is <c>ConnectionStrings:Orders</c>).
        /// </summary>
        public static IEnumerable<string> SetBy(string variable)
        {
            yield return FromEnvironmentName(variable);
            foreach (var prefix in HostPrefixes)
            {
                if (variable.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    yield return FromEnvironmentName(variable.Substring(prefix.Length));
                }
            }

            foreach (var prefix in ConnectionStringPrefixes)
            {
                if (variable.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return ConnectionString(variable.Substring(prefix.Length));
                }
            }
        }

        /// <summary>True when <paramref name="key"/> is <paramref name="section"/> itself or lies under it; keys ignore case.</summary>
        public static bool IsUnder(string key, string section) =>
            key.Length > section.Length && key[section.Length] == ':' && key.StartsWith(section, StringComparison.OrdinalIgnoreCase);
    }
}
