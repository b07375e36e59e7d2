using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Code
{
    /// <summary>
    /// MT3002: the service listens on a port its containers do not declare (or, when they declare none, that its
    /// Service's targetPort does not name). The code's own addresses win over the environment's, as in ASP.NET Core.
    /// </summary>
    public static class ListenPortRule
    {
        /// <summary>Address variables in the order ASP.NET Core lets them win: a URL list replaces the port lists.</summary>
        private static readonly string[] UrlVariables = { "ASPNETCORE_URLS", "DOTNET_URLS" };
        private static readonly string[] PortVariables = { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS" };

        private const string KestrelEndpoints = "Kestrel:Endpoints";

        public static DiagnosticDescriptor Descriptor => DiagnosticCatalog.ListenPortMismatch;

        /// <summary>Checks a port the code listens on against every workload of the service.</summary>
        public static CodeFinding? CheckCodePort(int port, ServiceRuntime runtime)
        {
            if (port == 0)
            {
                return null; // Port 0 asks the OS for any free port, as tests do; there is nothing to declare.
            }

            var mismatch = Mismatch(port, runtime.Workloads, runtime);
            return mismatch == null ? null
                : new CodeFinding(Descriptor, Descriptor.FormatMessage("the code", Number(port), mismatch, Fix(port, runtime)));
        }

        /// <summary>
        /// Checks the ports that address variables in the containers' environment select. Call it only when the code sets
        /// no address of its own, since those replace the environment's.
        /// </summary>
        public static IEnumerable<ManifestDiagnostic> CheckEnvironment(ServiceRuntime runtime)
        {
            // Kestrel's configured endpoints (appsettings or Kestrel__Endpoints__… variables) replace these addresses too.
            if (runtime.SetsConfiguration(KestrelEndpoints, asSection: true) || runtime.Settings.Provides(KestrelEndpoints, asSection: true))
            {
                yield break;
            }

            foreach (var (workload, container) in runtime.CodeContainers)
            {
                if (workload.Header.Suppresses(Descriptor.Id))
                {
                    continue;
                }

                foreach (var (variable, port) in EnvironmentPorts(container))
                {
                    var mismatch = Mismatch(port, new[] { workload }, runtime);
                    if (mismatch != null)
                    {
                        yield return new ManifestDiagnostic(Descriptor, Descriptor.DefaultSeverity, workload.File, variable.ValueSpan,
                            Descriptor.FormatMessage($"container {container.Name} of {workload.Ref}, through {variable.Name},", Number(port), mismatch, Fix(port, runtime)),
                            workload.Ref);
                    }
                }
            }
        }

        private static IEnumerable<(EnvironmentVariable Variable, int Port)> EnvironmentPorts(Container container)
        {
            // The API server accepts a name twice; the container gets the last value.
            var set = new Dictionary<string, EnvironmentVariable>(System.StringComparer.Ordinal);
            foreach (var variable in container.Environment.Where(v => v.Value != null))
            {
                set[variable.Name] = variable;
            }

            foreach (var name in UrlVariables)
            {
                if (set.TryGetValue(name, out var urls))
                {
                    return ListenAddresses.UrlPorts(urls.Value!).Select(p => (urls, p)).ToList();
                }
            }

            return PortVariables.Where(set.ContainsKey).SelectMany(name => ListenAddresses.PortList(set[name].Value!).Select(p => (set[name], p))).ToList();
        }

        /// <summary>Why nothing sends traffic to <paramref name="port"/>, or null when something does.</summary>
        private static string? Mismatch(int port, IReadOnlyCollection<Workload> workloads, ServiceRuntime runtime)
        {
            var declared = workloads.SelectMany(w => w.Containers).SelectMany(c => c.Ports).Where(p => p.Protocol == "TCP").Select(p => p.Number).Distinct().ToList();
            if (declared.Count > 0)
            {
                return declared.Contains(port) ? null
                    : $"the containers of {ServiceRuntime.Name(workloads)} declare containerPort {Numbers(declared)}";
            }

            var targets = runtime.Services
                .SelectMany(s => s.Ports.Select(p => (Service: s, Target: TargetNumber(p, workloads))))
                .Where(t => t.Target > 0)
                .ToList();
            return targets.Count == 0 || targets.Any(t => t.Target == port) ? null
                : $"{ServiceRuntime.Name(targets.Select(t => t.Service).Distinct())} sends traffic to targetPort {Numbers(targets.Select(t => t.Target).Distinct())}";
        }

        /// <summary>The number a Service port forwards to; 0 when it names a port no container declares.</summary>
        private static int TargetNumber(ServicePort port, IEnumerable<Workload> workloads)
        {
            if (port.TargetPort == null)
            {
                return port.Port;
            }

            var target = port.TargetPort.Value;
            return target.Name == null ? target.Number
                : workloads.SelectMany(w => w.Containers).SelectMany(c => c.Ports).FirstOrDefault(p => p.Name == target.Name)?.Number ?? 0;
        }

        private static string Fix(int port, ServiceRuntime runtime) =>
            runtime.Fix($"add <ContainerPort Include=\"{Number(port)}\" /> to the project file", $"declare containerPort {Number(port)} (and the Service's targetPort)") +
            ", or listen on the declared port";

        private static string Number(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string Numbers(IEnumerable<int> ports) => string.Join(", ", ports.OrderBy(p => p).Select(Number));
    }
}
