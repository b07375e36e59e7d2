using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace ManifestTools.Benchmarks
{
    /// <summary>
    /// Whole-process benchmark of <c>manifest-tools lint</c> on synthetic valid meshes, against js-yaml under Node
    /// parsing the same files. Publishes the CLI (JIT and ReadyToRun), generates the meshes, installs js-yaml into
    /// the work folder, runs everything under /usr/bin/time and prints a markdown table. See docs/performance.md.
    /// </summary>
    internal static class Program
    {
        private const string Usage =
            "usage: dotnet run -c Release --project tests/ManifestTools.Benchmarks -- [options]\n" +
            "  --sizes 1000,10000,100000   objects per mesh (5 per service, one file per service)\n" +
            "  --runs 10                   measured runs per size below 100,000 objects\n" +
            "  --large-runs 3              measured runs per size of 100,000 objects or more\n" +
            "  --warmup 1                  unmeasured runs per size and mode first\n" +
            "  --modes jit,r2r,yamldotnet,node  what to measure (yamldotnet = YamlDotNet's parser alone; node = js-yaml loadAll)\n" +
            "  --work DIR                  work folder, kept afterwards (default: $TMPDIR/manifest-tools-bench, deleted afterwards)\n" +
            "  --keep                      keep the default work folder\n" +
            "  --out FILE                  also write the markdown report to FILE\n" +
            "or:    dotnet run -c Release --project tests/ManifestTools.Benchmarks -- render [versions] [runs] [Istio|GatewayApi]\n" +
            "  bind, template loading and rendering of one service with that many versions (default 1000, 20 runs, Istio)";

        private const string TimeBinary = "/usr/bin/time";
        private const string FloorCommand = "--yamldotnet-floor";
        private static readonly string[] AllModes = { "jit", "r2r", "aot", "yamldotnet", "node" };

        // Targets of issue 2.
        private const double MaxScaling = 10.5;
        private const long MaxPeakBytes = 400L * 1000 * 1000;

        private static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == FloorCommand)
            {
                return YamlDotNetFloor(args[1]);
            }

            if (args.Length >= 1 && args[0] == RenderBenchmark.Command)
            {
                return RenderBenchmark.Run(args.Skip(1).ToArray(), FindRepositoryRoot());
            }

            try
            {
                return Run(Options.Parse(args));
            }
            catch (BenchmarkException ex)
            {
                Console.Error.WriteLine("benchmark FAILED: " + ex.Message);
                return 1;
            }
        }

        private static int Run(Options options)
        {
            if (!File.Exists(TimeBinary))
            {
                throw new BenchmarkException($"{TimeBinary} is needed to read each run's peak RSS");
            }

            var root = FindRepositoryRoot();
            var work = options.Work ?? Path.Combine(Path.GetTempPath(), "manifest-tools-bench");
            Directory.CreateDirectory(work);
            Log($"repository {root}; work folder {work}");
            try
            {
                var tools = new List<Tool>();
                if (options.Modes.Contains("jit"))
                {
                    // net10.0: the build the packed tool runs on a .NET 10 machine (the tool host picks the newest TFM that fits).
                    tools.Add(PublishCli(root, work, "jit", "net10.0, framework-dependent, JIT", "-f", "net10.0"));
                }

                if (options.Modes.Contains("r2r"))
                {
                    tools.Add(PublishCli(root, work, "r2r", "net10.0, framework-dependent, ReadyToRun",
                        "-f", "net10.0", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"));
                }

                if (options.Modes.Contains("aot"))
                {
                    // The ILCompiler links with clang by default; gcc does as well where clang is not installed.
                    var linker = OnPath("clang") ? Array.Empty<string>() : new[] { "-p:CppCompilerAndLinker=gcc" };
                    tools.Add(PublishCli(root, work, "aot", "net10.0, Native AOT",
                        new[] { "-f", "net10.0", "-r", "linux-x64", "-p:NativeAot=true" }.Concat(linker).ToArray()));
                }

                if (options.Modes.Contains("yamldotnet"))
                {
                    // This program again, with the CLI's runtime settings, so the floor is comparable with "jit".
                    tools.Add(new Tool("yamldotnet", "YamlDotNet parser events only, no tree, no lint (the parser the CLI no longer uses for block-style YAML), JIT",
                        "dotnet", new[] { typeof(Program).Assembly.Location, FloorCommand }, ExpectAllDocuments,
                        new Dictionary<string, string> { ["DOTNET_TC_QuickJit"] = "0", ["DOTNET_TieredPGO"] = "0" }));
                }

                if (options.Modes.Contains("node"))
                {
                    tools.Add(InstallJsYaml(work));
                }

                var results = new List<Result>();
                foreach (int size in options.Sizes)
                {
                    results.AddRange(Measure(work, size, tools, options));
                }

                var census = tools.Where(t => t.Mode == "jit" || t.Mode == "r2r").Select(t => JitCensus(t, results.First(r => r.Tool == t).Mesh)).ToList();
                var report = Report(results, tools, census, options);
                Console.WriteLine();
                Console.WriteLine(report);
                if (options.Out != null)
                {
                    File.WriteAllText(options.Out, report);
                }

                return 0;
            }
            finally
            {
                if (!options.Keep && options.Work == null)
                {
                    Directory.Delete(work, recursive: true);
                }
            }
        }

        private static bool IsCli(string mode) => mode == "jit" || mode == "r2r" || mode == "aot";

        private static bool OnPath(string command) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, command)));

        private static Tool PublishCli(string root, string work, string mode, string description, params string[] extra)
        {
            var output = Path.Combine(work, mode);
            var project = Path.Combine(root, "src", "ManifestTools.Cli", "ManifestTools.Cli.csproj");
            Log($"publishing the CLI ({description}) to {output}");

            // Own, fresh artifacts folder per mode: a RID-specific restore must not disturb the repository's obj/ folders,
            // and a ReadyToRun publish must not reuse images compiled earlier for another runtime.
            var artifacts = Path.Combine(work, "artifacts-" + mode);
            if (Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }

            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            var args = new List<string> { "publish", project, "-c", "Release", "-o", output, "--artifacts-path", artifacts, "-nodeReuse:false" };
            args.AddRange(extra);
            var (exitCode, stdout, stderr) = RunToEnd("dotnet", args);
            if (exitCode != 0)
            {
                throw new BenchmarkException($"dotnet publish ({mode}) exited {exitCode}:\n{stdout}{stderr}");
            }

            var native = Path.Combine(output, "manifest-tools");
            if (mode == "aot" && File.Exists(native))
            {
                return new Tool(mode, description, native, new[] { "lint" }, ExpectCleanLint);
            }

            var dll = Path.Combine(output, "manifest-tools.dll");
            if (!File.Exists(dll))
            {
                throw new BenchmarkException($"dotnet publish ({mode}) produced no {dll}");
            }

            return new Tool(mode, description, "dotnet", new[] { dll, "lint" }, ExpectCleanLint);
        }

        private static Tool InstallJsYaml(string work)
        {
            var folder = Path.Combine(work, "node");
            Directory.CreateDirectory(folder);
            var (nodeExit, nodeVersion, _) = RunToEnd("node", new[] { "--version" });
            if (nodeExit != 0)
            {
                throw new BenchmarkException("node is not installed; leave node out of --modes to skip the baseline");
            }

            // A throw-away package folder: nothing lands in the repository, and no lock file is written.
            File.WriteAllText(Path.Combine(folder, "package.json"), "{ \"private\": true }\n");
            Log($"installing js-yaml 4.x into {folder}");
            var (exitCode, stdout, stderr) = RunToEnd("npm", new[] { "install", "--no-package-lock", "--no-audit", "--no-fund", "js-yaml@^4" }, folder);
            if (exitCode != 0)
            {
                throw new BenchmarkException($"npm install js-yaml exited {exitCode}:\n{stdout}{stderr}");
            }

            using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "node_modules", "js-yaml", "package.json")));
            var jsYamlVersion = package.RootElement.GetProperty("version").GetString();

            var script = Path.Combine(folder, "parse.js");
            File.WriteAllText(script, ParseScript);
            return new Tool("node", $"js-yaml {jsYamlVersion} loadAll, Node {nodeVersion.Trim()}", "node", new[] { script }, ExpectAllDocuments);
        }

        /// <summary>Reads every .yaml file under the folder, in sorted order, and parses it with loadAll; nothing else.</summary>
        private const string ParseScript = @"'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

const files = walk(process.argv[2], []).sort();
let documents = 0;
for (const file of files) {
  yaml.loadAll(fs.readFileSync(file, 'utf8'), doc => { if (doc != null) documents++; });
}
console.log(`${files.length} files, ${documents} documents`);
";

        /// <summary>
        /// The "yamldotnet" mode's child process: reads every .yaml file under <paramref name="folder"/> and pulls all parser
        /// events, in parallel as the CLI does, building nothing. Prints the same line as parse.js.
        /// </summary>
        private static int YamlDotNetFloor(string folder)
        {
            var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories);
            int documents = 0;
            System.Threading.Tasks.Parallel.For(0, files.Length, i =>
            {
                var parser = new YamlDotNet.Core.Parser(new StringReader(File.ReadAllText(files[i])));
                int found = 0;
                while (parser.MoveNext())
                {
                    if (parser.Current is YamlDotNet.Core.Events.DocumentStart)
                    {
                        found++;
                    }
                }

                System.Threading.Interlocked.Add(ref documents, found);
            });
            Console.WriteLine($"{files.Length} files, {documents} documents");
            return 0;
        }

        private static string? ExpectCleanLint(Sample run, Mesh mesh)
        {
            var expected = $"0 errors, 0 warnings in {mesh.Files} files ({mesh.Objects} objects)\n";
            if (run.ExitCode != 0 || run.Stdout != expected)
            {
                return $"expected exit 0 and exactly \"{expected.TrimEnd()}\", got exit {run.ExitCode}; stdout (first 2,000 characters):\n" +
                    Head(run.Stdout) + "\nstderr:\n" + Head(run.Stderr);
            }

            return null;
        }

        private static string? ExpectAllDocuments(Sample run, Mesh mesh)
        {
            var expected = $"{mesh.Files} files, {mesh.Objects} documents\n";
            return run.ExitCode == 0 && run.Stdout == expected ? null
                : $"expected exit 0 and \"{expected.TrimEnd()}\", got exit {run.ExitCode}:\n{Head(run.Stdout)}\n{Head(run.Stderr)}";
        }

        private static string Head(string text) => text.Length <= 2000 ? text : text.Substring(0, 2000) + "…";

        private static IEnumerable<Result> Measure(string work, int size, IReadOnlyList<Tool> tools, Options options)
        {
            int services = SyntheticMesh.ServicesFor(size);
            var folder = Path.Combine(work, "mesh-" + size.ToString(CultureInfo.InvariantCulture));
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            long bytes = SyntheticMesh.Write(folder, services);
            var mesh = new Mesh(size, services, services * SyntheticMesh.ObjectsPerService, bytes, folder);
            int runs = size >= 100_000 ? options.LargeRuns : options.Runs;
            Log($"{mesh.Objects:N0} objects: {mesh.Files:N0} files, {bytes / 1e6:F2} MB; {options.Warmup} warm-up + {runs} measured runs per mode");

            var measured = tools.ToDictionary(t => t.Mode, _ => new List<Sample>());
            for (int i = -options.Warmup; i < runs; i++)
            {
                // Modes take turns, so a noisy neighbour on the shared machine hits them all alike.
                foreach (var tool in tools)
                {
                    var run = Execute(tool, mesh);
                    var problem = tool.Verify(run, mesh);
                    if (problem != null)
                    {
                        throw new BenchmarkException($"{tool.Mode} on {mesh.Objects:N0} objects: {problem}");
                    }

                    if (i >= 0)
                    {
                        measured[tool.Mode].Add(run);
                    }

                    Log($"  {tool.Mode,-10} {(i < 0 ? "warm-up" : "run " + (i + 1)),-8} {run.Seconds,7:F3} s {run.PeakKiB / 1024.0,8:F1} MiB");
                }
            }

            return tools.Select(t => new Result(mesh, t, measured[t.Mode]));
        }

        /// <summary>One process under /usr/bin/time: wall time from the stopwatch around it, peak RSS (%M, KiB) from time.</summary>
        private static Sample Execute(Tool tool, Mesh mesh)
        {
            var timeFile = Path.GetTempFileName();
            try
            {
                var args = new List<string> { "-f", "%e %M", "-o", timeFile, tool.Command };
                args.AddRange(tool.Arguments);
                args.Add(mesh.Folder);
                var stopwatch = Stopwatch.StartNew();
                var (exitCode, stdout, stderr) = RunToEnd(TimeBinary, args, environment: tool.Environment);
                stopwatch.Stop();
                var fields = File.ReadAllText(timeFile).Trim().Split('\n').Last().Split(' ');
                long peakKiB = long.Parse(fields[fields.Length - 1], CultureInfo.InvariantCulture);
                return new Sample(exitCode, stdout, stderr, stopwatch.Elapsed.TotalSeconds, peakKiB);
            }
            finally
            {
                File.Delete(timeFile);
            }
        }

        private static (int ExitCode, string Stdout, string Stderr) RunToEnd(string command, IEnumerable<string> args, string? workingDirectory = null,
            IReadOnlyDictionary<string, string>? environment = null)
        {
            var start = new ProcessStartInfo(command)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            try
            {
                using var process = Process.Start(start) ?? throw new BenchmarkException($"cannot start {command}");
                var stderr = process.StandardError.ReadToEndAsync();
                var stdout = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return (process.ExitCode, stdout.Replace("\r\n", "\n", StringComparison.Ordinal), stderr.Result);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                return (127, string.Empty, $"{command}: {ex.Message}");
            }
        }

        /// <summary>
        /// How many methods the runtime JIT-compiles in one run (DOTNET_JitDisasmSummary, available in release runtimes):
        /// shows whether a ReadyToRun build's precompiled code is actually used. The runtime ignores ReadyToRun code
        /// compiled for another major version, so a net8.0 build rolled forward to .NET 10 compiles everything again.
        /// </summary>
        private static string JitCensus(Tool tool, Mesh mesh)
        {
            var list = Path.GetTempFileName();
            try
            {
                var start = new ProcessStartInfo(tool.Command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var arg in tool.Arguments.Append(mesh.Folder))
                {
                    start.ArgumentList.Add(arg);
                }

                start.Environment["DOTNET_JitStdOutFile"] = list;
                start.Environment["DOTNET_JitDisasmSummary"] = "1";
                using (var process = Process.Start(start) ?? throw new BenchmarkException($"cannot start {tool.Command}"))
                {
                    var stderr = process.StandardError.ReadToEndAsync();
                    process.StandardOutput.ReadToEnd();
                    process.WaitForExit();
                    stderr.Wait();
                }

                var compiled = File.ReadAllLines(list).Where(line => line.Contains("JIT compiled ", StringComparison.Ordinal)).ToList();
                int app = compiled.Count(line => line.Contains(" YamlDotNet.", StringComparison.Ordinal) || line.Contains(" ManifestTools.", StringComparison.Ordinal));
                return string.Create(CultureInfo.InvariantCulture,
                    $"- {tool.Mode}: {compiled.Count:N0} methods JIT-compiled in one {mesh.Objects:N0}-object run, {app:N0} of them from ManifestTools or YamlDotNet");
            }
            finally
            {
                File.Delete(list);
            }
        }

        private static string Report(IReadOnlyList<Result> results, IReadOnlyList<Tool> tools, IReadOnlyList<string> census, Options options)
        {
            var sb = new StringBuilder();
            sb.AppendLine($"Whole-process wall time (median) and peak RSS (largest of the measured runs); {Environment.ProcessorCount} cores ({CpuModel()}), .NET runtime {Environment.Version}. MB = 10^6 bytes.");
            foreach (var tool in tools)
            {
                sb.AppendLine($"- {tool.Mode}: {tool.Description}");
            }

            sb.AppendLine();
            sb.AppendLine("| Objects | Files | Input MB | Mode | Runs | Median s | Min s | Max s | Peak RSS MB |");
            sb.AppendLine("|--------:|------:|---------:|------|-----:|---------:|------:|------:|------------:|");
            foreach (var r in results)
            {
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Mesh.Objects:N0} | {r.Mesh.Files:N0} | {r.Mesh.Bytes / 1e6:F2} | {r.Tool.Mode} | {r.Runs.Count} | {r.Median:F3} | {r.Min:F3} | {r.Max:F3} | {r.PeakBytes / 1e6:F0} |"));
            }

            sb.AppendLine();
            sb.AppendLine("Targets (issue 2):");
            foreach (var tool in tools.Where(t => IsCli(t.Mode)))
            {
                var at10k = results.FirstOrDefault(r => r.Tool == tool && r.Mesh.Objects == 10_000);
                var node10k = results.FirstOrDefault(r => r.Tool.Mode == "node" && r.Mesh.Objects == 10_000);
                var at100k = results.FirstOrDefault(r => r.Tool == tool && r.Mesh.Objects == 100_000);
                if (at10k != null && node10k != null)
                {
                    sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"- {tool.Mode}: 10,000 objects in {at10k.Median:F3} s vs js-yaml {node10k.Median:F3} s: {Verdict(at10k.Median < node10k.Median)}"));
                }

                if (at10k != null && at100k != null)
                {
                    double ratio = at100k.Median / at10k.Median;
                    sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"- {tool.Mode}: 100,000 / 10,000 objects = {ratio:F2}x (at most {MaxScaling}x): {Verdict(ratio <= MaxScaling)}"));
                }

                if (at100k != null)
                {
                    sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"- {tool.Mode}: peak RSS at 100,000 objects {at100k.PeakBytes / 1e6:F0} MB (under {MaxPeakBytes / 1e6:F0} MB): {Verdict(at100k.PeakBytes < MaxPeakBytes)}"));
                }
            }

            foreach (var tool in tools)
            {
                var at10k = results.FirstOrDefault(r => r.Tool == tool && r.Mesh.Objects == 10_000);
                var at100k = results.FirstOrDefault(r => r.Tool == tool && r.Mesh.Objects == 100_000);
                if (at10k != null && at100k != null && !IsCli(tool.Mode))
                {
                    sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- ({tool.Mode} for comparison: 100,000 / 10,000 objects = {at100k.Median / at10k.Median:F2}x)"));
                }
            }

            if (!options.Sizes.Contains(10_000) || !options.Sizes.Contains(100_000))
            {
                sb.AppendLine("- (the targets need sizes 10000 and 100000, and node for the first)");
            }

            if (census.Count > 0)
            {
                sb.AppendLine();
                sb.AppendLine("Is precompiled code used?");
                foreach (var line in census)
                {
                    sb.AppendLine(line);
                }
            }

            return sb.ToString();
        }

        private static string Verdict(bool met) => met ? "met" : "MISSED";

        private static string CpuModel()
        {
            const string cpuinfo = "/proc/cpuinfo";
            var line = File.Exists(cpuinfo) ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
            return line?.Substring(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim() ?? "unknown CPU";
        }

        private static string FindRepositoryRoot()
        {
            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "ManifestTools.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new BenchmarkException("cannot find ManifestTools.sln above the current folder");
        }

        private static void Log(string message) => Console.Error.WriteLine("[bench] " + message);

        private sealed class Options
        {
            public IReadOnlyList<int> Sizes { get; private set; } = new[] { 1_000, 10_000, 100_000 };
            public int Runs { get; private set; } = 10;
            public int LargeRuns { get; private set; } = 3;
            public int Warmup { get; private set; } = 1;
            public IReadOnlyList<string> Modes { get; private set; } = AllModes;
            public string? Work { get; private set; }
            public bool Keep { get; private set; }
            public string? Out { get; private set; }

            public static Options Parse(string[] args)
            {
                var options = new Options();
                for (int i = 0; i < args.Length; i++)
                {
                    string Value() => i + 1 < args.Length ? args[++i] : throw new BenchmarkException($"{args[i]} needs a value\n{Usage}");
                    switch (args[i])
                    {
                        case "--sizes": options.Sizes = Value().Split(',').Select(ParseCount).ToArray(); break;
                        case "--runs": options.Runs = ParseCount(Value()); break;
                        case "--large-runs": options.LargeRuns = ParseCount(Value()); break;
                        case "--warmup": options.Warmup = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                        case "--modes": options.Modes = Value().Split(',').Select(m => m.Trim()).ToArray(); break;
                        case "--work": options.Work = Path.GetFullPath(Value()); break;
                        case "--keep": options.Keep = true; break;
                        case "--out": options.Out = Path.GetFullPath(Value()); break;
                        default: throw new BenchmarkException($"unknown option {args[i]}\n{Usage}");
                    }
                }

                var unknown = options.Modes.Except(AllModes).ToList();
                if (unknown.Count > 0)
                {
                    throw new BenchmarkException($"unknown mode {unknown[0]}: use {string.Join(", ", AllModes)}");
                }

                return options;
            }

            private static int ParseCount(string text) =>
                int.TryParse(text.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
                    ? n : throw new BenchmarkException($"'{text}' is not a positive count");
        }

        private sealed record Tool(string Mode, string Description, string Command, IReadOnlyList<string> Arguments, Func<Sample, Mesh, string?> Verify,
            IReadOnlyDictionary<string, string>? Environment = null);

        private sealed record Mesh(int Requested, int Files, int Objects, long Bytes, string Folder);

        private sealed record Sample(int ExitCode, string Stdout, string Stderr, double Seconds, long PeakKiB);

        private sealed class Result
        {
            public Result(Mesh mesh, Tool tool, List<Sample> runs)
            {
                Mesh = mesh;
                Tool = tool;
                Runs = runs;
                var seconds = runs.Select(r => r.Seconds).OrderBy(s => s).ToArray();
                Median = seconds.Length % 2 == 1 ? seconds[seconds.Length / 2] : (seconds[seconds.Length / 2 - 1] + seconds[seconds.Length / 2]) / 2;
                Min = seconds[0];
                Max = seconds[seconds.Length - 1];
                PeakBytes = runs.Max(r => r.PeakKiB) * 1024;
            }

            public Mesh Mesh { get; }
            public Tool Tool { get; }
            public List<Sample> Runs { get; }
            public double Median { get; }
            public double Min { get; }
            public double Max { get; }
            public long PeakBytes { get; }
        }

        private sealed class BenchmarkException : Exception
        {
            public BenchmarkException(string message) : base(message)
            {
            }
        }
    }
}
