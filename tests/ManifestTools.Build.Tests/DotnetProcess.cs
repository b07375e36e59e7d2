using System;
using System.Collections;
using System.Diagnostics;
using System.Text;

namespace ManifestTools.Build.Tests
{
    /// <summary>What one dotnet command printed; <see cref="ToString"/> is the text assertion messages show.</summary>
    internal sealed class DotnetResult
    {
        public DotnetResult(string commandLine, int exitCode, string output)
        {
            CommandLine = commandLine;
            ExitCode = exitCode;
            Output = output;
        }

        public string CommandLine { get; }
        public int ExitCode { get; }

        /// <summary>Standard output and standard error, interleaved as printed.</summary>
        public string Output { get; }

        public override string ToString() => $"> {CommandLine}\nexit code {ExitCode}\n{Output}";
    }

    /// <summary>Runs the dotnet CLI as a user would, with node reuse off so no MSBuild node outlives the test run.</summary>
    internal static class DotnetProcess
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

        /// <summary>The dotnet that runs the tests (DOTNET_HOST_PATH under dotnet test), else the one on PATH.</summary>
        private static readonly string Executable = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

        public static DotnetResult Run(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The classic console logger: its "N Warning(s)" summary is what the tests read.
            start.ArgumentList.Add("-tl:off");
            start.ArgumentList.Add("-nodeReuse:false");

            // dotnet test's own MSBuild exports its paths and settings; a nested dotnet must find its SDK by itself.
            foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                var name = (string)variable.Key;
                if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(name);
                }
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

            string commandLine = "dotnet " + string.Join(" ", start.ArgumentList) + " (in " + workingDirectory + ")";
            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            DataReceivedEventHandler append = (_, e) =>
            {
                if (e.Data != null)
                {
                    lock (output)
                    {
                        output.Append(e.Data).Append('\n');
                    }
                }
            };
            process.OutputDataReceived += append;
            process.ErrorDataReceived += append;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"{commandLine} did not finish within {Timeout.TotalMinutes} minutes:\n{output}");
            }

            process.WaitForExit(); // Drains the asynchronous output readers.
            lock (output)
            {
                return new DotnetResult(commandLine, process.ExitCode, output.ToString());
            }
        }
    }
}
