using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ManifestTools.Cli.Formats;
using ManifestTools.Configuration;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;

namespace ManifestTools.Cli
{
    /// <summary>The command line, with its streams passed in so tests run it in-process exactly as Main does.</summary>
    internal static class CliApp
    {
        /// <summary>How findings name standard input, as gcc and Python do.</summary>
        public const string StandardInputName = "<stdin>";

        public static string Version { get; } =
            (typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

        /// <summary>Runs with the process's standard input.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, Console.OpenStandardInput(), stdout, stderr);

        public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr)
        {
            int doubleDash = Array.IndexOf(args, "--");
            var lint = LintArguments.CreateCommand(doubleDash < 0 ? 0 : args.Length - doubleDash - 1,
                arguments => Lint(arguments, stdin, stdout, stderr));
            var rules = new Command("rules", "Lists the rules: ID, default severity and title.");
            rules.SetAction(_ => WriteRules(stdout));
            var root = new RootCommand("Lints Kubernetes and Istio manifests for broken canary releases.") { lint, rules };
            // The entry assembly is a test host when tests run the CLI in-process; the SARIF output names this version too.
            root.Options.OfType<VersionOption>().Single().Action = new WriteVersionAction();

            var parseResult = root.Parse(args);
            bool usageError = parseResult.Action is ParseErrorAction;
            int exitCode = parseResult.Invoke(new InvocationConfiguration
            {
                // A usage error's help and suggestions go to stderr too: stdout may be a SARIF file in the making.
                Output = usageError ? stderr : stdout,
                Error = stderr,
                // A crash must not exit 1, which means findings; left unhandled, it exits as a crash.
                EnableDefaultExceptionHandler = false,
            });
            return usageError ? ExitCodes.UsageOrIoError : exitCode;
        }

        private static int Lint(LintArguments arguments, Stream stdin, TextWriter stdout, TextWriter stderr)
        {
            if (!TryLoadConfig(arguments, stderr, out var config, out var configErrors))
            {
                if (configErrors.Count > 0)
                {
                    // The report still goes out, in its format, so that a SARIF upload or an annotation shows the problem.
                    Formatter(arguments.Format).Write(new LintReport(configErrors, 1, 0), stdout);
                    stderr.WriteLine($"manifest-tools: {configErrors[0].File} is not valid; fix it, or name another with --config");
                }

                return ExitCodes.UsageOrIoError;
            }

            var options = arguments.CreateOptions(config);
            var loaded = ManifestLoader.Load(arguments.Paths.Where(p => p != LintArguments.StandardInput), options);
            var files = loaded.Files.ToList();
            var ioErrors = loaded.IoErrors.ToList();
            foreach (var skipped in loaded.Skipped)
            {
                stderr.WriteLine("manifest-tools: skipped " + skipped);
            }

            if (arguments.Paths.Contains(LintArguments.StandardInput))
            {
                try
                {
                    files.Add(ReadStandardInput(stdin, options));
                }
                catch (IOException ex)
                {
                    ioErrors.Add($"{StandardInputName}: {ex.Message}");
                }
            }

            var report = ManifestLinter.Lint(files, options);
            Formatter(arguments.Format).Write(report, stdout);
            foreach (var ioError in ioErrors)
            {
                stderr.WriteLine("manifest-tools: " + ioError);
            }

            if (ioErrors.Count > 0)
            {
                return ExitCodes.UsageOrIoError;
            }

            if (report.ObjectCount == 0 && !report.Diagnostics.Any(d => d.Severity >= Severity.Warning))
            {
                // A clean run over nothing would pass CI while checking nothing: a wrong folder, or a chart not yet rendered.
                var named = arguments.Paths.Distinct().Select(p => p == LintArguments.StandardInput ? StandardInputName : p);
                stderr.WriteLine("manifest-tools: no Kubernetes manifests found in " + string.Join(", ", named));
                stderr.WriteLine("hint: name the folders that hold them, or pipe rendered output to `manifest-tools lint -` " +
                    "(helm template CHART | manifest-tools lint -)");
                return ExitCodes.UsageOrIoError;
            }

            return report.Diagnostics.Any(d => d.Severity >= arguments.FailOn) ? ExitCodes.Findings : ExitCodes.Clean;
        }

        /// <summary>
        /// The configuration named by --config, or the nearest one above the paths (the current folder for standard
        /// input). Paths configured by different files are a usage error: which file applies would be a guess.
        /// </summary>
        private static bool TryLoadConfig(LintArguments arguments, TextWriter stderr, out ManifestToolsConfig? config, out IReadOnlyList<ManifestDiagnostic> errors)
        {
            config = null;
            errors = Array.Empty<ManifestDiagnostic>();
            string? path = arguments.ConfigFile;
            if (path == null)
            {
                var found = arguments.Paths
                    .Select(p => p == LintArguments.StandardInput ? Directory.GetCurrentDirectory() : Directory.Exists(p) ? p : Path.GetDirectoryName(Path.GetFullPath(p)))
                    .Where(Directory.Exists)
                    .Select(folder => ManifestToolsConfig.Find(folder!))
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (found.Count > 1)
                {
                    stderr.WriteLine("manifest-tools: the paths are configured by different files: " +
                        string.Join(" and ", found.Select(Display)) + "; lint them separately, or name one with --config");
                    return false;
                }

                path = found.SingleOrDefault();
            }
            else if (!File.Exists(path))
            {
                stderr.WriteLine($"manifest-tools: --config {path}: no such file");
                return false;
            }

            if (path == null)
            {
                return true;
            }

            config = ManifestToolsConfig.Load(path, out var problems);
            var shown = Display(path);
            errors = problems.Select(e => new ManifestDiagnostic(e.Descriptor, e.Severity, shown, e.Span, e.Message, null)).ToList();
            return errors.Count == 0;
        }

        /// <summary>A configuration file's path as findings show paths: relative to the current folder when below it.</summary>
        private static string Display(string path)
        {
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path)).Replace('\\', '/');
            return relative.StartsWith("../", StringComparison.Ordinal) ? Path.GetFullPath(path).Replace('\\', '/') : relative;
        }

        /// <summary>Reads at most one byte past the size limit, so an endless producer cannot exhaust memory.</summary>
        private static ParsedFile ReadStandardInput(Stream stdin, LintOptions options)
        {
            long limit = options.Limits.MaxFileBytes;
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length <= limit && (read = stdin.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            return ManifestParser.ParseBytes(StandardInputName, buffer.GetBuffer(), (int)buffer.Length, options);
        }

        private static IReportFormatter Formatter(OutputFormat format) => format switch
        {
            OutputFormat.Json => new JsonFormatter(),
            OutputFormat.Sarif => new SarifFormatter(Version),
            OutputFormat.GitHub => new GitHubFormatter(),
            _ => new TextFormatter(),
        };

        private static int WriteRules(TextWriter stdout)
        {
            foreach (var rule in DiagnosticCatalog.Lint)
            {
                stdout.WriteLine($"{rule.Id}  {SeverityNames.Lower(rule.DefaultSeverity),-7}  {rule.Title}");
            }

            return ExitCodes.Clean;
        }

        private sealed class WriteVersionAction : SynchronousCommandLineAction
        {
            public override int Invoke(ParseResult parseResult)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(Version);
                return ExitCodes.Clean;
            }
        }
    }
}
