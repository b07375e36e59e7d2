using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Yaml;

namespace ManifestTools.Loading
{
    /// <summary>Turns one document tree into typed objects (several for a <c>kind: List</c>).</summary>
    internal sealed class ObjectReader
    {
        /// <summary>The annotation whose value lists rule IDs (or <c>*</c>) to suppress on the annotated object.</summary>
        public const string SuppressAnnotation = "manifest-tools.io/suppress";

        private static readonly string[] ProbeHandlers = { "grpc", "tcpSocket", "exec" };

        private const string ExportToAnnotation = "networking.istio.io/exportTo";

        private static readonly HashSet<string> IstioVersions = new HashSet<string>(StringComparer.Ordinal)
        {
            "networking.istio.io/v1alpha3", "networking.istio.io/v1beta1", "networking.istio.io/v1",
        };

        private readonly string _file;
        private readonly LintOptions _options;
        private readonly FieldReader _fields;
        private readonly List<ManifestObject> _objects;
        private readonly bool _named;

        /// <param name="named">
        /// False for a file found by walking a folder, whose documents without apiVersion and kind are other YAML
        /// (values, CI pipelines, package manifests, JSON data) and are passed over without a finding.
        /// </param>
        public ObjectReader(string file, LintOptions options, List<ManifestDiagnostic> diagnostics, List<ManifestObject> objects, bool named = true)
        {
            _file = file;
            _options = options;
            _fields = new FieldReader(file, diagnostics);
            _objects = objects;
            _named = named;
        }

        /// <summary>True once a document had an apiVersion or a kind: the file was meant to hold manifests.</summary>
        public bool SawManifest { get; private set; }

        /// <summary>A kustomization with namePrefix, nameSuffix or namespace: what it applies is named otherwise than what is read.</summary>
        public bool RenamesObjects { get; private set; }

        /// <summary>What a kustomization lists as patches, plugin configuration or generator data, relative to its folder.</summary>
        public List<string> NotObjects { get; } = new List<string>();

        public void Read(YNode root) => Read(root, "document");

        private void Read(YNode root, FieldPath path)
        {
            _fields.Subject = null;
            if (KustomizePatches.IsKustomization(_file.Substring(Math.Max(_file.LastIndexOf('/'), _file.LastIndexOf('\\')) + 1)))
            {
                // Kustomize reads a file of this name as its own configuration, with or without apiVersion and kind.
                if (root is YMapping kustomization)
                {
                    RenamesObjects |= KustomizePatches.Renames(kustomization);
                    NotObjects.AddRange(KustomizePatches.Listed(kustomization));
                }

                return;
            }

            if (!(root is YMapping mapping))
            {
                if (_named)
                {
                    _fields.Error(root.Span, $"{path} is not a Kubernetes object: expected a mapping with apiVersion and kind, found {root.KindName}");
                }

                return;
            }

            bool hasApiVersion = mapping.TryGet("apiVersion", out _, out _), hasKind = mapping.TryGet("kind", out _, out _);
            if (!hasApiVersion && !hasKind)
            {
                if (_named)
                {
                    _fields.Error(StartOf(mapping), $"{path} is not a Kubernetes object: apiVersion and kind are missing");
                }

                return;
            }

            if (!_named && !LooksLikeObject(mapping, hasApiVersion, hasKind))
            {
                return;
            }

            SawManifest = true;
            int errorsBefore = _fields.ErrorCount;
            var apiVersion = _fields.String(mapping, "apiVersion", "apiVersion");
            var kind = _fields.String(mapping, "kind", "kind");
            if (apiVersion == null || kind == null)
            {
                if (_fields.ErrorCount == errorsBefore)
                {
                    _fields.Error(StartOf(mapping), $"{path} is not a Kubernetes object: {(apiVersion == null ? "apiVersion" : "kind")} is missing");
                }

                return;
            }

            if (ToolConfiguration.Is(apiVersion.Value.Value, kind.Value.Value))
            {
                return; // Input to a tool (istioctl install, kustomize, kind, kubectl's kubeconfig), never applied as an object.
            }

            if (kind.Value.Value == "List" || (kind.Value.Value.EndsWith("List", StringComparison.Ordinal) && mapping.TryGet("items", out _, out _)))
            {
                foreach (var (item, itemPath) in _fields.MappingItems(mapping, "items", "items"))
                {
                    Read(item, itemPath);
                }

                return;
            }

            var header = ReadHeader(mapping, apiVersion.Value.Value, kind.Value.Value);
            if (header == null)
            {
                return;
            }

            _objects.Add(ReadTyped(mapping, header));
        }

        private ObjectHeader? ReadHeader(YMapping root, string apiVersion, string kind)
        {
            int errorsBefore = _fields.ErrorCount;
            var metadata = _fields.Mapping(root, "metadata", "metadata");
            var explicitName = _fields.String(metadata, "name", "metadata.name");
            var name = explicitName ?? _fields.String(metadata, "generateName", "metadata.generateName");
            if (name == null)
            {
                if (_fields.ErrorCount == errorsBefore)
                {
                    _fields.Error(metadata?.Span ?? StartOf(root), $"{kind} has no metadata.name");
                }

                return null;
            }

            var ns = _fields.String(metadata, "namespace", "metadata.namespace");
            _fields.Subject = new ObjectRef(kind, ns?.Value ?? _options.DefaultNamespace, name.Value.Value);
            var labels = _fields.Labels(metadata, "labels", "metadata.labels") ?? LabelMap.Empty;
            var annotations = _fields.Labels(metadata, "annotations", "metadata.annotations");
            var suppressed = ObjectHeader.NoSuppressions;
            if (annotations != null && annotations.TryGetValue(SuppressAnnotation, out var list))
            {
                suppressed = list.Split(new[] { ',', ';', ' ', '\t', '\n' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(id => id.ToUpperInvariant())
                    .ToArray();
            }

            var nameSpan = FieldReader.KeySpan(metadata!, metadata!.TryGet("name", out _, out _) ? "name" : "generateName", name.Value.Span);
            return new ObjectHeader(_file, apiVersion, kind, name.Value.Value, explicitName == null, ns?.Value ?? _options.DefaultNamespace, ns != null ? FieldReader.KeySpan(metadata, "namespace", ns.Value.Span) : (SourceSpan?)null,
                labels, suppressed, root.Span, nameSpan, annotations ?? LabelMap.Empty);
        }

        private ManifestObject ReadTyped(YMapping root, ObjectHeader header)
        {
            var spec = _fields.Mapping(root, "spec", "spec");
            string group = header.Group;
            if (IstioVersions.Contains(header.ApiVersion))
            {
                switch (header.Kind)
                {
                    case "VirtualService": return ReadVirtualService(header, spec);
                    case "DestinationRule": return ReadDestinationRule(header, spec, root);
                    case "ServiceEntry": return ReadServiceEntry(header, spec);
                    case "Gateway": return ReadIstioGateway(header, spec);
                }
            }

            switch ((group, header.Kind))
            {
                case ("", "Service"):
                    return ReadService(header, spec);
                case ("", "Pod"):
                    return new Workload(header, null, header.Labels, isController: false, ReadContainers(spec, "spec"));
                case ("", "ConfigMap"):
                case ("", "Secret"):
                    return ReadConfigData(header, root);
                case ("apps", "Deployment"):
                case ("apps", "ReplicaSet"):
                case ("apps", "StatefulSet"):
                case ("apps", "DaemonSet"):
                case ("extensions", "Deployment"):
                case ("extensions", "ReplicaSet"):
                case ("extensions", "DaemonSet"):
                case ("argoproj.io", "Rollout"):
                    return ReadController(header, spec, root);
                case (GatewayApi.Group, "Gateway"):
                    return ReadKubeGateway(header, spec);
                case (GatewayApi.Group, "HTTPRoute"):
                case (GatewayApi.Group, "GRPCRoute"):
                    return ReadKubeRoute(header, spec);
                case (GatewayApi.Group, "ReferenceGrant"):
                    return ReadReferenceGrant(header, spec);
                case ("argoproj.io", "Experiment"):
                    return ReadExperiment(header, spec);
                case ("batch", "Job"):
                    return ReadPodTemplateOwner(header, spec, "spec", isController: false);
                case ("batch", "CronJob"):
                    var jobSpec = _fields.Mapping(_fields.Mapping(spec, "jobTemplate", "spec.jobTemplate"), "spec", "spec.jobTemplate.spec");
                    return ReadPodTemplateOwner(header, jobSpec, "spec.jobTemplate.spec", isController: false);
                default:
                    return new ManifestObject(header);
            }
        }

        private ManifestObject ReadController(ObjectHeader header, YMapping? spec, YMapping root)
        {
            bool isRollout = header.Kind == "Rollout";
            var workloadRef = isRollout ? _fields.Mapping(spec, "workloadRef", "spec.workloadRef") : null;
            if (workloadRef != null && !spec!.TryGet("template", out _, out _))
            {
                // The pods come from the referenced workload's template; the index resolves it once all objects are read.
                var kind = _fields.String(workloadRef, "kind", "spec.workloadRef.kind")?.Value ?? "Deployment";
                var name = _fields.String(workloadRef, "name", "spec.workloadRef.name");
                if (name == null)
                {
                    return new ManifestObject(header);
                }

                // Its experiment pods carry only their own labels here; the index adds the referenced template's.
                var unresolved = new Workload(header, ReadSelector(spec, "spec.selector"), new LabelMap(new List<Label>(), header.NameSpan), isController: true,
                    Array.Empty<Container>());
                return new Workload(header, unresolved.Selector, unresolved.PodLabels, isController: true, Array.Empty<Container>(),
                    ReadExperimentSteps(header, spec, unresolved), new WorkloadReference(kind, name.Value.Value));
            }

            if (workloadRef == null && header.Group != "extensions" && spec != null && !spec.TryGet("selector", out _, out _))
            {
                _fields.Error(FieldReader.KeySpan(root, "spec", header.NameSpan), $"spec.selector is required for {header.ApiVersion} {header.Kind}");
            }

            var workload = ReadPodTemplateOwner(header, spec, "spec", isController: true);
            if (!isRollout)
            {
                return workload;
            }

            var experiments = ReadExperimentSteps(header, spec, workload);
            return experiments.Count == 0
                ? workload
                : new Workload(header, workload.Selector, workload.PodLabels, isController: true, workload.Containers, experiments);
        }

        /// <summary>
        /// The pods of a canary's experiment steps (<c>strategy.canary.steps[].experiment.templates[]</c>): the Rollout's
        /// template with the template's own <c>metadata.labels</c> on top, and the template's selector if it has one.
        /// </summary>
        private List<Workload> ReadExperimentSteps(ObjectHeader header, YMapping? spec, Workload rollout)
        {
            var pods = new List<Workload>();
            var canary = _fields.Mapping(_fields.Mapping(spec, "strategy", "spec.strategy"), "canary", "spec.strategy.canary");
            foreach (var (step, stepPath) in _fields.MappingItems(canary, "steps", "spec.strategy.canary.steps"))
            {
                var experiment = _fields.Mapping(step, "experiment", stepPath + ".experiment");
                foreach (var (template, templatePath) in _fields.MappingItems(experiment, "templates", stepPath + ".experiment.templates"))
                {
                    var own = _fields.Labels(_fields.Mapping(template, "metadata", templatePath + ".metadata"), "labels", templatePath + ".metadata.labels");
                    var labels = own == null
                        ? rollout.PodLabels
                        : own.Over(rollout.PodLabels);
                    pods.Add(new Workload(header, ReadSelector(template, templatePath + ".selector"), labels, isController: false, rollout.Containers));
                }
            }

            return pods;
        }

        /// <summary>An Argo Rollouts Experiment: each of <c>spec.templates[]</c> runs pods of its own template.</summary>
        private Workload ReadExperiment(ObjectHeader header, YMapping? spec)
        {
            var pods = new List<Workload>();
            foreach (var (template, templatePath) in _fields.MappingItems(spec, "templates", "spec.templates"))
            {
                var pod = ReadPodTemplateOwner(header, template, templatePath, isController: false);
                pods.Add(pod);
            }

            return new Workload(header, null, LabelMap.Empty, isController: false, Array.Empty<Container>(), pods, hasOwnPods: false);
        }

        private Workload ReadPodTemplateOwner(ObjectHeader header, YMapping? spec, FieldPath specPath, bool isController)
        {
            var selector = ReadSelector(spec, specPath + ".selector");
            var template = _fields.Mapping(spec, "template", specPath + ".template");
            var templateMetadata = _fields.Mapping(template, "metadata", specPath + ".template.metadata", out var metadataSpan);
            var podLabels = _fields.Labels(templateMetadata, "labels", specPath + ".template.metadata.labels")
                ?? new LabelMap(new List<Label>(), metadataSpan.Line > 0 ? metadataSpan : header.NameSpan);
            var podSpec = _fields.Mapping(template, "spec", specPath + ".template.spec");
            return new Workload(header, selector, podLabels, isController, ReadContainers(podSpec, specPath + ".template.spec"));
        }

        /// <summary>
        /// The pod's containers, and its native sidecars: init containers with <c>restartPolicy: Always</c>, which run
        /// beside them for the pod's life.
        /// </summary>
        private List<Container> ReadContainers(YMapping? podSpec, FieldPath path)
        {
            var containers = _fields.MappingItems(podSpec, "containers", path + ".containers").Select(c => ReadContainer(c.Item, c.Path)).ToList();
            foreach (var (item, itemPath) in _fields.MappingItems(podSpec, "initContainers", path + ".initContainers"))
            {
                if (item.TryGet("restartPolicy", out _, out var policy) && policy is YScalar { Value: "Always" })
                {
                    containers.Add(ReadContainer(item, itemPath));
                }
            }

            return containers;
        }

        private Container ReadContainer(YMapping item, FieldPath itemPath)
        {
            var name = _fields.String(item, "name", itemPath + ".name");
            var environment = new List<EnvironmentVariable>();
            foreach (var (entry, entryPath) in _fields.MappingItems(item, "env", itemPath + ".env"))
            {
                var variable = _fields.String(entry, "name", entryPath + ".name");
                if (variable == null)
                {
                    continue;
                }

                var value = _fields.String(entry, "value", entryPath + ".value");
                // A variable without value nor valueFrom is set to the empty string; valueFrom sets it to a value known only in the cluster.
                bool fromReference = entry.TryGet("valueFrom", out _, out _);
                var keySpan = FieldReader.KeySpan(entry, "name", variable.Value.Span);
                environment.Add(new EnvironmentVariable(variable.Value.Value, value?.Value ?? (fromReference ? null : string.Empty), keySpan, value?.Span ?? keySpan));
            }

            var sources = new List<EnvironmentSource>();
            foreach (var (entry, entryPath) in _fields.MappingItems(item, "envFrom", itemPath + ".envFrom"))
            {
                var prefix = _fields.String(entry, "prefix", entryPath + ".prefix")?.Value ?? string.Empty;
                foreach (var (key, kind) in new[] { ("configMapRef", "ConfigMap"), ("secretRef", "Secret") })
                {
                    var reference = _fields.String(_fields.Mapping(entry, key, entryPath + "." + key), "name", entryPath + "." + key + ".name");
                    if (reference != null)
                    {
                        sources.Add(new EnvironmentSource(kind, reference.Value.Value, prefix));
                    }
                }
            }

            var ports = new List<ContainerPort>();
            foreach (var (entry, entryPath) in _fields.MappingItems(item, "ports", itemPath + ".ports"))
            {
                var number = _fields.Integer(entry, "containerPort", entryPath + ".containerPort");
                if (number != null)
                {
                    ports.Add(new ContainerPort(_fields.String(entry, "name", entryPath + ".name")?.Value, number.Value.Value,
                        _fields.String(entry, "protocol", entryPath + ".protocol")?.Value ?? "TCP", number.Value.Span));
                }
            }

            var probes = new List<Probe>();
            foreach (var kind in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            {
                var probe = _fields.Mapping(item, kind, itemPath + "." + kind, out var probeSpan);
                if (probe == null)
                {
                    continue;
                }

                var httpGet = _fields.Mapping(probe, "httpGet", itemPath + "." + kind + ".httpGet", out var httpGetSpan);
                var probePath = _fields.String(httpGet, "path", itemPath + "." + kind + ".httpGet.path");
                // The handler that carries a port: httpGet, grpc or tcpSocket; exec has none.
                string? handler = httpGet != null ? "httpGet" : ProbeHandlers.FirstOrDefault(h => probe.TryGet(h, out _, out _));
                var portOwner = handler == null || handler == "exec" ? null
                    : handler == "httpGet" ? httpGet : _fields.Mapping(probe, handler, itemPath + "." + kind + "." + handler);
                probes.Add(new Probe(kind, handler, httpGet == null ? null : probePath?.Value ?? "/",
                    _fields.PortReference(portOwner, "port", itemPath + "." + kind + "." + (handler ?? "") + ".port"), probeSpan,
                    probePath?.Span ?? (httpGet != null ? httpGetSpan : probeSpan)));
            }

            var arguments = _fields.Strings(item, "command", itemPath + ".command").Concat(_fields.Strings(item, "args", itemPath + ".args"))
                .Select(a => a.Value).ToList();
            return new Container(name?.Value ?? string.Empty, name != null ? FieldReader.KeySpan(item, "name", name.Value.Span) : item.Span,
                environment, sources, ports, probes, arguments);
        }

        private ConfigData ReadConfigData(ObjectHeader header, YMapping root)
        {
            var entries = new List<ConfigEntry>();
            foreach (var field in new[] { "data", "stringData", "binaryData" })
            {
                if (_fields.Mapping(root, field, field) is { } data)
                {
                    // A Secret's data is base64; binaryData is no text a variable could carry.
                    bool encoded = field == "data" && header.Kind == "Secret";
                    foreach (var entry in data.Entries)
                    {
                        var text = entry.Value is YScalar scalar && field != "binaryData" ? scalar.Value : null;
                        entries.Add(new ConfigEntry(entry.Key.Value, text == null ? null : encoded ? DecodeBase64(text) : text, entry.Value.Span));
                    }
                }
            }

            return new ConfigData(header, entries);
        }

        private static string? DecodeBase64(string text)
        {
            try
            {
                return System.Text.Encoding.UTF8.GetString(System.Convert.FromBase64String(text));
            }
            catch (System.FormatException)
            {
                return null;
            }
        }

        private LabelSelector? ReadSelector(YMapping? parent, FieldPath path)
        {
            var selector = _fields.Mapping(parent, "selector", path, out var span);
            if (selector == null)
            {
                return null;
            }

            var matchLabels = _fields.Labels(selector, "matchLabels", path + ".matchLabels") ?? new LabelMap(new List<Label>(), span);
            var expressions = new List<SelectorRequirement>();
            foreach (var (item, itemPath) in _fields.MappingItems(selector, "matchExpressions", path + ".matchExpressions"))
            {
                var key = _fields.String(item, "key", itemPath + ".key");
                var op = _fields.String(item, "operator", itemPath + ".operator");
                var values = _fields.Strings(item, "values", itemPath + ".values");
                if (key == null || op == null)
                {
                    _fields.Error(item.Span, $"{itemPath} needs key and operator");
                    continue;
                }

                if (op.Value.Value != "In" && op.Value.Value != "NotIn" && op.Value.Value != "Exists" && op.Value.Value != "DoesNotExist")
                {
                    _fields.Error(op.Value.Span, $"{itemPath}.operator must be In, NotIn, Exists or DoesNotExist, not {op.Value.Value}");
                    continue;
                }

                expressions.Add(new SelectorRequirement(key.Value.Value, op.Value.Value, values.Select(v => v.Value).ToArray()));
            }

            return new LabelSelector(matchLabels, expressions, span);
        }

        private KubeService ReadService(ObjectHeader header, YMapping? spec)
        {
            var selector = _fields.Labels(spec, "selector", "spec.selector");
            var type = _fields.String(spec, "type", "spec.type")?.Value ?? "ClusterIP";
            var ports = new List<ServicePort>();
            bool incomplete = false;
            foreach (var (item, itemPath) in _fields.MappingItems(spec, "ports", "spec.ports"))
            {
                var port = _fields.Integer(item, "port", itemPath + ".port");
                if (port == null)
                {
                    incomplete |= FieldReader.HoldsPlaceholder(item, "port");
                    if (!item.TryGet("port", out _, out _))
                    {
                        _fields.Error(item.Span, $"{itemPath}.port is required");
                    }

                    continue;
                }

                ports.Add(new ServicePort(_fields.String(item, "name", itemPath + ".name")?.Value, port.Value.Value, FieldReader.KeySpan(item, "port", item.Span),
                    _fields.PortReference(item, "targetPort", itemPath + ".targetPort"),
                    _fields.String(item, "protocol", itemPath + ".protocol")?.Value ?? "TCP",
                    _fields.String(item, "appProtocol", itemPath + ".appProtocol")?.Value));
            }

            return new KubeService(header, selector, ports, type, ServiceExportTo(header), incomplete);
        }

        /// <summary>
        /// The annotation <c>networking.istio.io/exportTo</c>: comma-separated entries, as Istio splits them; an empty
        /// value is no annotation, as for Istio. Every entry points at the annotation's value.
        /// </summary>
        private static ExportTo ServiceExportTo(ObjectHeader header)
        {
            foreach (var annotation in header.Annotations)
            {
                if (annotation.Key == ExportToAnnotation && annotation.Value.Replace(",", string.Empty).Trim().Length > 0)
                {
                    var values = annotation.Value.Split(',')
                        .Select(v => v.Trim())
                        .Where(v => v.Length > 0)
                        .Select(v => new Located<string>(v, annotation.ValueSpan))
                        .ToList();
                    return new ExportTo(values, annotation.KeySpan, fromAnnotation: true, allowsNone: true);
                }
            }

            return ExportTo.Everywhere;
        }

        private ExportTo ReadExportTo(YMapping? spec, bool allowsNone = false)
        {
            if (spec == null || !spec.TryGet("exportTo", out _, out _))
            {
                return ExportTo.Everywhere;
            }

            var values = _fields.Strings(spec, "exportTo", "spec.exportTo");
            return values.Count == 0
                ? ExportTo.Everywhere
                : new ExportTo(values, FieldReader.KeySpan(spec!, "exportTo", values[0].Span), fromAnnotation: false, allowsNone);
        }

        private IstioGateway ReadIstioGateway(ObjectHeader header, YMapping? spec)
        {
            var selector = _fields.Labels(spec, "selector", "spec.selector") ?? LabelMap.Empty;
            var servers = new List<GatewayServer>();
            foreach (var (item, itemPath) in _fields.MappingItems(spec, "servers", "spec.servers"))
            {
                var port = _fields.Mapping(item, "port", itemPath + ".port");
                var tls = _fields.Mapping(item, "tls", itemPath + ".tls");
                servers.Add(new GatewayServer(
                    _fields.Integer(port, "number", itemPath + ".port.number")?.Value,
                    _fields.String(port, "name", itemPath + ".port.name")?.Value,
                    _fields.String(port, "protocol", itemPath + ".port.protocol")?.Value,
                    _fields.Strings(item, "hosts", itemPath + ".hosts"),
                    _fields.String(tls, "mode", itemPath + ".tls.mode")?.Value,
                    _fields.String(item, "bind", itemPath + ".bind")?.Value,
                    item.Span));
            }

            return new IstioGateway(header, selector, servers);
        }

        private KubeGateway ReadKubeGateway(ObjectHeader header, YMapping? spec)
        {
            var listeners = new List<GatewayListener>();
            foreach (var (item, itemPath) in _fields.MappingItems(spec, "listeners", "spec.listeners"))
            {
                var hostname = _fields.String(item, "hostname", itemPath + ".hostname");
                listeners.Add(new GatewayListener(
                    _fields.String(item, "name", itemPath + ".name")?.Value,
                    hostname is { } h && h.Value.Length > 0 ? h : (Located<string>?)null,
                    _fields.Integer(item, "port", itemPath + ".port")?.Value,
                    _fields.String(item, "protocol", itemPath + ".protocol")?.Value,
                    ReadAllowedRoutes(item, itemPath),
                    item.Span));
            }

            return new KubeGateway(header, listeners);
        }

        private AllowedRoutes ReadAllowedRoutes(YMapping listener, FieldPath listenerPath)
        {
            var path = listenerPath + ".allowedRoutes";
            var allowed = _fields.Mapping(listener, "allowedRoutes", path, out var keySpan);
            if (allowed == null)
            {
                return AllowedRoutes.SameNamespace(listener.Span);
            }

            var namespaces = _fields.Mapping(allowed, "namespaces", path + ".namespaces");
            var written = _fields.String(namespaces, "from", path + ".namespaces.from")?.Value;
            var from = written ?? "Same";
            var selector = from == "Selector" ? ReadSelector(namespaces, path + ".namespaces.selector") : null;
            List<(string, string)>? kinds = null;
            if (allowed.TryGet("kinds", out _, out _))
            {
                kinds = new List<(string, string)>();
                foreach (var (item, itemPath) in _fields.MappingItems(allowed, "kinds", path + ".kinds"))
                {
                    if (_fields.String(item, "kind", itemPath + ".kind") is { } kind)
                    {
                        kinds.Add((_fields.String(item, "group", itemPath + ".group")?.Value ?? GatewayApi.Group, kind.Value));
                    }
                }
            }

            return new AllowedRoutes(from, written != null, selector, kinds, keySpan);
        }

        private KubeRoute ReadKubeRoute(ObjectHeader header, YMapping? spec)
        {
            var parents = new List<ParentReference>();
            foreach (var (item, itemPath) in _fields.MappingItems(spec, "parentRefs", "spec.parentRefs"))
            {
                if (RequiredName(item, itemPath) is { } name)
                {
                    var ns = NonEmpty(_fields.String(item, "namespace", itemPath + ".namespace"));
                    var section = _fields.String(item, "sectionName", itemPath + ".sectionName");
                    var port = _fields.Integer(item, "port", itemPath + ".port");
                    parents.Add(new ParentReference(
                        _fields.String(item, "group", itemPath + ".group")?.Value ?? GatewayApi.Group,
                        _fields.String(item, "kind", itemPath + ".kind")?.Value ?? "Gateway",
                        name, ns?.Value ?? header.Namespace, ns != null,
                        section is { } s ? new Located<string>(s.Value, FieldReader.KeySpan(item, "sectionName", s.Span)) : (Located<string>?)null,
                        port is { } p ? new Located<int>(p.Value, FieldReader.KeySpan(item, "port", p.Span)) : (Located<int>?)null,
                        item.Span));
                }
            }

            var rules = new List<KubeRouteRule>();
            var ruleList = _fields.Sequence(spec, "rules", "spec.rules");
            for (int index = 0; index < (ruleList?.Items.Count ?? 0); index++)
            {
                // The index is the rule's position in the list, so messages name it as the file does, unreadable rules included.
                FieldPath itemPath = ((FieldPath)"spec.rules").Index(index);
                if (!(ruleList!.Items[index] is YMapping item))
                {
                    _fields.Error(ruleList.Items[index].Span, $"{itemPath} must be a mapping, not {ruleList.Items[index].KindName}");
                    continue;
                }

                var backends = new List<BackendReference>();
                bool weightsUnreadable = false;
                foreach (var (backend, backendPath) in _fields.MappingItems(item, "backendRefs", itemPath + ".backendRefs"))
                {
                    var weight = _fields.Integer(backend, "weight", backendPath + ".weight");
                    weightsUnreadable |= weight == null && backend.TryGet("weight", out _, out var weightNode) && !(weightNode is YScalar { IsNull: true });
                    if (RequiredName(backend, backendPath) is { } name)
                    {
                        var ns = NonEmpty(_fields.String(backend, "namespace", backendPath + ".namespace"));
                        var port = _fields.Integer(backend, "port", backendPath + ".port");
                        backends.Add(new BackendReference(
                            _fields.String(backend, "group", backendPath + ".group")?.Value ?? string.Empty,
                            _fields.String(backend, "kind", backendPath + ".kind")?.Value ?? "Service",
                            name, ns?.Value ?? header.Namespace,
                            ns is { } n ? new Located<string>(n.Value, FieldReader.KeySpan(backend, "namespace", n.Span)) : (Located<string>?)null,
                            port is { } p ? new Located<int>(p.Value, FieldReader.KeySpan(backend, "port", p.Span)) : (Located<int>?)null,
                            port == null && backend.TryGet("port", out _, out var portNode) && !(portNode is YScalar { IsNull: true }),
                            weight is { } w ? new Located<int>(w.Value, FieldReader.KeySpan(backend, "weight", w.Span)) : (Located<int>?)null,
                            backend.Span));
                    }
                }

                // A backendRef that could not be read (MT0002) leaves the split unknown.
                weightsUnreadable |= item.TryGet("backendRefs", out _, out var refs) && refs is YSequence list && list.Items.Count != backends.Count;
                var matches = ReadRouteMatches(item, itemPath, header.Kind == "GRPCRoute", out bool unreadable);
                var span = item.TryGet("name", out var nameKey, out _) ? nameKey.Span : item.Entries.Count > 0 ? item.Entries[0].Key.Span : item.Span;
                rules.Add(new KubeRouteRule(index, _fields.String(item, "name", itemPath + ".name")?.Value, matches, unreadable, backends,
                    weightsUnreadable, span, FieldReader.KeySpan(item, "backendRefs", span), Responds(item, itemPath)));
            }

            return new KubeRoute(header, parents, _fields.Strings(spec, "hostnames", "spec.hostnames"), rules,
                spec != null ? FieldReader.KeySpan(spec, "rules", header.NameSpan) : header.NameSpan);
        }

        /// <summary>A namespace field: <c>""</c> is unset, as the API's validation takes it (Helm's quote of an unset value).</summary>
        private static Located<string>? NonEmpty(Located<string>? value) => value is { } v && v.Value.Length == 0 ? null : value;

        /// <summary>True when a filter of the rule answers the request itself (a redirect), so it needs no backend.</summary>
        private bool Responds(YMapping rule, FieldPath path)
        {
            foreach (var (filter, filterPath) in _fields.MappingItems(rule, "filters", path + ".filters"))
            {
                if (filter.TryGet("type", out _, out var type) && type is YScalar { Value: "RequestRedirect" })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A reference's <c>name</c>, located at its key; the API requires it, so its absence is MT0002.</summary>
        private Located<string>? RequiredName(YMapping reference, FieldPath path)
        {
            var name = _fields.String(reference, "name", path + ".name");
            if (name == null)
            {
                if (!reference.TryGet("name", out _, out _))
                {
                    _fields.Error(reference.Span, $"{path}.name is required");
                }

                return null;
            }

            return new Located<string>(name.Value.Value, FieldReader.KeySpan(reference, "name", name.Value.Span));
        }

        /// <summary>
        /// A rule's <c>matches</c> in canonical form (<see cref="KubeRouteMatch"/>). An entry that cannot be read makes
        /// what the rule matches unknown, so no rule reasons about it.
        /// </summary>
        private IReadOnlyList<KubeRouteMatch> ReadRouteMatches(YMapping rule, FieldPath rulePath, bool grpc, out bool unreadable)
        {
            unreadable = false;
            var path = rulePath + ".matches";
            if (!rule.TryGet("matches", out _, out var node) || (node is YScalar nullScalar && nullScalar.IsNull))
            {
                return Array.Empty<KubeRouteMatch>();
            }

            if (!(node is YSequence sequence))
            {
                unreadable = true;
                _fields.Sequence(rule, "matches", path);
                return Array.Empty<KubeRouteMatch>();
            }

            var matches = new List<KubeRouteMatch>(sequence.Items.Count);
            for (int i = 0; i < sequence.Items.Count; i++)
            {
                if (!(sequence.Items[i] is YMapping match))
                {
                    unreadable = true;
                    _fields.Error(sequence.Items[i].Span, $"{path.Index(i)} must be a mapping, not {sequence.Items[i].KindName}");
                    continue;
                }

                var canonical = CanonicalMatch(match, path.Index(i), grpc);
                if (canonical == null)
                {
                    unreadable = true;
                    continue;
                }

                matches.Add(new KubeRouteMatch(canonical.Length == 0 ? KubeRouteMatch.CatchAllKey : canonical, canonical.Length == 0, match.Span));
            }

            return matches;
        }

        /// <summary>The canonical key of one match entry; empty when it matches every request, null when it cannot be read.</summary>
        private string? CanonicalMatch(YMapping match, FieldPath path, bool grpc)
        {
            var conditions = new List<string>(match.Entries.Count);
            foreach (var entry in match.Entries)
            {
                var key = entry.Key.Value;
                switch (key)
                {
                    case "path" when !grpc:
                    {
                        var mapping = _fields.Mapping(match, "path", path + ".path");
                        if (mapping == null || !TryString(mapping, "type", path + ".path", "PathPrefix", out var type) ||
                            !TryString(mapping, "value", path + ".path", "/", out var value))
                        {
                            return null;
                        }

                        if (type == "PathPrefix" && value.Length > 1 && value.EndsWith("/", StringComparison.Ordinal))
                        {
                            value = value.TrimEnd('/');
                            value = value.Length == 0 ? "/" : value;
                        }

                        if (!(type == "PathPrefix" && value == "/"))
                        {
                            conditions.Add("path:" + type + ":" + value);
                        }

                        continue;
                    }

                    case "method" when grpc:
                    {
                        var mapping = _fields.Mapping(match, "method", path + ".method");
                        if (mapping == null || !TryString(mapping, "type", path + ".method", "Exact", out var type) ||
                            !TryString(mapping, "service", path + ".method", string.Empty, out var service) ||
                            !TryString(mapping, "method", path + ".method", string.Empty, out var method))
                        {
                            return null;
                        }

                        if (service.Length > 0 || method.Length > 0)
                        {
                            conditions.Add("method:" + type + ":" + service + "/" + method);
                        }

                        continue;
                    }

                    case "headers":
                    case "queryParams" when !grpc:
                    {
                        if (!(entry.Value is YSequence list) || list.Items.Any(i => !(i is YMapping)))
                        {
                            _fields.MappingItems(match, key, path + "." + key).ToList();
                            return null;
                        }

                        // Header names are case-insensitive; query parameter names are not.
                        bool header = key == "headers";
                        foreach (var (item, itemPath) in _fields.MappingItems(match, key, path + "." + key))
                        {
                            if (!TryString(item, "type", itemPath, "Exact", out var type) || !TryString(item, "name", itemPath, null, out var name) ||
                                !TryString(item, "value", itemPath, null, out var value))
                            {
                                return null;
                            }

                            conditions.Add(key + ":" + (header ? name.ToLowerInvariant() : name) + ":" + type + ":" + value);
                        }

                        continue;
                    }

                    default:
                        conditions.Add(key + "=" + CanonicalYaml.Of(entry.Value));
                        continue;
                }
            }

            conditions.Sort(StringComparer.Ordinal);
            return string.Join("\n", conditions);
        }

        /// <summary>
        /// Reads <c>parent[key]</c> as a string, or <paramref name="fallback"/> when it is absent. False when it cannot
        /// be read (MT0002), or is absent without a fallback (the API requires it).
        /// </summary>
        private bool TryString(YMapping parent, string key, FieldPath parentPath, string? fallback, out string value)
        {
            if (!parent.TryGet(key, out _, out _))
            {
                value = fallback ?? string.Empty;
                return fallback != null;
            }

            var read = _fields.String(parent, key, parentPath + "." + key);
            value = read?.Value ?? string.Empty;
            return read != null;
        }

        private ReferenceGrant ReadReferenceGrant(ObjectHeader header, YMapping? spec)
        {
            var from = new List<(string, string, string)>();
            foreach (var (item, itemPath) in _fields.MappingItems(spec, "from", "spec.from"))
            {
                var kind = _fields.String(item, "kind", itemPath + ".kind");
                var ns = _fields.String(item, "namespace", itemPath + ".namespace");
                if (kind != null && ns != null)
                {
                    from.Add((_fields.String(item, "group", itemPath + ".group")?.Value ?? string.Empty, kind.Value.Value, ns.Value.Value));
                }
            }

            var to = new List<(string, string, string?)>();
            foreach (var (item, itemPath) in _fields.MappingItems(spec, "to", "spec.to"))
            {
                if (_fields.String(item, "kind", itemPath + ".kind") is { } kind)
                {
                    to.Add((_fields.String(item, "group", itemPath + ".group")?.Value ?? string.Empty, kind.Value,
                        _fields.String(item, "name", itemPath + ".name")?.Value));
                }
            }

            return new ReferenceGrant(header, from, to);
        }

        private ServiceEntry ReadServiceEntry(ObjectHeader header, YMapping? spec)
        {
            var hosts = _fields.Strings(spec, "hosts", "spec.hosts");
            var ports = new List<ServicePort>();
            foreach (var (item, itemPath) in _fields.MappingItems(spec, "ports", "spec.ports"))
            {
                var number = _fields.Integer(item, "number", itemPath + ".number");
                if (number != null)
                {
                    ports.Add(new ServicePort(_fields.String(item, "name", itemPath + ".name")?.Value, number.Value.Value, number.Value.Span,
                        appProtocol: _fields.String(item, "protocol", itemPath + ".protocol")?.Value));
                }
            }

            var workloadSelector = _fields.Labels(_fields.Mapping(spec, "workloadSelector", "spec.workloadSelector"), "labels", "spec.workloadSelector.labels");
            var endpoints = _fields.MappingItems(spec, "endpoints", "spec.endpoints")
                .Select(e => new ServiceEntryEndpoint(_fields.Labels(e.Item, "labels", e.Path + ".labels") ?? LabelMap.Empty))
                .ToList();
            return new ServiceEntry(header, hosts, ports, workloadSelector, endpoints, ReadExportTo(spec, allowsNone: true));
        }

        private ManifestObject ReadDestinationRule(ObjectHeader header, YMapping? spec, YMapping root)
        {
            var host = _fields.String(spec, "host", "spec.host");
            if (host == null)
            {
                if (spec == null || !spec.TryGet("host", out _, out _))
                {
                    _fields.Error(spec != null ? FieldReader.KeySpan(root, "spec", spec.Span) : header.NameSpan, "spec.host is required");
                }

                return new ManifestObject(header);
            }

            var subsets = new List<Subset>();
            foreach (var (item, itemPath) in _fields.MappingItems(spec, "subsets", "spec.subsets"))
            {
                var name = _fields.String(item, "name", itemPath + ".name");
                if (name == null)
                {
                    if (!item.TryGet("name", out _, out _))
                    {
                        _fields.Error(item.Span, $"{itemPath}.name is required");
                    }

                    continue;
                }

                var labels = _fields.Labels(item, "labels", itemPath + ".labels") ?? new LabelMap(new List<Label>(), name.Value.Span);
                subsets.Add(new Subset(new Located<string>(name.Value.Value, FieldReader.KeySpan(item, "name", name.Value.Span)), labels));
            }

            return new DestinationRule(header, new Located<string>(host.Value.Value, FieldReader.KeySpan(spec!, "host", host.Value.Span)), subsets,
                ReadExportTo(spec));
        }

        private ManifestObject ReadVirtualService(ObjectHeader header, YMapping? spec)
        {
            var hosts = _fields.Strings(spec, "hosts", "spec.hosts");
            var routes = new List<Route>();
            var mirrors = new List<Destination>();
            foreach (var protocol in new[] { "http", "tcp", "tls" })
            {
                int index = 0;
                foreach (var (item, itemPath) in _fields.MappingItems(spec, protocol, "spec." + protocol))
                {
                    var routeList = _fields.MappingItems(item, "route", itemPath + ".route").ToList();
                    var destinations = routeList
                        .Select(r => ReadDestination(r.Item, "destination", r.Path, r.Item.Span, withWeight: true))
                        .Where(d => d != null)
                        .Select(d => d!)
                        .ToList();
                    bool unreadableWeight = routeList.Any(r => r.Item.TryGet("weight", out _, out var weight) && !IsIntegerOrNull(weight));
                    var matches = ReadMatches(item, itemPath, out bool matchesUnreadable);
                    var entrySpan = item.TryGet("name", out var nameKey, out _) ? nameKey.Span
                        : item.Entries.Count > 0 ? item.Entries[0].Key.Span : item.Span;
                    routes.Add(new Route(protocol, index, _fields.String(item, "name", itemPath + ".name")?.Value, destinations,
                        unreadableWeight, FieldReader.KeySpan(item, "route", entrySpan), matches, matchesUnreadable, entrySpan,
                        item.TryGet("delegate", out _, out _)));

                    if (protocol == "http")
                    {
                        ReadMirrors(item, itemPath, mirrors);
                    }

                    index++;
                }
            }

            return new VirtualService(header, hosts, routes, mirrors, _fields.Strings(spec, "gateways", "spec.gateways"), ReadExportTo(spec));
        }

        /// <summary>
        /// A route's <c>match</c> entries in canonical form (<see cref="RouteMatch"/>). Any entry that cannot be read
        /// makes what the route matches unknown, so no rule reasons about its order.
        /// </summary>
        private IReadOnlyList<RouteMatch> ReadMatches(YMapping route, FieldPath path, out bool unreadable)
        {
            unreadable = false;
            if (!route.TryGet("match", out _, out var node) || (node is YScalar nullScalar && nullScalar.IsNull))
            {
                return Array.Empty<RouteMatch>();
            }

            if (!(node is YSequence sequence))
            {
                unreadable = true;
                _fields.Sequence(route, "match", path + ".match");
                return Array.Empty<RouteMatch>();
            }

            var matches = new List<RouteMatch>(sequence.Items.Count);
            for (int i = 0; i < sequence.Items.Count; i++)
            {
                if (!(sequence.Items[i] is YMapping match))
                {
                    unreadable = true;
                    _fields.Error(sequence.Items[i].Span, $"{(path + ".match").Index(i)} must be a mapping, not {sequence.Items[i].KindName}");
                    continue;
                }

                matches.Add(ReadMatch(match, path + ".match", i));
            }

            return matches;
        }

        private static readonly HashSet<string> PerKeyConditions = new HashSet<string>(StringComparer.Ordinal)
        {
            "headers", "queryParams", "withoutHeaders", "sourceLabels",
        };

        private static readonly HashSet<string> RequestConditions = new HashSet<string>(StringComparer.Ordinal)
        {
            "uri", "headers", "queryParams", "withoutHeaders", "method", "scheme", "authority",
        };

        private RouteMatch ReadMatch(YMapping match, FieldPath listPath, int index)
        {
            var at = listPath.Index(index);
            string? name = null;
            UriCondition? uri = null;
            bool ignoreCase = false;
            bool request = false;
            var conditions = new List<KeyValuePair<string, string>>(match.Entries.Count);
            List<Located<string>>? gateways = null;
            foreach (var entry in match.Entries)
            {
                var key = entry.Key.Value;
                request |= RequestConditions.Contains(key);
                switch (key)
                {
                    case "name":
                        name = entry.Value is YScalar scalar ? scalar.Value : null;
                        continue;
                    case "statPrefix":
                        continue; // A metrics name, not a condition.
                    case "ignoreUriCase":
                        ignoreCase = entry.Value is YScalar flag && flag.IsPlain && (flag.Value == "true" || flag.Value == "True" || flag.Value == "TRUE");
                        continue;
                    case "uri" when entry.Value is YMapping stringMatch && stringMatch.Entries.Count == 1 &&
                                    stringMatch.Entries[0].Value is YScalar value && !value.IsNull:
                        uri = new UriCondition(stringMatch.Entries[0].Key.Value, value.Value, ignoreCase: false);
                        continue;
                    case "gateways":
                        gateways = _fields.Strings(match, "gateways", at + ".gateways");
                        break;
                }

                if (PerKeyConditions.Contains(key) && entry.Value is YMapping perKey)
                {
                    foreach (var condition in perKey.Entries)
                    {
                        conditions.Add(new KeyValuePair<string, string>(key + "." + condition.Key.Value, CanonicalYaml.Of(condition.Value)));
                    }
                }
                else
                {
                    conditions.Add(new KeyValuePair<string, string>(key, CanonicalYaml.Of(entry.Value)));
                }
            }

            if (uri != null)
            {
                uri = uri.Kind == "prefix" && uri.Value == "/" ? null : new UriCondition(uri.Kind, uri.Value, ignoreCase);
            }

            int? port = match.TryGet("port", out _, out var portNode) && portNode is YScalar portScalar && portScalar.IsPlain &&
                        YamlScalars.TryParseInteger(portScalar.Value, out int number) ? number : (int?)null;
            // Keys are unique (a repeated YAML key is MT0001), so ordinal order makes the canonical form.
            conditions.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return new RouteMatch(name, match.Span, uri, conditions, (IReadOnlyList<Located<string>>?)gateways ?? Array.Empty<Located<string>>(),
                request, port);
        }

        private void ReadMirrors(YMapping http, FieldPath path, List<Destination> mirrors)
        {
            if (http.TryGet("mirror", out var mirrorKey, out _) &&
                ReadDestination(http, "mirror", path, mirrorKey.Span, withWeight: false) is { } mirror)
            {
                mirrors.Add(mirror);
            }

            foreach (var (item, itemPath) in _fields.MappingItems(http, "mirrors", path + ".mirrors"))
            {
                if (ReadDestination(item, "destination", itemPath, item.Span, withWeight: false) is { } destination)
                {
                    mirrors.Add(destination);
                }
            }
        }

        /// <summary>Reads <c>parent[key]</c> as a Destination; the weight, if wanted, sits beside it in <paramref name="parent"/>.</summary>
        private Destination? ReadDestination(YMapping parent, string key, FieldPath path, SourceSpan fallback, bool withWeight)
        {
            var at = path + "." + key;
            var destination = _fields.Mapping(parent, key, at, out var keySpan);
            var weight = withWeight ? _fields.Integer(parent, "weight", path + ".weight") : null;
            if (destination == null)
            {
                if (!parent.TryGet(key, out _, out _))
                {
                    _fields.Error(fallback, $"{at} is required");
                }

                return null;
            }

            var host = _fields.String(destination, "host", at + ".host");
            if (host == null)
            {
                if (!destination.TryGet("host", out _, out _))
                {
                    _fields.Error(keySpan, $"{at}.host is required");
                }

                return null;
            }

            var subset = _fields.String(destination, "subset", at + ".subset");
            var portMapping = _fields.Mapping(destination, "port", at + ".port");
            var port = _fields.Integer(portMapping, "number", at + ".port.number");
            return new Destination(new Located<string>(host.Value.Value, FieldReader.KeySpan(destination, "host", host.Value.Span)),
                subset, port, weight, keySpan, FieldReader.HoldsPlaceholder(portMapping, "number"));
        }

        /// <summary>
        /// In a walked folder, a document with only one of apiVersion and kind is a broken manifest when it also has
        /// metadata, and other data otherwise (a Helm repository index, a Google API response). A kind that is not a
        /// PascalCase name (Drone's <c>kind: pipeline</c>, <c>youtube#video</c>) is never a Kubernetes kind.
        /// </summary>
        private static bool LooksLikeObject(YMapping mapping, bool hasApiVersion, bool hasKind)
        {
            if (hasKind && mapping.TryGet("kind", out _, out var kind) && kind is YScalar scalar && !IsKindName(scalar.Value))
            {
                return false;
            }

            return (hasApiVersion && hasKind) || mapping.TryGet("metadata", out _, out _);
        }

        private static bool IsKindName(string kind)
        {
            if (kind.Length == 0 || kind[0] < 'A' || kind[0] > 'Z')
            {
                return false;
            }

            foreach (char c in kind)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsIntegerOrNull(YNode node) =>
            node is YScalar scalar && (scalar.IsNull || (scalar.IsPlain && YamlScalars.TryParseInteger(scalar.Value, out _)));

        private static SourceSpan StartOf(YNode node) => SourceSpan.At(node.Span.Line, node.Span.Column);
    }
}
