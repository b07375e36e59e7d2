using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Code
{
    /// <summary>What MT3002 found: findings in manifests, and findings at addresses the code sets (by their index).</summary>
    public sealed class ListenPortFindings
    {
        public List<ManifestDiagnostic> InManifests { get; } = new List<ManifestDiagnostic>();
        public List<(int Address, CodeFinding Finding)> InCode { get; } = new List<(int, CodeFinding)>();
    }

    /// <summary>
    /// MT3002: a Service or a probe sends to a port the process does not listen on. The error is about traffic, so it
    /// compares what the Services target and the probes request with the ports the process listens on; a containerPort
    /// that differs only misinforms, and is a warning. Each wrong number is reported once per container, where it is
    /// most likely the slip: at the address when the Service agrees with the declared containerPort, else at the
    /// Service.
    /// </summary>
    public static class ListenPortRule
    {
        public static DiagnosticDescriptor Descriptor => DiagnosticCatalog.ListenPortMismatch;

        public static ListenPortFindings Check(ServiceRuntime runtime, IReadOnlyList<CodeAddress> code)
        {
            var findings = new ListenPortFindings();
            foreach (var (workload, container) in runtime.CodeContainers)
            {
                var listening = ListenSources.Resolve(runtime.EnvironmentOf(workload, container), container, runtime.Image, runtime.Settings, code);
                if (listening != null)
                {
                    CheckContainer(runtime, workload, container, listening, findings);
                }
            }

            return findings;
        }

        private static void CheckContainer(ServiceRuntime runtime, Workload workload, Container container, Listening listening, ListenPortFindings findings)
        {
            var declared = container.Ports.Where(p => IsTcp(p.Protocol)).ToList();
            // A port another container of the pod declares is that container's, which the pod's network shares.
            var others = new HashSet<int>(workload.Containers.Where(c => c != container).SelectMany(c => c.Ports).Select(p => p.Number));
            var reported = new HashSet<int>();
            bool Wrong(int number) => !listening.Ports.Contains(number) && !others.Contains(number) && reported.Add(number);

            foreach (var service in runtime.ServicesSelecting(workload))
            {
                foreach (var port in service.Ports.Where(p => IsTcp(p.Protocol)))
                {
                    if (!(Target(port, container) is { } target) || !Wrong(target.Number))
                    {
                        continue;
                    }

                    string traffic = $"Service {service.Name} sends traffic to {target.Description} of {workload.Ref}";
                    if (listening.Origin != ListenOrigin.Build && declared.Any(p => p.Number == target.Number))
                    {
                        ReportAtAddress(runtime, workload, container, listening, target.Number, traffic, findings);
                        continue;
                    }

                    var at = target.InWorkload ? (ManifestObject)workload : service;
                    string fix = runtime.IsGenerated(at)
                        ? $"add <ContainerPort Include=\"{Number(listening.Ports[0])}\" /> to the project file"
                        : target.InWorkload ? $"set that containerPort to {Number(listening.Ports[0])}" : $"set the targetPort to {Number(listening.Ports[0])}";
                    Report(findings, at, target.Span, Severity.Error, $"{traffic}, but {Process(listening)}; {fix}, or listen on {Number(target.Number)}");
                }
            }

            foreach (var probe in container.Probes)
            {
                if (!(probe.Port is { } reference) || !(Resolve(reference, container) is int number) || !Wrong(number))
                {
                    continue;
                }

                string effect = probe.Kind == HealthProbeRule.Readiness ? "the pods never become ready"
                    : probe.Kind == "livenessProbe" ? "the pods are restarted forever" : "the pods never start";
                Report(findings, workload, reference.Span, Severity.Error,
                    $"the {probe.Kind} of container {container.Name} in {workload.Ref} requests port {reference}, but {Process(listening)}, so {effect}; " +
                    $"probe port {Number(listening.Ports[0])}");
            }

            if (reported.Count == 0 && declared.Count > 0 && !declared.Any(p => listening.Ports.Contains(p.Number)))
            {
                Report(findings, workload, declared[0].Span, Severity.Warning,
                    $"container {container.Name} of {workload.Ref} declares containerPort {Numbers(declared.Select(p => p.Number))}, but {Process(listening)}; " +
                    "traffic still flows to the Services' targetPort, since containerPort is informational, but " +
                    runtime.Fix($"add <ContainerPort Include=\"{Number(listening.Ports[0])}\" /> to the project file", $"declare containerPort {Number(listening.Ports[0])}") +
                    " so that readers and tools see the real port");
            }
        }

        /// <summary>The finding belongs where the address is set: the code, or the variable of the workload or ConfigMap.</summary>
        private static void ReportAtAddress(ServiceRuntime runtime, Workload workload, Container container, Listening listening, int target,
            string traffic, ListenPortFindings findings)
        {
            string declare = runtime.Fix($"add <ContainerPort Include=\"{Number(listening.Ports[0])}\" /> to the project file",
                $"send to port {Number(listening.Ports[0])}: set the Service's targetPort and the containerPort");
            if (listening.Origin == ListenOrigin.Code)
            {
                findings.InCode.Add((0, new CodeFinding(Descriptor, Descriptor.FormatMessage(
                    $"the code listens on port {Numbers(listening.Ports)}, but {traffic}; listen on {Number(target)}, or {declare}"))));
                return;
            }

            var setting = listening.Setting!;
            Report(findings, setting.Manifest!, setting.Span, Severity.Error,
                $"container {container.Name} of {workload.Ref} listens on port {Numbers(listening.Ports)} ({listening.Source}), but {traffic}; " +
                $"set {setting.Name} to listen on {Number(target)}, or {declare}");
        }

        private static void Report(ListenPortFindings findings, ManifestObject at, SourceSpan span, Severity severity, string message)
        {
            if (!at.Header.Suppresses(Descriptor.Id))
            {
                findings.InManifests.Add(new ManifestDiagnostic(Descriptor, severity, at.File, span, Descriptor.FormatMessage(message), at.Ref));
            }
        }

        /// <summary>The port a Service port sends to in this container; null when it names a port the container does not declare.</summary>
        private static (int Number, string Description, SourceSpan Span, bool InWorkload)? Target(ServicePort port, Container container)
        {
            if (port.TargetPort == null)
            {
                return (port.Port, $"port {Number(port.Port)} (it sets no targetPort)", port.Span, false);
            }

            var target = port.TargetPort.Value;
            if (target.Name == null)
            {
                return (target.Number, "targetPort " + Number(target.Number), target.Span, false);
            }

            var named = container.Ports.FirstOrDefault(p => p.Name == target.Name);
            return named == null ? ((int, string, SourceSpan, bool)?)null
                : (named.Number, $"targetPort {target.Name} (containerPort {Number(named.Number)} of container {container.Name})", named.Span, true);
        }

        private static int? Resolve(PortReference reference, Container container) =>
            reference.Name == null ? reference.Number : container.Ports.FirstOrDefault(p => p.Name == reference.Name)?.Number;

        private static string Process(Listening listening) =>
            $"the code listens on port {Numbers(listening.Ports)} ({listening.Source})";

        private static bool IsTcp(string protocol) => string.Equals(protocol, "TCP", StringComparison.OrdinalIgnoreCase);

        private static string Number(int port) => port.ToString(CultureInfo.InvariantCulture);

        private static string Numbers(IEnumerable<int> ports) => string.Join(", ", ports.OrderBy(p => p).Select(Number));
    }
}
