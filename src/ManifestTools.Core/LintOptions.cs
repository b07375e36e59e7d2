using ManifestTools.Configuration;
using ManifestTools.Yaml;

namespace ManifestTools
{
    public sealed class LintOptions
    {
        /// <summary>Namespace of objects without metadata.namespace, as <c>kubectl apply -n</c> assigns it.</summary>
        public string DefaultNamespace { get; set; } = "default";

        /// <summary>Suffix of in-cluster service names: <c>&lt;name&gt;.&lt;namespace&gt;.svc.&lt;domain&gt;</c>.</summary>
        public string ClusterDomain { get; set; } = "cluster.local";

        public InputLimits Limits { get; set; } = InputLimits.Default;

        /// <summary>The repository's .manifest-tools.yaml, or null: externals, ignored paths and rule severities.</summary>
        public ManifestToolsConfig? Config { get; set; }
    }
}
