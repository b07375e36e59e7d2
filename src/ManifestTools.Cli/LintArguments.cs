using System;
using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Cli
{
    internal enum OutputFormat
    {
        Text,
        Json,
        Sarif,
        GitHub,
    }

    /// <summary>The parsed command line of <c>manifest-tools lint</c>.</summary>
    internal sealed class LintArguments
    {
        public List<string> Paths { get; } = new List<string>();
        public OutputFormat Format { get; private set; } = OutputFormat.Text;
        public Severity FailOn { get; private set; } = Severity.Error;
        public LintOptions Options { get; } = new LintOptions();

        /// <summary>Returns null and sets <paramref name="error"/> when the arguments are not usable.</summary>
        public static LintArguments? Parse(IReadOnlyList<string> args, out string? error)
        {
            var result = new LintArguments();
            error = null;
            bool onlyPaths = false;
            for (int i = 0; i < args.Count; i++)
            {
                var arg = args[i];
                if (onlyPaths || !arg.StartsWith("-", StringComparison.Ordinal) || arg.Length == 1)
                {
                    result.Paths.Add(arg);
                    continue;
                }

                if (arg == "--")
                {
                    onlyPaths = true;
                    continue;
                }

                string name = arg, value;
                int equals = arg.IndexOf('=');
                if (equals > 0)
                {
                    name = arg.Substring(0, equals);
                    value = arg.Substring(equals + 1);
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    error = $"option {arg} needs a value";
                    return null;
                }

                error = result.Apply(name, value);
                if (error != null)
                {
                    return null;
                }
            }

            if (result.Paths.Count == 0)
            {
                error = "no PATH given: name the manifest files or folders to lint";
                return null;
            }

            return result;
        }

        private string? Apply(string name, string value)
        {
            switch (name)
            {
                case "--namespace":
                case "-n":
                    Options.DefaultNamespace = value;
                    return null;
                case "--cluster-domain":
                    Options.ClusterDomain = value.Trim('.');
                    return null;
                case "--format":
                    switch (value)
                    {
                        case "text": Format = OutputFormat.Text; return null;
                        case "json": Format = OutputFormat.Json; return null;
                        case "sarif": Format = OutputFormat.Sarif; return null;
                        case "github": Format = OutputFormat.GitHub; return null;
                        default: return $"unknown format '{value}': use text, json, sarif or github";
                    }

                case "--fail-on":
                    switch (value)
                    {
                        case "error": FailOn = Severity.Error; return null;
                        case "warning": FailOn = Severity.Warning; return null;
                        default: return $"unknown --fail-on level '{value}': use error or warning";
                    }

                default:
                    return $"unknown option {name}";
            }
        }
    }
}
