using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace ManifestTools.Tests
{
    /// <summary>
    /// kubectl's YAML reader (go-yaml, through kustomize) as the reference for "kubectl accepts this file": each call
    /// lists the files in a kustomization.yaml of a temporary folder and runs <c>kubectl kustomize</c> on it. No cluster
    /// is needed. .ci/run installs kubectl; a machine without it fails these tests rather than skipping them.
    /// </summary>
    internal static class Kubectl
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        /// <summary>Whether kubectl reads the files (name → bytes), and what it printed.</summary>
        public static (bool Accepted, string Output) Kustomize(IReadOnlyDictionary<string, byte[]> files)
        {
            string folder = Path.Combine(Path.GetTempPath(), "mt-kubectl-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                foreach (var (name, bytes) in files)
                {
                    File.WriteAllBytes(Path.Combine(folder, name), bytes);
                }

                File.WriteAllText(Path.Combine(folder, "kustomization.yaml"), "resources:\n" + string.Concat(files.Keys.Select(n => $"- {n}\n")));
                return Run(folder);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        /// <summary>Fails the test, with kubectl's words, unless kubectl reads every one of the files.</summary>
        public static void AssertAccepts(string folder, IEnumerable<string> names)
        {
            var files = names.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(folder, n)));
            var (accepted, output) = Kustomize(files);
            Assert.True(accepted, $"kubectl rejected the files of {folder}:\n{output}");
        }

        private static (bool, string) Run(string folder)
        {
            var start = new ProcessStartInfo("kubectl")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add("kustomize");
            start.ArgumentList.Add(folder);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("these tests need kubectl on PATH (the Debian package kubectl; .ci/run installs it): " + e.Message, e);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(Timeout))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("kubectl kustomize did not finish within " + Timeout);
                }

                return (process.ExitCode == 0, output.Result + error.Result);
            }
        }
    }
}
