using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using ManifestTools.Configuration;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Cli
{
    internal enum OutputFormat
    {
        Text,
        Json,
        Sarif,
        GitHub,
    }

    /// <summary>The syntax of <c>manifest-tools lint</c>, and the values one command line gave it.</summary>
    internal sealed class LintArguments
    {
        /// <summary>The PATH that names standard input.</summary>
        public const string StandardInput = "-";

        private static readonly (string Name, OutputFormat Value)[] Formats =
        {
            ("text", OutputFormat.Text), ("json", OutputFormat.Json), ("sarif", OutputFormat.Sarif), ("github", OutputFormat.GitHub),
        };

        private static readonly (string Name, Severity Value)[] FailOnLevels = { ("error", Severity.Error), ("warning", Severity.Warning) };

        private LintArguments(IReadOnlyList<string> paths, OutputFormat format, Severity failOn, string? @namespace, string? clusterDomain, string? configFile)
        {
            Paths = paths;
            Format = format;
            FailOn = failOn;
            _namespace = @namespace;
            _clusterDomain = clusterDomain;
            ConfigFile = configFile;
        }

        private readonly string? _namespace;
        private readonly string? _clusterDomain;

        /// <summary>As given, so that messages can quote them; <see cref="StandardInput"/> may be among them.</summary>
        public IReadOnlyList<string> Paths { get; }

        public OutputFormat Format { get; }
        public Severity FailOn { get; }

        /// <summary>--config: the configuration file to use instead of the one found above the paths.</summary>
        public string? ConfigFile { get; }

        /// <summary>The options of <paramref name="config"/>, with those the command line gives on top.</summary>
        public LintOptions CreateOptions(ManifestToolsConfig? config)
        {
            var options = new LintOptions();
            config?.ApplyTo(options);
            if (_namespace != null)
            {
                options.DefaultNamespace = _namespace;
            }

            if (_clusterDomain != null)
            {
                options.ClusterDomain = _clusterDomain.Trim('.');
            }

            return options;
        }

        /// <summary>
        /// The <c>lint</c> command, which hands its arguments to <paramref name="run"/>.
        /// <paramref name="pathsAfterDoubleDash"/> is how many of the words given are after a <c>--</c>: those are paths,
        /// whatever they look like, and the parser's tokens no longer tell them apart.
        /// </summary>
        public static Command CreateCommand(int pathsAfterDoubleDash, Func<LintArguments, int> run)
        {
            var paths = new Argument<string[]>("PATH")
            {
                Arity = ArgumentArity.OneOrMore,
                Description = "Manifest files or folders; folders are searched recursively for .yaml, .yml and .json files. - reads standard input.",
            };
            paths.Validators.Add(result => PassOnUnknownOptions(result, pathsAfterDoubleDash));

            var ns = new Option<string>("--namespace", "-n")
            {
                Description = "The namespace of objects without metadata.namespace, as kubectl apply -n assigns it [default: defaultNamespace of .manifest-tools.yaml, else default].",
                HelpName = "NS",
            };
            var clusterDomain = new Option<string>("--cluster-domain")
            {
                Description = "The suffix of in-cluster host names: <name>.<namespace>.svc.<domain> [default: clusterDomain of .manifest-tools.yaml, else cluster.local].",
                HelpName = "DOMAIN",
            };
            ns.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string>() is { } value && KubernetesNames.CheckDns1123Label(value) is { } problem)
                {
                    result.AddError($"--namespace {value} is not a DNS-1123 label: it {problem}");
                }
            });
            clusterDomain.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string>() is { } value && KubernetesNames.CheckDns1123Subdomain(value.Trim('.')) is { } problem)
                {
                    result.AddError($"--cluster-domain {value} is not a DNS subdomain: it {problem}");
                }
            });
            var config = new Option<string>("--config")
            {
                Description = "The configuration file [default: the nearest .manifest-tools.yaml in the linted folder or above it].",
                HelpName = "FILE",
            };
            var format = new Option<string>("--format")
            {
                Description = "The output format.",
                HelpName = string.Join("|", Formats.Select(f => f.Name)),
                DefaultValueFactory = _ => Formats[0].Name,
            };
            format.AcceptOnlyFromAmong(Formats.Select(f => f.Name).ToArray());
            var failOn = new Option<string>("--fail-on")
            {
                Description = "The lowest severity that fails the run (exit code 1).",
                HelpName = string.Join("|", FailOnLevels.Select(l => l.Name)),
                DefaultValueFactory = _ => FailOnLevels[0].Name,
            };
            failOn.AcceptOnlyFromAmong(FailOnLevels.Select(l => l.Name).ToArray());

            var command = new Command("lint",
                "Lints Kubernetes and Istio manifests. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error, or no manifest found.")
            {
                paths, ns, clusterDomain, format, failOn, config,
            };
            command.SetAction(parseResult => run(new LintArguments(
                parseResult.GetRequiredValue(paths),
                Formats.First(f => f.Name == parseResult.GetRequiredValue(format)).Value,
                FailOnLevels.First(l => l.Name == parseResult.GetRequiredValue(failOn)).Value,
                parseResult.GetValue(ns),
                parseResult.GetValue(clusterDomain),
                parseResult.GetValue(config))));
            return command;
        }

        /// <summary>
        /// The parser gives PATH every word that is not a known option, <c>--nmespace</c> included. Words from the first
        /// one that looks like an option are passed back, so that the parser reports them as unmatched, with its suggestions.
        /// </summary>
        private static void PassOnUnknownOptions(ArgumentResult result, int pathsAfterDoubleDash)
        {
            int beforeDoubleDash = Math.Max(0, result.Tokens.Count - pathsAfterDoubleDash);
            for (int i = 0; i < beforeDoubleDash; i++)
            {
                var word = result.Tokens[i].Value;
                if (word.Length > 1 && word.StartsWith("-", StringComparison.Ordinal))
                {
                    result.OnlyTake(i);
                    return;
                }
            }
        }
    }
}
