using System;
using System.IO;
using System.Text.RegularExpressions;

namespace ManifestTools.Loading
{
    /// <summary>What of a Helm chart's folder is Helm's: the files and folders that `helm template` reads.</summary>
    internal static class HelmCharts
    {
        /// <summary>Chart.yaml names its chart: top-level apiVersion (v1 or v2) and name keys.</summary>
        private static readonly Regex ApiVersion = new Regex(@"^apiVersion:[ \t]*[""']?v[12][""']?[ \t]*(?:#.*)?\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        private static readonly Regex Name = new Regex(@"^name:[ \t]*\S", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        private const int MaxChartFileBytes = 1 << 20;

        /// <summary>True when <paramref name="chartYaml"/> is a regular file that reads as Helm's Chart.yaml.</summary>
        public static bool IsChart(string chartYaml)
        {
            try
            {
                var info = new FileInfo(chartYaml);
                if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0 || info.Length > MaxChartFileBytes)
                {
                    return false;
                }

                var text = File.ReadAllText(chartYaml);
                return ApiVersion.IsMatch(text) && Name.IsMatch(text);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>Chart.yaml, Chart.lock, requirements, values files and the values schema.</summary>
        public static bool IsChartFile(string name) =>
            name == "Chart.yaml" || name == "Chart.lock" || name == "requirements.yaml" || name == "requirements.lock" ||
            name == "values.schema.json" ||
            (name.StartsWith("values", StringComparison.Ordinal) && (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)));

        /// <summary>templates/ (Go templates) and charts/ (subcharts); crds/ holds plain manifests and is walked.</summary>
        public static bool IsChartFolder(string name) => name == "templates" || name == "charts";
    }
}
