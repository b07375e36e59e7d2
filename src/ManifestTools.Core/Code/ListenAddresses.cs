using System;
using System.Collections.Generic;
using System.Globalization;

namespace ManifestTools.Code
{
    /// <summary>The ports in ASP.NET Core's address settings, read as Kestrel reads them.</summary>
    public static class ListenAddresses
    {
        /// <summary>
        /// Ports of a <c>urls</c> value (<c>http://*:5002;https://+:5003</c>); a URL without a port uses its scheme's
        /// default. Entries that are not URLs are skipped.
        /// </summary>
        public static IEnumerable<int> UrlPorts(string urls)
        {
            foreach (var url in urls.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (TryUrlPort(url.Trim(), out int port))
                {
                    yield return port;
                }
            }
        }

        /// <summary>Ports of an <c>ASPNETCORE_HTTP_PORTS</c> value: <c>8080;8081</c>.</summary>
        public static IEnumerable<int> PortList(string ports)
        {
            foreach (var item in ports.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port > 0 && port < 65536)
                {
                    yield return port;
                }
            }
        }

        private static bool TryUrlPort(string url, out int port)
        {
            port = 0;
            int scheme = url.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return false;
            }

            string rest = url.Substring(scheme + 3);
            int slash = rest.IndexOf('/');
            string authority = slash < 0 ? rest : rest.Substring(0, slash);
            // [::]:5002 and [::1] carry colons inside the brackets.
            int hostEnd = authority.StartsWith("[", StringComparison.Ordinal) ? authority.IndexOf(']') : -1;
            int colon = authority.IndexOf(':', hostEnd + 1);
            if (colon < 0)
            {
                string name = url.Substring(0, scheme).ToLowerInvariant();
                port = name == "https" ? 443 : name == "http" ? 80 : 0;
                return port != 0;
            }

            return int.TryParse(authority.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port > 0 && port < 65536;
        }
    }
}
