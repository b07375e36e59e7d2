using System.Collections.Generic;
using System.Globalization;
using ManifestTools.Diagnostics;

namespace ManifestTools.Generation.Checks
{
    /// <summary>MT4005: a port number declared twice for one protocol, which the Service would expose twice and the API server rejects.</summary>
    internal static class DistinctPortsCheck
    {
        public static void Check(BoundDeclaration bound)
        {
            var seen = new HashSet<(int, string)>();
            foreach (var (item, port) in bound.Ports)
            {
                if (item != null && !seen.Add((port.Number, port.Protocol)))
                {
                    string number = port.Number.ToString(CultureInfo.InvariantCulture);
                    bound.Report(DiagnosticCatalog.InvalidDeclaredValue, item.Site,
                        $"ContainerPort {number}/{port.Protocol} is declared twice; the Service would expose the port twice, " +
                        "which the API server rejects: remove one of the items");
                }
            }
        }
    }
}
