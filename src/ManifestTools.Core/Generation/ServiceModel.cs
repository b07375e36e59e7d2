using System.Collections.Generic;

namespace ManifestTools.Generation
{
    /// <summary>The checked, typed service the templates render. Every list keeps declaration order.</summary>
    /// <param name="DefaultRoute">The split of requests that no route matches, from the ServiceVersion weights.</param>
    /// <param name="ReadinessProbePath">The readiness probe's httpGet path; empty for no probe.</param>
    /// <param name="LivenessProbePath">The liveness probe's httpGet path; empty for no probe.</param>
    /// <param name="TrafficApi">Which objects split the traffic between the versions.</param>
    public sealed record ServiceModel(string Name, string Namespace, IReadOnlyList<PortModel> Ports, IReadOnlyList<VersionModel> Versions,
        IReadOnlyList<RouteModel> Routes, IReadOnlyList<WeightedVersion> DefaultRoute, string ReadinessProbePath, string LivenessProbePath,
        TrafficApi TrafficApi);

    /// <summary>ManifestTrafficApi: the API whose objects route a canary's traffic.</summary>
    public enum TrafficApi
    {
        /// <summary>A DestinationRule with a subset per version, and a VirtualService that splits between the subsets.</summary>
        Istio,

        /// <summary>A Service per version, and an HTTPRoute attached to the service's Service (GAMMA) that splits between them.</summary>
        GatewayApi,
    }

    /// <param name="Name">Istio selects the protocol by the port name's prefix, so TCP ports are named http, http-2, ...</param>
    /// <param name="Protocol">TCP or UDP, as the Kubernetes API spells it.</param>
    public sealed record PortModel(string Name, int Number, string Protocol);

    public sealed record VersionModel(string Name, string ImageTag, string Image, int Weight, int Replicas, IReadOnlyList<EnvironmentVariable> Environment);

    public sealed record EnvironmentVariable(string Name, string Value);

    /// <param name="MatchType">exact, prefix or regex: the Istio StringMatch field name.</param>
    public sealed record RouteModel(string Name, string Header, string MatchType, string MatchValue, IReadOnlyList<WeightedVersion> Destinations);

    public sealed record WeightedVersion(string Version, int Weight);
}
