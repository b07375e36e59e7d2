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
    /// MT3002: the service's Service reaches the process on no port, or a probe asks for a port it does not listen on.
    /// The error is about traffic, so it compares what the Service targets and the probes request with the ports the
    /// process listens on; a containerPort that differs only misinforms, and is a warning. Each wrong number is reported once per container, where it is
    /// most likely the slip: at the address when the Service agrees with the declared containerPort or the image's
    /// EXPOSE, else at the Service.
    /// </summary>
    public static class ListenPortRule
    {
        public static DiagnosticDescriptor Descriptor => DiagnosticCatalog.ListenPortMismatch;

        public static ListenPortFindings Check(ServiceRuntime runtime, IReadOnlyList<CodeAddress> code)
        {
            var mismatches = new List<Mismatch>();
            foreach (var (workload, container) in runtime.CodeContainers)
            {
                var listening = ListenSources.Resolve(runtime.EnvironmentOf(workload, container), container, runtime.Image, runtime.Settings, code);
                if (listening != null)
                {
                    CheckContainer(runtime, workload, container, listening, mismatches);
                }
            }

            // The versions of a canary share their Service and their code: one finding names every workload it is about.
            var findings = new ListenPortFindings();
            foreach (var group in mismatches.GroupBy(m => (m.At?.File, m.Span.Line, m.Span.Column, m.Message("")), m => m))
            {
                var first = group.First();
                string message = Descriptor.FormatMessage(first.Message(ServiceRuntime.Name(group.Select(m => m.Workload).Distinct())));
                if (first.At == null)
                {
                    findings.InCode.Add((0, new CodeFinding(Descriptor, message)));
                }
                else if (!first.At.Header.Suppresses(Descriptor.Id))
                {
                    findings.InManifests.Add(new ManifestDiagnostic(Descriptor, first.Severity, first.At.File, first.Span, message, first.At.Ref));
                }
            }

            return findings;
        }

        private static void CheckContainer(ServiceRuntime runtime, Workload workload, Container container, Listening listening, List<Mismatch> mismatches)
        {
            var declared = container.Ports.Where(p => IsTcp(p.Protocol)).ToList();
            // What the container and its image say the port is: the address is the odd one out when the Service agrees with them.
            bool Declared(int number) => declared.Any(p => p.Number == number) || runtime.Image.ExposedPorts.Contains(number);
            // A port another container of the pod declares is that container's, which the pod's network shares; one
            // that declares none (containerPort is optional) may serve any.
            var sidecars = workload.Containers.Where(c => c != container).ToList();
            var others = new HashSet<int>(sidecars.SelectMany(c => c.Ports).Select(p => p.Number));
            bool podIsKnown = sidecars.All(c => c.Ports.Any(p => IsTcp(p.Protocol)));
            var reported = new HashSet<int>();
            bool Wrong(int number) => podIsKnown && !listening.Ports.Contains(number) && !others.Contains(number) && reported.Add(number);
            string port = Number(listening.Ports[0]);

            foreach (var service in runtime.ServicesSelecting(workload))
            {
                var targets = service.Ports.Where(p => IsTcp(p.Protocol)).Select(p => Target(p, container)).Where(t => t != null).Select(t => t!.Value).ToList();
                // A Service with a port the process serves reaches it; its other ports, such as a metrics port, may be
                // served by a listener that is not Kestrel's (prometheus-net, Orleans), which the code does not show.
                if (targets.Any(t => listening.Ports.Contains(t.Number) || others.Contains(t.Number)))
                {
                    continue;
                }

                // One finding for the Service, at its first port: the one clients call, when none reaches the process.
                if (targets.Count == 0 || !Wrong(targets[0].Number))
                {
                    continue;
                }

                var target = targets[0];
                string Traffic(string workloads) => $"Service {service.Name} sends traffic to {target.Description} of {workloads}";
                // Where the number the Service sends to is set: the containerPort a named targetPort names, else the Service.
                var at = target.InWorkload ? (ManifestObject)workload : service;
                string sendTo = runtime.IsGenerated(at) ? $"add <ContainerPort Include=\"{port}\" /> to the project file"
                    : target.InWorkload ? $"set that containerPort to {port}" : $"set the targetPort to {port}";
                if (listening.Origin == ListenOrigin.Code && Declared(target.Number))
                {
                    // The code is the same in every version, so sending every version's traffic elsewhere is a fix too.
                    string elsewhere = runtime.IsGenerated(at) ? sendTo : $"{sendTo} in {at.File}";
                    mismatches.Add(new Mismatch(null, default, Severity.Error, workload,
                        w => $"the code listens on port {Numbers(listening.Ports)}, but {Traffic(w)}; listen on {Number(target.Number)}, or {elsewhere}"));
                }
                else if (listening.Origin == ListenOrigin.Manifest && Declared(target.Number))
                {
                    // One workload's variable: the Service also sends the other versions' traffic, so only the variable is the fix.
                    var setting = listening.Setting!;
                    mismatches.Add(new Mismatch(setting.Manifest, setting.Span, Severity.Error, workload,
                        w => $"container {container.Name} of {w} listens on port {Numbers(listening.Ports)} ({listening.Source}), but {Traffic(w)}; " +
                             $"set {setting.Name} to listen on {Number(target.Number)}"));
                }
                else
                {
                    mismatches.Add(new Mismatch(at, target.Span, Severity.Error, workload,
                        w => $"{Traffic(w)}, but {Process(listening)}; {sendTo}, or listen on {Number(target.Number)}"));
                }
            }

            foreach (var probe in ServiceRuntime.ProbesAreRewritten(workload) ? new List<Probe>() : container.Probes)
            {
                // A port the container declares but Kestrel does not listen on is served by something else of the process.
                if (!(probe.Port is { } reference) || !(Resolve(reference, container) is int number) || declared.Any(p => p.Number == number) || !Wrong(number))
                {
                    continue;
                }

                mismatches.Add(new Mismatch(workload, reference.Span, Severity.Error, workload,
                    w => $"the {probe.Kind} of container {container.Name} in {w} requests port {reference}, but {Process(listening)}, so {HealthProbeRule.Effect(probe)}; probe port {port}"));
            }

            if (reported.Count == 0 && declared.Count > 0 && !declared.Any(p => listening.Ports.Contains(p.Number)))
            {
                string fix = runtime.Fix($"add <ContainerPort Include=\"{port}\" /> to the project file", $"declare containerPort {port}");
                mismatches.Add(new Mismatch(workload, declared[0].Span, Severity.Warning, workload,
                    w => $"container {container.Name} of {w} declares containerPort {Numbers(declared.Select(p => p.Number))}, but {Process(listening)}; " +
                         $"traffic still flows to the Services' targetPort, since containerPort is informational, but {fix} so that readers and tools see the real port"));
            }
        }

        /// <summary>A port that something sends to but the process does not listen on; <see cref="At"/> is null for the code's address.</summary>
        private sealed class Mismatch
        {
            public Mismatch(ManifestObject? at, SourceSpan span, Severity severity, Workload workload, Func<string, string> message)
            {
                At = at;
                Span = span;
                Severity = severity;
                Workload = workload;
                Message = message;
            }

            public ManifestObject? At { get; }
            public SourceSpan Span { get; }
            public Severity Severity { get; }
            public Workload Workload { get; }

            /// <summary>The message for the workloads it is about.</summary>
            public Func<string, string> Message { get; }
        }

        /// <summary>The port a Service port sends to in this container; null when it names a port the container does not declare.</summary>
        private static (int Number, string Description, SourceSpan Span, bool InWorkload)? Target(ServicePort port, Container container)
        {
            // The API server gives an absent or 0 targetPort the port's own number.
            if (port.TargetPort == null || port.TargetPort.Value is { Name: null, Number: 0 })
            {
                return (port.Port, $"port {Number(port.Port)} (it sets no targetPort)", port.TargetPort?.Span ?? port.Span, false);
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
