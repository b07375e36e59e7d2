namespace ManifestTools.Analyzers.Tests
{
    /// <summary>The advertisements canary, split as the build splits it: generated objects and a hand-written file.</summary>
    internal static class Yaml
    {
        /// <summary>The Service and the two versions' Deployments, as the package generates them.</summary>
        public const string Generated = """
            apiVersion: v1
            kind: Service
            metadata:
              name: ads
              namespace: ns3
            spec:
              selector:
                app: ads
              ports:
              - name: http
                port: 8080
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ads-v1
              namespace: ns3
            spec:
              selector:
                matchLabels:
                  app: ads
                  version: v1
              template:
                metadata:
                  labels:
                    app: ads
                    version: v1
                spec:
                  containers:
                  - name: ads
                    image: ads:1.0
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ads-v2
              namespace: ns3
            spec:
              selector:
                matchLabels:
                  app: ads
                  version: v2
              template:
                metadata:
                  labels:
                    app: ads
                    version: v2
                spec:
                  containers:
                  - name: ads
                    image: ads:2.0

            """;

        /// <summary>A hand-written canary with two mistakes: subset v2 wants version V2 (MT1001), and weights 90 + 20 (MT1002).</summary>
        public const string BrokenCanary = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: ads
              namespace: ns3
            spec:
              host: ads
              subsets:
              - name: v1
                labels:
                  version: v1
              - name: v2
                labels:
                  version: V2
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: ads
              namespace: ns3
            spec:
              hosts:
              - ads
              http:
              - route:
                - destination:
                    host: ads
                    subset: v1
                  weight: 90
                - destination:
                    host: ads
                    subset: v2
                  weight: 20

            """;

        /// <summary>The same canary without mistakes.</summary>
        public static string Canary => BrokenCanary.Replace("version: V2", "version: v2").Replace("weight: 90", "weight: 80");
    }
}
