using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Code;
using ManifestTools.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>
    /// MT3001 to MT3003: what the code reads, listens on and maps, against the workloads of the project's service.
    /// Findings about a place in the code are reported as each operation is analyzed, so the IDE shows them live;
    /// findings in a manifest need the whole program's routes and addresses, which a scan collects once.
    /// </summary>
    internal static class ServiceCodeChecks
    {
        public static void Register(CompilationStartAnalysisContext context, ManifestInputs inputs)
        {
            if (inputs.Settings.ServiceName.Length == 0 || inputs.Files.Count == 0)
            {
                return;
            }

            var runtime = ServiceRuntime.Resolve(inputs.Files.SelectMany(f => f.Objects).ToList(), inputs.Settings.ServiceName,
                inputs.Settings.Options, inputs.GeneratedFiles, AppSettings.Read(inputs.AppSettings));
            if (runtime.Workloads.Count == 0)
            {
                return;
            }

            var symbols = CodeSymbols.Resolve(context.Compilation);
            var settingReads = new SettingReads(symbols);
            var listenReads = new ListenReads(symbols);
            var routeReads = new RouteReads(symbols);
            context.RegisterOperationAction(operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (settingReads.Read(invocation) is { HasFallback: false } setting)
                {
                    Report(operationContext, inputs, UnsetConfigurationRule.Check(setting.Read, runtime), setting.Location);
                }

                foreach (var listen in listenReads.Read(invocation))
                {
                    foreach (var port in listen.Ports)
                    {
                        Report(operationContext, inputs, ListenPortRule.CheckCodePort(port, runtime), listen.Location);
                    }
                }

                if (routeReads.Read(invocation) is { IsHealth: true, Pattern: { } pattern } route)
                {
                    Report(operationContext, inputs, HealthProbeRule.CheckHealthEndpoint(pattern, runtime), route.Location);
                }
            }, OperationKind.Invocation);
            context.RegisterOperationAction(operationContext =>
            {
                if (settingReads.Read((IPropertyReferenceOperation)operationContext.Operation) is { HasFallback: false } setting)
                {
                    Report(operationContext, inputs, UnsetConfigurationRule.Check(setting.Read, runtime), setting.Location);
                }
            }, OperationKind.PropertyReference);

            var compilation = context.Compilation;
            var cancellationToken = context.CancellationToken;
            var manifestFindings = new Lazy<ILookup<string, ManifestDiagnostic>>(() =>
            {
                var environmentFindings = ListenPortRule.CheckEnvironment(runtime).ToList();
                if (environmentFindings.Count == 0 && !runtime.CodeContainers.Any(c => c.Container.Probes.Any(p => p.Path != null)))
                {
                    return Enumerable.Empty<ManifestDiagnostic>().ToLookup(f => f.File, StringComparer.Ordinal); // Nothing the scan could decide.
                }

                var scan = CodeScan.Run(compilation, routeReads, listenReads, cancellationToken);
                var findings = HealthProbeRule.CheckProbes(runtime, scan.Routes);
                if (!scan.SetsAddress)
                {
                    findings = findings.Concat(environmentFindings);
                }

                return findings.ToLookup(f => f.File, StringComparer.Ordinal);
            });
            context.RegisterAdditionalFileAction(fileContext =>
            {
                var path = fileContext.AdditionalFile.Path;
                if (inputs.Texts.TryGetValue(path, out var text))
                {
                    foreach (var finding in manifestFindings.Value[path])
                    {
                        if (RoslynDiagnostics.Create(finding, text, inputs.Settings.Options.Config) is { } diagnostic)
                        {
                            fileContext.ReportDiagnostic(diagnostic);
                        }
                    }
                }
            });
        }

        private static void Report(OperationAnalysisContext context, ManifestInputs inputs, CodeFinding? finding, Location location)
        {
            if (finding != null && RoslynDiagnostics.Create(finding, location, inputs.Settings.Options.Config) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
