using System;

namespace ManifestTools.Loading
{
    /// <summary>
    /// Files that look like objects but configure a tool rather than the cluster. They are never applied, so they may
    /// lack a name (an IstioOperator for <c>istioctl install -f</c>), and the rules have nothing to say about them.
    /// </summary>
    internal static class ToolConfiguration
    {
        /// <summary>API groups whose every kind is a tool's input.</summary>
        private static readonly string[] Groups =
        {
            "install.istio.io",          // IstioOperator, read by istioctl install and the operator
            "kustomize.config.k8s.io",   // Kustomization, Component
            "kind.x-k8s.io",             // kind's Cluster
            "k3d.io",                    // k3d's Simple
            "ctlptl.dev",                // ctlptl's Cluster and Registry
            "eksctl.io",                 // eksctl's ClusterConfig
            "kubeadm.k8s.io",            // InitConfiguration, ClusterConfiguration, JoinConfiguration
            "kpt.dev",                   // Kptfile
            "config.kubernetes.io",      // KRM function configuration
            "skaffold",                  // skaffold.yaml: apiVersion skaffold/v4beta11, kind Config
            "backstage.io",              // Backstage's catalog-info.yaml
            "kapp.k14s.io",              // Carvel kapp, vendir, kbld and imgpkg configurations
            "vendir.k14s.io",
            "kbld.k14s.io",
            "imgpkg.carvel.dev",
            "kuttl.dev",                 // kuttl's TestSuite and TestStep
            // Requests and responses of the API, never stored: webhook and test fixtures hold them.
            "admission.k8s.io",
            "authentication.k8s.io",
            "authorization.k8s.io",
            "meta.k8s.io",
            "imagepolicy.k8s.io",
        };

        public static bool Is(string apiVersion, string kind)
        {
            int slash = apiVersion.IndexOf('/');
            var group = slash < 0 ? string.Empty : apiVersion.Substring(0, slash);
            if (group.Length == 0)
            {
                // kubeconfig (apiVersion v1, kind Config), an API response (v1 Status), and kustomize's built-in
                // transformer configurations.
                return (apiVersion == "v1" && (kind == "Config" || kind == "Status")) || apiVersion == "builtin";
            }

            // The component configurations of Kubernetes itself: kubelet, kube-proxy, the API server's admission and
            // encryption, the scheduler.
            if (group.EndsWith(".config.k8s.io", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var known in Groups)
            {
                if (group == known)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
