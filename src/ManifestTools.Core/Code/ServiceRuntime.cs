using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Code
{
    /// <summary>
    /// What the cluster gives one service's code: its workloads (the pods its Service selects), their containers'
    /// environment, ports and probes, and the project's appsettings. The MT3xxx rules compare the code against it.
    /// </summary>
    public sealed class ServiceRuntime
    {
        private readonly HashSet<string> _generatedFiles;
        private readonly IReadOnlyDictionary<Workload, IReadOnlyList<KubeService>> _selecting;
        private readonly IReadOnlyDictionary<(Workload, Container), ContainerEnvironment> _environments;
        private readonly HashSet<string> _environment = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _configurationKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        private ServiceRuntime(string serviceName, IReadOnlyList<KubeService> services, IReadOnlyList<Workload> workloads,
            IReadOnlyDictionary<Workload, IReadOnlyList<KubeService>> selecting, ContainerImage image,
            IReadOnlyDictionary<(Workload, Container), ContainerEnvironment> environments, AppSettings settings, HashSet<string> generatedFiles)
        {
            ServiceName = serviceName;
            Services = services;
            Workloads = workloads;
            Image = image;
            Settings = settings;
            _selecting = selecting;
            _environments = environments;
            _generatedFiles = generatedFiles;
            foreach (var environment in environments.Values)
            {
                _environment.UnionWith(environment.Variables.Keys);
                HasUnknownEnvironment |= environment.MayHoldAny;
            }

            foreach (var name in _environment)
            {
                _configurationKeys.UnionWith(ConfigurationKeys.SetBy(name));
            }
        }


        public string ServiceName { get; }

        /// <summary>The Services named like the service; empty when its workloads were found by their app label.</summary>
        public IReadOnlyList<KubeService> Services { get; }

        /// <summary>Empty when the manifests hold no workload of the service: the MT3xxx rules then have nothing to compare.</summary>
        public IReadOnlyList<Workload> Workloads { get; }

        public AppSettings Settings { get; }

        /// <summary>The image the code runs in: the project's Dockerfile, or the one the SDK builds; <see cref="ContainerImage.None"/> when unknown.</summary>
        public ContainerImage Image { get; }

        /// <summary>True when an envFrom names a ConfigMap or Secret that is not in the input, so any variable may be set.</summary>
        public bool HasUnknownEnvironment { get; }

        public IEnumerable<(Workload Workload, Container Container)> Containers =>
            Workloads.SelectMany(w => w.Containers.Select(c => (w, c)));

        /// <summary>
        /// The containers that run the code: a pod's only container, else those named like the service, as the generated
        /// Deployments name it. A sidecar (a proxy, a log shipper) serves its own probes, which the code's routes do not decide.
        /// </summary>
        public IEnumerable<(Workload Workload, Container Container)> CodeContainers => CodeContainersOf(Workloads, ServiceName);

        /// <summary>
        /// Finds the workloads of <paramref name="serviceName"/>: the pods the Service of that name selects (in the default
        /// namespace if several namespaces have one), else the pod templates labelled <c>app</c> or
        /// <c>app.kubernetes.io/name</c> with it.
        /// </summary>
        public static ServiceRuntime Resolve(IReadOnlyList<ManifestObject> objects, string serviceName, LintOptions options,
            IEnumerable<string> generatedFiles, AppSettings settings, ContainerImage image)
        {
            var index = new MeshIndex(objects, options);
            var named = index.Services.Where(s => s.Name == serviceName && s.Selector != null && s.Selector.Count > 0).ToList();
            var services = named.Where(s => s.Namespace == options.DefaultNamespace).ToList();
            if (services.Count == 0)
            {
                services = named.Take(1).ToList();
            }

            var workloads = services
                .SelectMany(s => index.PodsWithLabels(s.Namespace, s.Selector!))
                .Distinct()
                .ToList();
            if (services.Count == 0)
            {
                workloads = index.Workloads.Where(w => HasAppLabel(w, serviceName)).ToList();
            }

            // A Job runs to completion, such as a migration with the app's labels; it serves nothing.
            workloads = workloads.Where(w => w.Kind != "Job" && w.Kind != "CronJob").ToList();
            var configData = new Dictionary<(string, string, string), ConfigData>();
            foreach (var data in objects.OfType<ConfigData>())
            {
                configData[(data.Namespace, data.Kind, data.Name)] = data;
            }

            // The image runs in the code's containers only; a sidecar has an image of its own.
            var codeContainers = new HashSet<(Workload, Container)>(CodeContainersOf(workloads, serviceName));
            var environments = new Dictionary<(Workload, Container), ContainerEnvironment>();
            foreach (var workload in workloads)
            {
                foreach (var container in workload.Containers)
                {
                    environments[(workload, container)] = ContainerEnvironment.Of(workload, container,
                        codeContainers.Contains((workload, container)) ? image : ContainerImage.None, configData);
                }
            }

            var selecting = workloads.ToDictionary(w => w, w => (IReadOnlyList<KubeService>)services
                .Where(s => s.Namespace == w.Namespace && index.PodsWithLabels(s.Namespace, s.Selector!).Contains(w))
                .ToList());
            var hostingEnvironments = HostingEnvironments(codeContainers.Select(c => environments[c]));
            return new ServiceRuntime(serviceName, services, workloads, selecting, image, environments,
                hostingEnvironments == null ? settings : settings.For(hostingEnvironments), new HashSet<string>(generatedFiles, StringComparer.Ordinal));
        }

        /// <summary>The environment of one of the workloads' containers.</summary>
        public ContainerEnvironment EnvironmentOf(Workload workload, Container container) => _environments[(workload, container)];

        /// <summary>The Services named like the service that send traffic to the workload's pods: the ones its clients call.</summary>
        public IReadOnlyList<KubeService> ServicesSelecting(Workload workload) => _selecting[workload];

        /// <summary>True when an environment variable of this exact name reaches the containers.</summary>
        public bool SetsEnvironmentVariable(string name) => HasUnknownEnvironment || _environment.Contains(name);

        /// <summary>True when a container's environment sets the key or, for a section, any key under it.</summary>
        public bool SetsConfiguration(string key, bool asSection) =>
            HasUnknownEnvironment || _configurationKeys.Contains(key) || (asSection && _configurationKeys.Any(k => ConfigurationKeys.IsUnder(k, key)));

        /// <summary>
        /// True when the pod is Istio's injected output (istioctl kube-inject, committed): the injector rewrote the app's
        /// httpGet probes to the agent (/app-health/… on 15020), which forwards them to the app.
        /// </summary>
        public static bool ProbesAreRewritten(Workload workload) => workload.Containers.Any(c => c.Name == "istio-proxy");

        /// <summary>True when ManifestTools generated the workload's file, so that the fix belongs in the project file.</summary>
        public bool IsGenerated(ManifestObject manifest) => _generatedFiles.Contains(manifest.File);

        /// <summary>
        /// How to fix a finding: the project item when ManifestTools generated the workloads, the change to the
        /// hand-written files otherwise, both when the service has workloads of each kind.
        /// </summary>
        public string Fix(string projectFileChange, string manifestChange)
        {
            var handWritten = Workloads.Where(w => !IsGenerated(w)).Select(w => w.File).Distinct().ToList();
            var inManifests = handWritten.Count > 0 ? manifestChange + " in " + string.Join(", ", handWritten) : null;
            if (handWritten.Count == Workloads.Count)
            {
                return inManifests!;
            }

            return projectFileChange + (inManifests != null ? "; " + inManifests : "");
        }

        /// <summary>"Deployment ns/a and Deployment ns/b", for messages.</summary>
        public static string Name(IEnumerable<ManifestObject> objects)
        {
            var names = objects.Select(o => o.Ref.ToString()).ToList();
            return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
        }

        /// <summary>
        /// The hosting environments the code runs in: ASPNETCORE_ENVIRONMENT (else DOTNET_ENVIRONMENT) of its containers,
        /// from any source of their environment, Production where neither is set; null when one is set to a value not
        /// known here, or may be.
        /// </summary>
        private static IReadOnlyCollection<string>? HostingEnvironments(IEnumerable<ContainerEnvironment> codeEnvironments)
        {
            var environments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var environment in codeEnvironments)
            {
                EnvironmentSetting? variable = environment.TryGet("ASPNETCORE_ENVIRONMENT", out var aspnet) ? aspnet
                    : environment.TryGet("DOTNET_ENVIRONMENT", out var dotnet) ? dotnet : null;
                if ((variable != null && variable.Value == null) || (variable == null && environment.MayHoldAny))
                {
                    return null;
                }

                environments.Add(variable?.Value is { Length: > 0 } value ? value : "Production");
            }

            if (environments.Count == 0)
            {
                environments.Add("Production"); // No container runs the code by these rules; the default environment.
            }

            return environments;
        }

        private static IEnumerable<(Workload Workload, Container Container)> CodeContainersOf(IEnumerable<Workload> workloads, string serviceName) =>
            workloads.SelectMany(w => w.Containers.Where(c => w.Containers.Count == 1 || c.Name == serviceName).Select(c => (w, c)));

        private static bool HasAppLabel(Workload workload, string serviceName) =>
            (workload.PodLabels.TryGetValue("app", out var app) && app == serviceName) ||
            (workload.PodLabels.TryGetValue("app.kubernetes.io/name", out var name) && name == serviceName);
    }
}
