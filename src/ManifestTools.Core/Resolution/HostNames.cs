using System;

namespace ManifestTools.Resolution
{
    /// <summary>Host name rules as Istio applies them (pilot's ResolveShortnameToFQDN).</summary>
    public static class HostNames
    {
        /// <summary>
        /// A name without a dot is short: it means <c>name.namespace.svc.domain</c>, with the namespace of the
        /// object that refers to it. Names with a dot, <c>*</c> and IP addresses are taken as written.
        /// </summary>
        public static string Resolve(string host, string referringNamespace, string clusterDomain)
        {
            if (host.Length == 0 || host == "*" || host.IndexOf('.') >= 0 || host.IndexOf(':') >= 0)
            {
                return host;
            }

            return $"{host}.{referringNamespace}.svc.{clusterDomain}";
        }

        public static string ServiceFqdn(string name, string @namespace, string clusterDomain) =>
            $"{name}.{@namespace}.svc.{clusterDomain}";

        /// <summary>The namespace of an in-cluster name <c>name.namespace.svc.domain</c>; null for any other host.</summary>
        public static string? ClusterNamespace(string fqdn, string clusterDomain)
        {
            var suffix = ".svc." + clusterDomain;
            if (!fqdn.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var parts = fqdn.Substring(0, fqdn.Length - suffix.Length).Split('.');
            return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? parts[1] : null;
        }

        public static bool IsWildcard(string host) => host.StartsWith("*", StringComparison.Ordinal);

        /// <summary>
        /// True when two host names share some name (Istio's host.Name.Matches): equal names, or a wildcard that covers
        /// the other name, or two wildcards one of which covers the other. <c>*.example.com</c> does not cover example.com.
        /// </summary>
        public static bool Overlap(string a, string b)
        {
            bool aWild = IsWildcard(a);
            bool bWild = IsWildcard(b);
            if (aWild && bWild)
            {
                return a.Length < b.Length
                    ? b.Substring(1).EndsWith(a.Substring(1), StringComparison.OrdinalIgnoreCase)
                    : a.Substring(1).EndsWith(b.Substring(1), StringComparison.OrdinalIgnoreCase);
            }

            if (aWild)
            {
                return b.EndsWith(a.Substring(1), StringComparison.OrdinalIgnoreCase);
            }

            if (bWild)
            {
                return a.EndsWith(b.Substring(1), StringComparison.OrdinalIgnoreCase);
            }

            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary><c>*.example.com</c> matches any name under example.com; <c>*</c> matches everything.</summary>
        public static bool WildcardMatches(string wildcard, string host) =>
            wildcard == "*" || (wildcard.StartsWith("*.", StringComparison.Ordinal) &&
                                host.EndsWith(wildcard.Substring(1), StringComparison.OrdinalIgnoreCase) &&
                                host.Length > wildcard.Length - 1);
    }
}
