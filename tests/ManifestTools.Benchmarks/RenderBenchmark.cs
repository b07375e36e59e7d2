using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Generation;

namespace ManifestTools.Benchmarks
{
    /// <summary>
    /// Times what GenerateManifests does for one service with many versions: bind the declaration, load and parse the
    /// templates, render every file. The first run is reported apart, since a build pays the JIT on it.
    /// </summary>
    internal static class RenderBenchmark
    {
        public const string Command = "render";

        // Target of issue 3.
        private const double MaxSeconds = 1.0;

        public static int Run(string[] args, string root)
        {
            int versions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
            int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
            string trafficApi = args.Length > 2 ? args[2] : nameof(TrafficApi.Istio);
            var declaration = Declaration(versions, trafficApi);
            string templates = Path.Combine(root, "templates");

            var times = new List<double>();
            int files = 0;
            long chars = 0;
            for (int run = 0; run <= runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var (_, generated, diagnostics) = ManifestGenerator.Generate(declaration, templates, null, root);
                watch.Stop();
                if (diagnostics.Count > 0)
                {
                    Console.Error.WriteLine("benchmark FAILED: the declaration has findings: " + diagnostics[0]);
                    return 1;
                }

                files = generated.Count;
                chars = generated.Sum(f => (long)f.Content.Length);
                times.Add(watch.Elapsed.TotalSeconds);
            }

            var warm = times.Skip(1).OrderBy(t => t).ToList();
            double median = warm[warm.Count / 2];
            Console.WriteLine($"| traffic API | versions | files | output | first run (JIT) | median of {runs} warm runs | min | max |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {trafficApi} | {versions} | {files} | {chars / 1024.0 / 1024.0:0.0} MiB | {times[0]:0.000} s | {median:0.000} s | {warm[0]:0.000} s | {warm[warm.Count - 1]:0.000} s |"));
            bool met = times[0] < MaxSeconds && median < MaxSeconds;
            Console.WriteLine(met ? $"target met: under {MaxSeconds} s, first run included" : $"target MISSED: {MaxSeconds} s");
            return met ? 0 : 1;
        }

        /// <summary>A canary with many versions: all traffic on v1, and a header route to each pair, as a large rollout might declare.</summary>
        /// <param name="trafficApi">
        /// ManifestTrafficApi: with GatewayApi, each version also gets its Service, and the routes stop at the 15 that an
        /// HTTPRoute can hold beside its catch-all rule.
        /// </param>
        private static ServiceDeclaration Declaration(int count, string trafficApi)
        {
            var site = new DeclarationSite("Service.csproj", SourceSpan.At(0, 0));
            DeclaredItem Item(string identity, params (string, string)[] metadata) => new DeclaredItem(identity, DeclaredItem.Meta(metadata), site);
            var versions = Enumerable.Range(1, count).Select(i => Item("v" + i.ToString(CultureInfo.InvariantCulture),
                ("ImageTag", "1." + i.ToString(CultureInfo.InvariantCulture)),
                ("Weight", (i == 1 ? 100 : 0).ToString(CultureInfo.InvariantCulture)))).ToList();
            int routeCount = string.Equals(trafficApi, nameof(TrafficApi.GatewayApi), StringComparison.OrdinalIgnoreCase) ? Math.Min(count / 2, 15) : count / 2;
            var routes = Enumerable.Range(1, routeCount).Select(i => Item("pair" + i.ToString(CultureInfo.InvariantCulture),
                ("Header", "x-pair"), ("Exact", i.ToString(CultureInfo.InvariantCulture)),
                ("Weights", $"v{2 * i - 1}=50;v{2 * i}=50"))).ToList();
            return new ServiceDeclaration
            {
                ProjectFileName = "Service.csproj",
                ProjectSite = site,
                ServiceName = new DeclaredValue("catalog", site),
                Namespace = new DeclaredValue("shop", site),
                Registry = new DeclaredValue("registry.example", site),
                Repository = new DeclaredValue("shop/catalog", site),
                DefaultImageTag = new DeclaredValue("", site),
                VersionEnvironmentVariable = new DeclaredValue("DD_VERSION", site),
                TrafficApi = new DeclaredValue(trafficApi, site),
                Versions = versions,
                Routes = routes,
                Ports = new[] { Item("8080") },
            };
        }
    }
}
