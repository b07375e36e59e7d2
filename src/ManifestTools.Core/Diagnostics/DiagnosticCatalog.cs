using System.Collections.Generic;
using System.Linq;

namespace ManifestTools.Diagnostics
{
    /// <summary>The one list of diagnostic IDs. Adapters (CLI, MSBuild, Roslyn) describe rules from here only.</summary>
    public static class DiagnosticCatalog
    {
        public static readonly DiagnosticDescriptor YamlSyntax = new DiagnosticDescriptor(
            "MT0001", "YamlSyntaxError", "YAML syntax error", Severity.Error,
            "{0}",
            "The file is not well-formed YAML (or JSON), is not UTF-8 text, or repeats a key in one mapping. " +
            "kubectl would reject it. The rest of the file's documents and the other files are still linted.");

        public static readonly DiagnosticDescriptor InvalidObject = new DiagnosticDescriptor(
            "MT0002", "InvalidObject", "Not a Kubernetes object, or a field is missing or has the wrong type", Severity.Error,
            "{0}",
            "Each YAML document must be a Kubernetes object: a mapping with apiVersion, kind and metadata.name. " +
            "Fields the rules read must have the type the API defines: a weight is an integer (not \"50\"), a label value " +
            "is a string (quote version: \"1.0\"). The API server would reject such an object.");

        public static readonly DiagnosticDescriptor InputLimit = new DiagnosticDescriptor(
            "MT0003", "InputLimitExceeded", "An input limit was exceeded", Severity.Error,
            "{0}",
            "The linter bounds the work one input can cause: file size, nesting depth and the number of nodes a document " +
            "expands to through aliases. The limits are far above what real manifests need; see docs/rules.md#mt0003.");

        public static readonly DiagnosticDescriptor HelmChartNotLinted = new DiagnosticDescriptor(
            "MT0004", "HelmChartNotLinted", "A Helm chart's templates are not linted", Severity.Info,
            "folder {0} is a Helm chart; its templates are Go templates, not manifests, so they are not linted: lint what it renders with `helm template {1} | manifest-tools lint -`",
            "A folder that holds Helm's Chart.yaml is a Helm chart. Its templates only become manifests when Helm renders " +
            "them with the chart's values, so when the linter walks a folder it skips templates/, charts/ and Helm's own " +
            "files there, and says so once.");

        public static readonly DiagnosticDescriptor InvalidConfiguration = new DiagnosticDescriptor(
            "MT0005", "InvalidConfiguration", "The configuration file is not valid", Severity.Error,
            "{0}",
            "The .manifest-tools.yaml found in the linted folder or above it must be one YAML mapping with only the " +
            "documented keys (defaultNamespace, clusterDomain, ignore, external, rules, suppress). The CLI exits 2 on it; " +
            "the build and the analyzer report it at the file's position.");

        public static readonly DiagnosticDescriptor SubsetSelectsNoPods = new DiagnosticDescriptor(
            "MT1001", "SubsetSelectsNoPods", "DestinationRule subset selects no pods", Severity.Error,
            "subset {0} of DestinationRule {1} selects no pod of {2}: {3}",
            "A subset routes to the pods of the host Service that also carry the subset's labels. If no pod template in " +
            "the Service's namespace carries both the Service selector and the subset labels, every request routed to " +
            "the subset fails with 503 (no healthy upstream). Fix the subset labels or the Deployment's template labels.");

        public static readonly DiagnosticDescriptor WeightsNot100 = new DiagnosticDescriptor(
            "MT1002", "RouteWeightsNotTotal100", "Route weights do not add up to 100", Severity.Error,
            "the weights of {0} add up to {1}, not 100: {2}",
            "Istio (since 1.15) treats weights as relative, so 90/20 silently becomes 82/18. This project requires a total " +
            "of 100 on purpose: a total other than 100 is almost always a typo in a canary split. A missing weight counts " +
            "as 0 when other destinations have weights; a single destination without a weight is fine.");

        public static readonly DiagnosticDescriptor UndefinedSubset = new DiagnosticDescriptor(
            "MT1003", "UndefinedSubset", "Route names a subset no DestinationRule defines", Severity.Error,
            "{0} routes to subset {1} of host {2}, but {3}",
            "A destination or mirror that names a subset needs a DestinationRule for the same host that defines it; " +
            "otherwise Envoy has no cluster for it and requests fail with 503. Define the subset or fix its name.");

        public static readonly DiagnosticDescriptor UnknownHost = new DiagnosticDescriptor(
            "MT1004", "UnknownHost", "Host resolves to no Service or ServiceEntry", Severity.Error,
            "{0} names host {1}, which resolves to {2}: {3}",
            "Hosts resolve as Istio resolves them: a short name means <name>.<namespace of the referring object>.svc." +
            "<cluster domain>; a name with a dot is taken as written. A host defined in a namespace the reference does not see " +
            "(exportTo) counts as unknown. It is an error when the input holds the host's namespace, and a warning when it cannot know.");

        public static readonly DiagnosticDescriptor AllWeightsZero = new DiagnosticDescriptor(
            "MT1005", "AllWeightsZero", "Every destination of a route has weight 0", Severity.Error,
            "{0} has {1} destinations whose weights are all 0 or missing",
            "With several destinations and no positive weight, Envoy rejects the route configuration. Give the " +
            "destinations weights that add up to 100.");

        public static readonly DiagnosticDescriptor WeightOutOfRange = new DiagnosticDescriptor(
            "MT1006", "WeightOutOfRange", "Weight below 0 or above 100", Severity.Error,
            "weight {0} of {1} is outside 0..100",
            "A route weight is a percentage of the traffic; Istio rejects negative weights and this project requires " +
            "each weight to lie between 0 and 100.");

        public static readonly DiagnosticDescriptor DuplicateDestination = new DiagnosticDescriptor(
            "MT1007", "DuplicateDestination", "Same destination twice in one route", Severity.Warning,
            "{0} lists destination {1} twice",
            "Two entries for the same host, subset and port in one route split traffic with themselves; the weights were " +
            "probably meant for different subsets.");

        public static readonly DiagnosticDescriptor DuplicateSubset = new DiagnosticDescriptor(
            "MT1008", "DuplicateSubset", "Subset defined twice for one host", Severity.Error,
            "subset {0} for host {1} is defined twice: in {2} and in {3}",
            "Istio keeps only the first definition of a subset name for a host (DestinationRules in one namespace are " +
            "merged), so the second one is silently ignored. Rename or remove one of them.");

        public static readonly DiagnosticDescriptor UnexposedPort = new DiagnosticDescriptor(
            "MT1009", "DestinationPortNotExposed", "Destination port not exposed by the host", Severity.Error,
            "{0}",
            "A destination port must be one of the ports the Service (or ServiceEntry) exposes. When the host exposes " +
            "several ports the destination must name one, or Istio cannot tell which port the route is for.");

        public static readonly DiagnosticDescriptor GatewayNotFound = new DiagnosticDescriptor(
            "MT1010", "GatewayNotFound", "VirtualService names a gateway that does not exist", Severity.Error,
            "{0} is bound to gateway {1}, which resolves to {2}: {3}",
            "Each spec.gateways entry (name, namespace/name, or the legacy name.namespace.svc.cluster.local) must name an " +
            "Istio Gateway or a Kubernetes Gateway; a short name means the VirtualService's namespace, and mesh is the " +
            "sidecars. A VirtualService bound to a missing gateway receives no traffic from it. It is a warning when the " +
            "input holds no Gateway of that namespace, or the namespace is the mesh's own (istio-*), since the gateway may " +
            "be managed from elsewhere.");

        public static readonly DiagnosticDescriptor MatchGatewayNotBound = new DiagnosticDescriptor(
            "MT1011", "MatchGatewayNotBound", "A route matches on a gateway its VirtualService is not bound to", Severity.Error,
            "{0} of {1} applies on gateway {2}, but {3} is not bound to it ({4}), so the match never applies; {5}",
            "A match's gateways select which of the VirtualService's own gateways the match applies on. Istio applies a " +
            "VirtualService only on the gateways in its spec.gateways (the mesh when the list is empty), so a match on any " +
            "other gateway never matches. Add the gateway to spec.gateways, or fix the name.");

        public static readonly DiagnosticDescriptor InternalGatewayReference = new DiagnosticDescriptor(
            "MT1012", "InternalGatewayReference", "VirtualService names a gateway Istio generates", Severity.Warning,
            "{0} is bound to gateway {1}, which Istio generates from a Kubernetes Gateway: its name may change with any " +
            "upgrade; route with an HTTPRoute attached to the Kubernetes Gateway instead",
            "Istio turns each Kubernetes Gateway listener into an internal gateway whose name contains ~ (older releases: " +
            "-istio-autogenerated-k8s-gateway-). Binding a VirtualService to it works by accident of the implementation.");

        public static readonly DiagnosticDescriptor HostNotInGateway = new DiagnosticDescriptor(
            "MT1013", "HostNotInGateway", "No host of a VirtualService is served by its gateway", Severity.Error,
            "{0} is bound to gateway {1}, but none of its hosts ({2}) matches a host that {1} serves to namespace {3} ({4}); " +
            "add a matching host to the Gateway, or fix the VirtualService's hosts",
            "A gateway applies a VirtualService's routes only for hosts one of its servers (or listeners) accepts. Server " +
            "hosts are [namespace/]dnsName: ./ means the Gateway's namespace, */ or none any namespace; wildcards match " +
            "either way (*.example.com, *). A listener without a hostname accepts every host. With no host in common, no " +
            "request through the gateway reaches the routes.");

        public static readonly DiagnosticDescriptor ConflictingGateways = new DiagnosticDescriptor(
            "MT1014", "ConflictingGateways", "Two Gateways serve the same TLS host on the same port of the same workloads", Severity.Error,
            "{0} serves host {1} on port {2} of the gateway workloads {3}, as {4} already does; {5}",
            "Two Gateways with the same selector that declare an HTTPS or TLS server on the same port (and bind address) for " +
            "the same host conflict: Envoy gets two filter chains for one server name, and one of them, with its certificate, " +
            "is dropped. A wildcard and a name under it do not conflict; the most specific wins. Plain HTTP servers of one " +
            "port are merged, so they do not conflict. Merge the servers into one Gateway, or change the port or the host. " +
            "It is a warning when the two are in different folders, which may be alternatives.");

        public static readonly DiagnosticDescriptor InvalidExportTo = new DiagnosticDescriptor(
            "MT1015", "InvalidExportTo", "An exportTo entry is not valid", Severity.Error,
            "{0}",
            "exportTo entries are . (the object's namespace), * (every namespace) or a namespace name (a DNS-1123 label); " +
            "~ (no namespace) is accepted on ServiceEntries and in the Service annotation networking.istio.io/exportTo " +
            "only. * and ~ cannot be combined with other entries, and no entry may repeat. Istio rejects the object otherwise.");

        public static readonly DiagnosticDescriptor ConflictingMeshHosts = new DiagnosticDescriptor(
            "MT1016", "ConflictingMeshHosts", "Two VirtualServices define the same host on the mesh", Severity.Error,
            "{0} and {1} both define host {2} for the mesh, as seen from {3}; Istio uses only one of them for the " +
            "sidecars, and which one is undefined: merge their routes into one VirtualService",
            "VirtualServices bound to the mesh (no gateways, or mesh listed) are not merged: when two define the same host " +
            "in namespaces that see each other (exportTo), the sidecars apply one of them and ignore the other. Both are " +
            "reported. It is a warning when the two are in different folders, which may be alternatives of which one is applied.");

        public static readonly DiagnosticDescriptor UnreachableRoute = new DiagnosticDescriptor(
            "MT1017", "UnreachableRoute", "A route can never be used", Severity.Error,
            "{0}",
            "Istio evaluates routes in order and the first match wins. A route after a route without a match (which " +
            "matches every request) is never used, and neither is a route whose every match an earlier route covers. " +
            "Move the catch-all route last, or make the earlier match narrower.");

        public static readonly DiagnosticDescriptor IneffectiveMatch = new DiagnosticDescriptor(
            "MT1018", "IneffectiveMatch", "A match is covered by an earlier route", Severity.Warning,
            "{0}",
            "A match entry that repeats an earlier route's match, or that an earlier match covers (the same conditions, a " +
            "path prefix that begins this path), never applies: requests it would match go to the earlier route. The " +
            "route still matches through its other entries.");

        public static readonly DiagnosticDescriptor IngressBypassesSubsets = new DiagnosticDescriptor(
            "MT1019", "IngressBypassesSubsets", "Ingress traffic bypasses a canary split", Severity.Warning,
            "{0} sends ingress traffic to host {1} without a subset, but {2} routes the mesh's traffic to {1} by subset; " +
            "requests through the gateway ignore those subsets: route to the same subsets here, or bind {2} to the gateway too",
            "A VirtualService's routes apply at the proxy that sends the request. Traffic that enters through a gateway is " +
            "routed by the gateway's VirtualService only, so when it sends to the host without a subset, every version's " +
            "pods receive ingress traffic, whatever weights the mesh VirtualService sets.");

        public static readonly DiagnosticDescriptor HttpRouteOnNonHttpPort = new DiagnosticDescriptor(
            "MT1020", "HttpRouteOnNonHttpPort", "An HTTP route sends to a port declared as another protocol", Severity.Error,
            "{0}",
            "Istio reads a port's protocol from its appProtocol (or a ServiceEntry's protocol), else from its name's prefix " +
            "(tcp-db, http-web). On a port declared TCP, TLS, HTTPS, MongoDB, MySQL or Redis the sidecars proxy bytes, so " +
            "an http route's header, URI and method matches never apply. Declare the port as http (name http-..., or " +
            "appProtocol: http), or route it with a tcp route. A port whose name declares no protocol is detected, and not checked.");

        public static readonly DiagnosticDescriptor BackendNotFound = new DiagnosticDescriptor(
            "MT1101", "BackendNotFound", "A backendRef names an object the input does not define", Severity.Error,
            "{0} sends to {1}, but {2}",
            "A backendRef of an HTTPRoute or GRPCRoute names a Service (by default) or an Istio ServiceEntry or Hostname. " +
            "When it does not exist, the route reports BackendNotFound and its share of the traffic gets 500. It is an " +
            "error when the input holds the namespace's Services, and a warning when the Service may be defined elsewhere.");

        public static readonly DiagnosticDescriptor BackendRefNotPermitted = new DiagnosticDescriptor(
            "MT1102", "BackendRefNotPermitted", "A backendRef to another namespace has no ReferenceGrant", Severity.Error,
            "{0} sends to {1} in namespace {2}, but no ReferenceGrant of namespace {2} lets {3}s of namespace {4} refer to it; add one there",
            "A route may send to a backend of another namespace only when a ReferenceGrant in the backend's namespace " +
            "allows it (from the route's kind and namespace, to the backend's group and kind, optionally by name). Without " +
            "one the route reports RefNotPermitted and that share of the traffic gets 500. A parentRef needs no grant: a " +
            "Gateway admits routes by its listeners' allowedRoutes (MT1112), and a route attached to a Service of another " +
            "namespace applies to its own namespace's clients.");

        public static readonly DiagnosticDescriptor BackendPortInvalid = new DiagnosticDescriptor(
            "MT1103", "BackendPortInvalid", "A backendRef has no port, or a port its Service does not expose", Severity.Error,
            "{0}",
            "A backendRef to a Service (or an Istio ServiceEntry or Hostname) must give the port, and the Service must " +
            "expose it (its port, not its targetPort). The API rejects a Service backendRef without a port; a port the " +
            "Service does not expose leaves that share of the traffic without endpoints.");

        public static readonly DiagnosticDescriptor BackendWeightsNot100 = new DiagnosticDescriptor(
            "MT1104", "BackendWeightsNotTotal100", "A rule's backend weights do not add up to 100", Severity.Error,
            "the weights of {0} add up to {1}, not 100: {2}",
            "The Gateway API treats backendRef weights as relative, with a default of 1, so 80/30 silently becomes 73/27. As " +
            "for VirtualServices (MT1002), a rule that sets a weight on any of several backendRefs must make them add up to " +
            "100: another total is almost always a typo in a canary split. Backends without any weight share equally, " +
            "which is fine.");

        public static readonly DiagnosticDescriptor AllBackendWeightsZero = new DiagnosticDescriptor(
            "MT1105", "AllBackendWeightsZero", "Every backend of a rule has weight 0", Severity.Error,
            "every backendRef of {0} has weight 0, so every request it matches gets 500; give the backend that should serve a positive weight",
            "A rule whose backendRefs all have weight 0 sends no request anywhere: the implementation answers 500. Give the " +
            "stable version a positive weight.");

        public static readonly DiagnosticDescriptor BackendSelectsNoPods = new DiagnosticDescriptor(
            "MT1106", "BackendSelectsNoPods", "A versioned backend Service selects no pod", Severity.Error,
            "{0} sends to Service {1}, whose selector {2} matches no pod template of namespace {3}{4}",
            "In a Gateway API canary each version has its own Service. When one version's Service selects no pod while " +
            "the other backends of the route do, its share of the traffic gets 503 (no healthy upstream). It is the Gateway " +
            "API analogue of MT1001. When no backend of the route selects any pod, the workloads are probably elsewhere, " +
            "and MT2002 warns instead.");

        public static readonly DiagnosticDescriptor OverlappingBackends = new DiagnosticDescriptor(
            "MT1107", "OverlappingBackends", "Two backends of a rule select the same pods", Severity.Error,
            "Service {0}, a backend of {1}, selects {2}, which also selects the pods of {3}, another backend of the rule; {4}",
            "A weighted split between versions only holds when each version's Service selects only that version's pods. " +
            "A Service whose selector lacks the version label also selects the other version's pods, so the canary gets " +
            "more than its weight. It is the Gateway API analogue of MT2003.");

        public static readonly DiagnosticDescriptor MeshRouteWithoutCatchAll = new DiagnosticDescriptor(
            "MT1108", "MeshRouteWithoutCatchAll", "A route attached to a Service has no rule for ordinary requests", Severity.Error,
            "{0} is attached to Service {1}, but none of its rules matches every request, so requests to {1} that match no rule fail with 404; add a rule without matches that sends to the stable version",
            "Once an HTTPRoute or GRPCRoute is attached to a Service (the GAMMA pattern for the mesh), it replaces the " +
            "Service's default routing for the clients it applies to: requests that match none of its rules are rejected. " +
            "A route with only header-matched rules therefore breaks every ordinary request. Other routes attached to the " +
            "same Service from the same namespace count: one catch-all rule among them is enough.");

        public static readonly DiagnosticDescriptor ParentNotFound = new DiagnosticDescriptor(
            "MT1109", "ParentNotFound", "A parentRef names a Gateway or Service the input does not define", Severity.Error,
            "{0} attaches to {1}, but {2}",
            "A route attaches to the Gateways and Services its parentRefs name. A parentRef to one that does not exist " +
            "attaches the route nowhere, and its traffic keeps the old routing. Gateways often live in a platform namespace " +
            "another repository applies: then it is a warning.");

        public static readonly DiagnosticDescriptor ParentSectionNotFound = new DiagnosticDescriptor(
            "MT1110", "ParentSectionNotFound", "A parentRef names a listener or port its parent does not have", Severity.Error,
            "{0}",
            "A parentRef's sectionName names a listener of the Gateway (or a port name of the Service), and its port a " +
            "listener's port (or a Service port). When none has that name or port, the route is not accepted (NoMatchingParent).");

        public static readonly DiagnosticDescriptor HostnameNotAccepted = new DiagnosticDescriptor(
            "MT1111", "HostnameNotAccepted", "No listener accepts the route's hostnames", Severity.Error,
            "{0} has hostnames {1}, but no listener of Gateway {2} it attaches to accepts any of them ({3}); {4}",
            "A route attaches to a Gateway listener only when one of its hostnames intersects the listener's hostname " +
            "(a listener without one accepts every hostname; *.example.com accepts any name below example.com). " +
            "Otherwise the route is not accepted (NoMatchingListenerHostname) and serves nothing.");

        public static readonly DiagnosticDescriptor ListenerRejectsRoute = new DiagnosticDescriptor(
            "MT1112", "ListenerRejectsRoute", "No listener admits the route", Severity.Error,
            "{0}",
            "A listener admits routes by allowedRoutes: namespaces.from Same (the default) admits the Gateway's own " +
            "namespace only, All every namespace, and Selector the namespaces whose labels match; kinds, when set, lists " +
            "the route kinds it admits, and otherwise its protocol decides (HTTP and HTTPS admit HTTPRoute and GRPCRoute). " +
            "A route no listener admits is not accepted (NotAllowedByListeners).");

        public static readonly DiagnosticDescriptor DuplicateRouteMatch = new DiagnosticDescriptor(
            "MT1113", "DuplicateRouteMatch", "A match repeats an earlier match of the same route", Severity.Warning,
            "{0} of {1} repeats {2}, which takes every request it matches; remove it",
            "The Gateway API chooses among matches by specificity (an Exact path, then the longest prefix, then method, " +
            "header and query conditions), not by position, so a general rule never hides a specific one. Only an equal " +
            "match does: among equally specific matches the first rule wins, so a repeated match is never used.");

        public static readonly DiagnosticDescriptor UnreachableRouteRule = new DiagnosticDescriptor(
            "MT1114", "UnreachableRouteRule", "A route rule can never be used", Severity.Error,
            "every match of {0} repeats a match of {1}, which takes its requests, so {0} is never used; {2}",
            "When every match of a rule repeats a match of an earlier rule of the same route, the earlier rule wins every " +
            "request and this rule's backends get no traffic. A rule without matches repeats another rule without matches.");

        public static readonly DiagnosticDescriptor MeshRouteOnNonHttpPort = new DiagnosticDescriptor(
            "MT1115", "MeshRouteOnNonHttpPort", "A route is attached to a Service port declared as another protocol", Severity.Error,
            "{0} attaches to port {1} of Service {2}, which is declared {3} {4}, so the mesh proxies it without reading its requests and the route's rules never apply; declare the port http (name it http or http-…, or set appProtocol: http), or attach the route to an HTTP port",
            "An HTTPRoute or GRPCRoute attached to a Service (GAMMA) applies on the Service ports it names (every port, " +
            "when it names none). Istio reads HTTP only on ports it takes for HTTP: a port declared tcp, tls, https, " +
            "mongo, mysql or redis (by appProtocol or the name's prefix), or a UDP port, carries bytes, so the header " +
            "rules and the weights do nothing and the versions get whatever the connection balancing gives them. It is " +
            "the Gateway API analogue of MT1020.");

        public static readonly DiagnosticDescriptor SelectorMismatch = new DiagnosticDescriptor(
            "MT2001", "SelectorDoesNotMatchTemplate", "Workload selector does not match its pod template", Severity.Error,
            "the selector of {0} does not match its pod template labels: {1}",
            "A workload's spec.selector must match spec.template.metadata.labels; the API server rejects it otherwise " +
            "(\"selector does not match template labels\").");

        public static readonly DiagnosticDescriptor ServiceSelectsNothing = new DiagnosticDescriptor(
            "MT2002", "ServiceSelectsNoPods", "Service selector matches no pod template", Severity.Warning,
            "Service {0} selects {1}, but no pod template in namespace {2} carries these labels{3}",
            "A Service with a selector that no pod carries has no endpoints. It is a warning because the workloads may " +
            "live outside the linted input.");

        public static readonly DiagnosticDescriptor OverlappingSelectors = new DiagnosticDescriptor(
            "MT2003", "OverlappingSelectors", "Workloads with overlapping selectors", Severity.Error,
            "the selector of {0} ({1}) also selects the pods of {2}{3}",
            "Two controllers in one namespace whose selectors select each other's pods fight over them: each scales or " +
            "replaces the other's pods. The classic case is a second version deployed without version in its selector. Two " +
            "workloads with the same pod labels in different files are probably alternatives, of which one is applied: a warning.");

        public static readonly DiagnosticDescriptor InvalidName = new DiagnosticDescriptor(
            "MT2004", "InvalidNameOrLabel", "Invalid object name, label key or label value", Severity.Error,
            "{0}",
            "Object names must be DNS-1123 subdomains (Services and Namespaces: DNS labels, at most 63 characters). " +
            "Label keys are an optional DNS-subdomain prefix and a name of at most 63 characters; label values are at " +
            "most 63 characters of [A-Za-z0-9-_.] that begin and end with an alphanumeric. The API server rejects others.");

        public static readonly DiagnosticDescriptor DeclaredWeightsNot100 = new DiagnosticDescriptor(
            "MT4001", "DeclaredWeightsNotTotal100", "Declared weights do not add up to 100", Severity.Error,
            "the weights of {0} add up to {1}, not 100: {2}",
            "The Weight metadata of the ServiceVersion items is the default traffic split, and the Weights metadata of a " +
            "ServiceRoute item is that route's split. Each must add up to 100. A version without a Weight gets 0 when " +
            "another version has one; when no version has a Weight, the first version gets 100.");

        public static readonly DiagnosticDescriptor UnknownDeclaredVersion = new DiagnosticDescriptor(
            "MT4002", "UnknownDeclaredVersion", "A route names a version that is not declared", Severity.Error,
            "{0} names version {1}, which no ServiceVersion item declares{2}",
            "The Weights of a ServiceRoute and the Versions of a ServiceEnvironmentVariable name ServiceVersion items. " +
            "A name that matches none would route traffic to a subset that does not exist. Declare the version or fix the name.");

        public static readonly DiagnosticDescriptor InvalidDeclaredName = new DiagnosticDescriptor(
            "MT4003", "InvalidDeclaredName", "A declared name is not valid where it is used", Severity.Error,
            "{0}",
            "Declared names become Kubernetes names and labels: the service name names the Service (a DNS-1035 label), " +
            "a version names a Deployment and a DestinationRule subset (Istio requires a DNS label: no dots), with " +
            "ManifestTrafficApi=GatewayApi <service>-<version> names a Service (a DNS-1035 label, at most 63 characters), the " +
            "namespace is a DNS-1123 label, ContainerRegistry is a host with an optional port, an image tag is at most 128 " +
            "of [A-Za-z0-9_.-], route names are unique and not 'default', and Istio matches header names in lower case only.");

        public static readonly DiagnosticDescriptor DuplicateDeclaredVersion = new DiagnosticDescriptor(
            "MT4004", "DuplicateDeclaredVersion", "A version is declared twice", Severity.Error,
            "version {0} is declared twice",
            "Each ServiceVersion item becomes a Deployment and a subset named after it, so two items with one name would " +
            "generate the same objects twice. Remove one or rename it.");

        public static readonly DiagnosticDescriptor InvalidDeclaredValue = new DiagnosticDescriptor(
            "MT4005", "InvalidDeclaredValue", "A declared value has the wrong type or is out of range", Severity.Error,
            "{0}",
            "Weight is an integer from 0 to 100, Replicas a non-negative integer, a ContainerPort an integer from 1 to " +
            "65535 of Type tcp or udp, a ServiceRoute needs a Header and exactly one of Exact, Prefix or Regex, a Regex " +
            "is one RE2 (Istio's and Envoy's dialect) accepts, and ManifestTrafficApi is Istio or GatewayApi, in any case. " +
            "With GatewayApi the HTTPRoute holds at most 16 rules and 16 backendRefs a rule: at most 15 ServiceRoute items, " +
            "and at most 16 versions with a weight above 0 in one split; a header name takes 256 characters, a value 4,096.");

        public static readonly DiagnosticDescriptor OutputFileNotGenerated = new DiagnosticDescriptor(
            "MT4006", "OutputFileNotGenerated", "An output file was not generated by this project", Severity.Error,
            "{0} was not generated by {1}, so it was left untouched: {2}",
            "The generator only overwrites a file it can prove it generated: a regular file whose header names this " +
            "project (by its path relative to the output folder), this service and the file's own name, and whose " +
            "content still matches the SHA-256 in that header. A hand-written file, another project's file, a renamed " +
            "copy or an edited file at the path of a generated file is kept, and nothing is written.");

        public static readonly DiagnosticDescriptor TemplateError = new DiagnosticDescriptor(
            "MT4007", "TemplateError", "A manifest template failed", Severity.Error,
            "{0}",
            "A template could not be read, parsed or rendered, or it exceeded a limit (loop iterations, recursion depth, " +
            "output size). The position is in the template. Undefined variables are errors, so a misspelt name is caught.");

        public static readonly DiagnosticDescriptor DuplicateDeclaredImage = new DiagnosticDescriptor(
            "MT4008", "DuplicateDeclaredImage", "Two versions deploy the same image", Severity.Warning,
            "versions {0} and {1} both deploy image {2}",
            "A canary compares two builds. Two versions with the same image compare a build with itself, usually because " +
            "an ImageTag was forgotten. Give each ServiceVersion its own ImageTag.");

        public static readonly DiagnosticDescriptor OutputWriteFailed = new DiagnosticDescriptor(
            "MT4009", "OutputWriteFailed", "A generated file could not be written", Severity.Error,
            "could not write {0}: {1}",
            "Generated files are written to a temporary file beside the target and then renamed over it, so a failed " +
            "write leaves the previous content intact. Check permissions and free space.");

        public static readonly DiagnosticDescriptor ManifestFileNotFound = new DiagnosticDescriptor(
            "MT4010", "ManifestFileNotFound", "A ManifestFile item names a file that does not exist", Severity.Error,
            "ManifestFile {0} {1}",
            "A ManifestFile item that names a file, not a wildcard, must name an existing file: a manifest that was renamed " +
            "or moved would otherwise silently drop out of the lint. A wildcard that matches nothing is no error, as " +
            "everywhere in MSBuild.");

        public static readonly DiagnosticDescriptor UnsetConfiguration = new DiagnosticDescriptor(
            "MT3001", "UnsetConfiguration", "The code reads a setting that no container of the service sets", Severity.Warning,
            "the code reads {0}, but no container of {1} sets {2}{3}; {4}",
            "The code reads an environment variable or a configuration key (IConfiguration[\"A:B\"], GetValue, GetSection, " +
            "GetConnectionString) that none of the service's containers sets (env, or envFrom of a ConfigMap or Secret in the " +
            "input) and, for configuration, no appsettings*.json of the project gives a value. In the cluster it reads null. " +
            "A read with a fallback (?? or a GetValue default) is not reported. Key A:B is set by the variable A__B.");

        public static readonly DiagnosticDescriptor ListenPortMismatch = new DiagnosticDescriptor(
            "MT3002", "ListenPortMismatch", "The service listens on a port its manifests do not send traffic to", Severity.Error,
            "{0}",
            "The port the process listens on (set in the code by UseUrls, Kestrel Listen*, app.Run(url) or app.Urls; else " +
            "ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS and ASPNETCORE_HTTPS_PORTS from the container's env, its envFrom " +
            "ConfigMaps and Secrets, the image's Dockerfile ENV or the SDK's container properties) must be the port that " +
            "every Service selecting the pods sends to (its targetPort, by number or through a container port's name) and " +
            "that the probes request. Otherwise requests fail with connection refused (503 through Istio), or probes kill " +
            "the pods. A containerPort that differs is a warning: it is informational, and traffic still flows.");

        public static readonly DiagnosticDescriptor HealthProbeMismatch = new DiagnosticDescriptor(
            "MT3003", "HealthProbeMismatch", "Health endpoints and probes do not match", Severity.Warning,
            "{0}",
            "When the code maps a health endpoint (MapHealthChecks, UseHealthChecks, MapGet(\"/healthz\")), every Deployment " +
            "of the service should have a readinessProbe, or Kubernetes sends traffic to pods that are not ready. And a " +
            "probe's httpGet path must be one the code maps: a probe that gets 404 keeps the pod out of the Service (readiness) " +
            "or restarts it forever (liveness). Probe paths are checked only when every route of the code is known: no " +
            "controllers, Razor Pages, fallback or computed patterns.");

        public static readonly DiagnosticDescriptor StaleFileKept = new DiagnosticDescriptor(
            "MT4011", "StaleFileKept", "A file the project no longer generates was kept", Severity.Warning,
            "{0} is no longer generated by {1}, but it was kept: {2}",
            "A file the project no longer generates (a removed version, a renamed service) is deleted only when it is in " +
            "the output folder, has a name the generator gives the service's files, and is provably this project's: its " +
            "header names the project, the service and the file, and its content matches the header's SHA-256. A file that " +
            "fails one of these but looks like this project's output is kept, and this warning says why. Delete it by " +
            "hand if it is no longer needed.");

        public static readonly DiagnosticDescriptor DeclarationWithoutVersions = new DiagnosticDescriptor(
            "MT4012", "DeclarationWithoutVersions", "Routes or environment variables are declared without any version", Severity.Warning,
            "{0} is declared, but no ServiceVersion item is, so nothing is generated{1}",
            "ServiceRoute and ServiceEnvironmentVariable items describe the versions that ServiceVersion items declare. " +
            "Without any version there is no Deployment to generate, so they have no effect; the files an earlier build " +
            "generated are removed as stale. Declare the versions, or remove the items.");

        public static readonly DiagnosticDescriptor UnsafeOutputPath = new DiagnosticDescriptor(
            "MT4013", "UnsafeOutputPath", "The output path is not a folder the project may write to", Severity.Error,
            "ManifestOutputPath {0}; {1}",
            "Generated files go to ManifestOutputPath, which must be inside the project's repository: the nearest folder " +
            "above the project that holds .git, or the project folder when none does. A file system root is never allowed, " +
            "nor a path that starts at the root only because the property before it is empty. Set " +
            "ManifestAllowOutputOutsideRepository to true to write outside the repository on purpose.");

        /// <summary>What linting manifests can report: the CLI's rules.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> Lint { get; } = new[]
        {
            YamlSyntax, InvalidObject, InputLimit, HelmChartNotLinted, InvalidConfiguration,
            SubsetSelectsNoPods, WeightsNot100, UndefinedSubset, UnknownHost, AllWeightsZero, WeightOutOfRange,
            DuplicateDestination, DuplicateSubset, UnexposedPort, GatewayNotFound, MatchGatewayNotBound, InternalGatewayReference,
            HostNotInGateway, ConflictingGateways, InvalidExportTo, ConflictingMeshHosts, UnreachableRoute, IneffectiveMatch,
            IngressBypassesSubsets, HttpRouteOnNonHttpPort,
            BackendNotFound, BackendRefNotPermitted, BackendPortInvalid, BackendWeightsNot100, AllBackendWeightsZero,
            BackendSelectsNoPods, OverlappingBackends, MeshRouteWithoutCatchAll, ParentNotFound, ParentSectionNotFound,
            HostnameNotAccepted, ListenerRejectsRoute, DuplicateRouteMatch, UnreachableRouteRule, MeshRouteOnNonHttpPort,
            SelectorMismatch, ServiceSelectsNothing, OverlappingSelectors, InvalidName,
        };

        /// <summary>What generating from a project's declaration can report, at the project file or a template.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> Generation { get; } = new[]
        {
            DeclaredWeightsNot100, UnknownDeclaredVersion, InvalidDeclaredName, DuplicateDeclaredVersion,
            InvalidDeclaredValue, OutputFileNotGenerated, TemplateError, DuplicateDeclaredImage, OutputWriteFailed,
            ManifestFileNotFound, StaleFileKept, DeclarationWithoutVersions, UnsafeOutputPath,
        };

        /// <summary>What comparing the service's C# code with its manifests can report; only the analyzer does.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> Code { get; } = new[] { UnsetConfiguration, ListenPortMismatch, HealthProbeMismatch };

        /// <summary>What <c>rules:</c> and <c>suppress:</c> in .manifest-tools.yaml may name: lint and code findings.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> Configurable { get; } = Lint.Where(d => d != InvalidConfiguration).Concat(Code).ToList();

        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new List<DiagnosticDescriptor>(Lint).Concat(Code).Concat(Generation).ToList();
    }
}
