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
    /// Findings about a place in the code are reported as each operation is analyzed, so the IDE shows them live. Those
    /// that need the whole program (which addresses it sets, which routes it maps) come from one scan, which decides
    /// both those in manifest files and those at a listen call or a health endpoint.
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
                inputs.Settings.Options, inputs.GeneratedFiles, AppSettings.Read(inputs.AppSettings), inputs.Image);
            if (runtime.Workloads.Count == 0)
            {
                return;
            }

            var compilation = context.Compilation;
            var cancellationToken = context.CancellationToken;
            var symbols = CodeSymbols.Resolve(compilation);
            var settingReads = new SettingReads(symbols, compilation);
            var listenReads = new ListenReads(symbols, new Reachability(compilation));
            var routeReads = new RouteReads(symbols);
            var scan = new Lazy<ScanFindings>(() => ScanFindings.Of(CodeScan.Run(compilation, symbols, routeReads, listenReads, cancellationToken), runtime, symbols.IsAspNetCore));
            context.RegisterOperationAction(operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                foreach (var setting in settingReads.Read(invocation).Where(s => !s.HasFallback))
                {
                    ReportUnset(operationContext, inputs, runtime, scan.Value, setting);
                }

                foreach (var listen in listenReads.Read(invocation))
                {
                    ReportFromScan(operationContext, inputs, scan.Value, listen.Location);
                }

                if (routeReads.Read(invocation) is { IsHealth: true } route)
                {
                    ReportFromScan(operationContext, inputs, scan.Value, route.Location);
                }
            }, OperationKind.Invocation);
            context.RegisterOperationAction(operationContext =>
            {
                if (settingReads.Read((IPropertyReferenceOperation)operationContext.Operation) is { HasFallback: false } setting)
                {
                    ReportUnset(operationContext, inputs, runtime, scan.Value, setting);
                }
            }, OperationKind.PropertyReference);

            context.RegisterAdditionalFileAction(fileContext =>
            {
                var path = fileContext.AdditionalFile.Path;
                if (inputs.Texts.TryGetValue(path, out var text))
                {
                    foreach (var finding in scan.Value.InManifests[path])
                    {
                        if (RoslynDiagnostics.Create(finding, text, inputs.Settings.Options.Config) is { } diagnostic)
                        {
                            fileContext.ReportDiagnostic(diagnostic);
                        }
                    }
                }
            });
        }

        /// <summary>MT3001, unless the code adds a configuration source that may give a configuration key its value.</summary>
        private static void ReportUnset(OperationAnalysisContext context, ManifestInputs inputs, ServiceRuntime runtime, ScanFindings scan, SettingFact setting)
        {
            if (setting.Read.Kind == SettingKind.EnvironmentVariable || !scan.AddsConfiguration)
            {
                Report(context, inputs, UnsetConfigurationRule.Check(setting.Read, runtime), setting.Location);
            }
        }

        private static void ReportFromScan(OperationAnalysisContext context, ManifestInputs inputs, ScanFindings scan, Location location)
        {
            if (scan.InCode.TryGetValue(location, out var findings))
            {
                foreach (var finding in findings)
                {
                    Report(context, inputs, finding, location);
                }
            }
        }

        private static void Report(OperationAnalysisContext context, ManifestInputs inputs, CodeFinding? finding, Location location)
        {
            if (finding != null && RoslynDiagnostics.Create(finding, location, inputs.Settings.Options.Config) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>The findings that the scan decides: in manifest files by path, and in the code by location.</summary>
        private sealed class ScanFindings
        {
            private ScanFindings(ILookup<string, ManifestDiagnostic> inManifests, Dictionary<Location, List<CodeFinding>> inCode, bool addsConfiguration)
            {
                InManifests = inManifests;
                InCode = inCode;
                AddsConfiguration = addsConfiguration;
            }

            public ILookup<string, ManifestDiagnostic> InManifests { get; }
            public Dictionary<Location, List<CodeFinding>> InCode { get; }
            public bool AddsConfiguration { get; }

            /// <summary>
            /// Only an ASP.NET Core program listens where ASPNETCORE_URLS and the image's port variables say, and maps
            /// routes; another program (a worker, a library) serves what the analyzer cannot see.
            /// </summary>
            public static ScanFindings Of(CodeScan scan, ServiceRuntime runtime, bool isAspNetCore)
            {
                var inCode = new Dictionary<Location, List<CodeFinding>>();
                if (!isAspNetCore)
                {
                    return new ScanFindings(Enumerable.Empty<ManifestDiagnostic>().ToLookup(f => f.File, StringComparer.Ordinal), inCode, scan.AddsConfiguration);
                }

                var listen = ListenPortRule.Check(runtime, scan.Addresses.Select(a => a.Address).ToList());
                void Add(Location location, CodeFinding finding)
                {
                    if (!inCode.TryGetValue(location, out var list))
                    {
                        inCode[location] = list = new List<CodeFinding>();
                    }

                    list.Add(finding);
                }

                foreach (var (address, finding) in listen.InCode)
                {
                    Add(scan.Addresses[address].Location, finding);
                }

                if (HealthProbeRule.CheckMissingReadiness(scan.Health.Select(h => h.Endpoint).ToList(), runtime) is { } missing)
                {
                    Add(scan.Health[missing.Endpoint].Location, missing.Finding);
                }

                var inManifests = HealthProbeRule.CheckProbes(runtime, scan.Routes).Concat(listen.InManifests)
                    .ToLookup(f => f.File, StringComparer.Ordinal);
                return new ScanFindings(inManifests, inCode, scan.AddsConfiguration);
            }
        }
    }
}
