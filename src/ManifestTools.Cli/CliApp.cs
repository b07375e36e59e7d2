using System;
using System.IO;
using System.Linq;
using System.Reflection;
using ManifestTools.Cli.Formats;
using ManifestTools.Diagnostics;

namespace ManifestTools.Cli
{
    /// <summary>The command line, with its writers passed in so tests run it in-process exactly as Main does.</summary>
    internal static class CliApp
    {
        private const string Usage =
            "usage: manifest-tools lint PATH... [--namespace NS] [--format text|json|sarif|github] [--fail-on error|warning] [--cluster-domain DOMAIN]\n" +
            "       manifest-tools rules\n" +
            "       manifest-tools --version\n" +
            "\n" +
            "Lints Kubernetes and Istio manifests (.yaml, .yml, .json; folders are searched recursively).\n" +
            "Exit codes: 0 clean, 1 findings at or above --fail-on (default error), 2 usage or I/O error.";

        public static string Version { get; } =
            (typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            switch (args.FirstOrDefault())
            {
                case "lint":
                    return Lint(args.Skip(1).ToArray(), stdout, stderr);
                case "rules":
                    WriteRules(stdout);
                    return ExitCodes.Clean;
                case "--version":
                    stdout.WriteLine(Version);
                    return ExitCodes.Clean;
                case "--help":
                case "-h":
                case "help":
                    stdout.WriteLine(Usage);
                    return ExitCodes.Clean;
                default:
                    stderr.WriteLine(args.Length == 0 ? "manifest-tools: no command given" : $"manifest-tools: unknown command '{args[0]}'");
                    stderr.WriteLine(Usage);
                    return ExitCodes.UsageOrIoError;
            }
        }

        private static int Lint(string[] args, TextWriter stdout, TextWriter stderr)
        {
            var arguments = LintArguments.Parse(args, out var error);
            if (arguments == null)
            {
                stderr.WriteLine("manifest-tools: " + error);
                stderr.WriteLine(Usage);
                return ExitCodes.UsageOrIoError;
            }

            var (report, ioErrors) = ManifestLinter.LintPaths(arguments.Paths, arguments.Options);
            Formatter(arguments.Format).Write(report, stdout);
            foreach (var ioError in ioErrors)
            {
                stderr.WriteLine("manifest-tools: " + ioError);
            }

            if (ioErrors.Count > 0)
            {
                return ExitCodes.UsageOrIoError;
            }

            return report.Diagnostics.Any(d => d.Severity >= arguments.FailOn) ? ExitCodes.Findings : ExitCodes.Clean;
        }

        private static IReportFormatter Formatter(OutputFormat format) => format switch
        {
            OutputFormat.Json => new JsonFormatter(),
            OutputFormat.Sarif => new SarifFormatter(Version),
            OutputFormat.GitHub => new GitHubFormatter(),
            _ => new TextFormatter(),
        };

        private static void WriteRules(TextWriter stdout)
        {
            foreach (var rule in DiagnosticCatalog.Lint)
            {
                stdout.WriteLine($"{rule.Id}  {SeverityNames.Lower(rule.DefaultSeverity),-7}  {rule.Title}");
            }
        }
    }
}
