using System;
using ManifestTools.Model;

namespace ManifestTools.Generation
{
    /// <summary>The names the generator gives a service's files; a stale file is deleted only if it has one of them.</summary>
    public static class GeneratedFileNames
    {
        private const string DeploymentSuffix = ".deployment.yaml";
        private const string ServiceSuffix = ".service.yaml";

        public static string Deployment(string service, string version) => service + "-" + version + DeploymentSuffix;

        public static string Service(string service) => service + ServiceSuffix;

        public static string DestinationRule(string service) => service + ".destinationrule.yaml";

        public static string VirtualService(string service) => service + ".virtualservice.yaml";

        /// <summary>The Service of one version, which the HTTPRoute's backendRefs name (Gateway API).</summary>
        public static string VersionService(string service, string version) => service + "-" + version + ServiceSuffix;

        public static string HttpRoute(string service) => service + ".httproute.yaml";

        /// <summary>
        /// Whether <paramref name="fileName"/> is a name the generator gives some file of <paramref name="service"/>, with
        /// either traffic API: switching the API deletes the other one's files as stale.
        /// </summary>
        public static bool IsNameOf(string service, string fileName)
        {
            if (fileName == Service(service) || fileName == DestinationRule(service) || fileName == VirtualService(service) || fileName == HttpRoute(service))
            {
                return true;
            }

            return IsVersionFile(service, fileName, DeploymentSuffix) || IsVersionFile(service, fileName, ServiceSuffix);
        }

        /// <summary>
        /// Which traffic API's routing objects <paramref name="fileName"/> holds, when it is one: <c>Istio</c> for the
        /// DestinationRule and VirtualService, <c>Gateway API</c> for the HTTPRoute and the version Services.
        /// </summary>
        public static string? TrafficGroup(string service, string fileName) =>
            fileName == DestinationRule(service) || fileName == VirtualService(service) ? "Istio"
            : fileName == HttpRoute(service) || (fileName != Service(service) && IsVersionFile(service, fileName, ServiceSuffix)) ? "Gateway API"
            : null;

        /// <summary>The VirtualService or the HTTPRoute: the file that refers to the others of its traffic API.</summary>
        public static bool IsRoute(string service, string fileName) => fileName == VirtualService(service) || fileName == HttpRoute(service);

        private static bool IsVersionFile(string service, string fileName, string suffix)
        {
            string prefix = service + "-";
            if (!fileName.StartsWith(prefix, StringComparison.Ordinal) || !fileName.EndsWith(suffix, StringComparison.Ordinal) ||
                fileName.Length <= prefix.Length + suffix.Length)
            {
                return false;
            }

            string version = fileName.Substring(prefix.Length, fileName.Length - prefix.Length - suffix.Length);
            return KubernetesNames.CheckDns1123Label(version) == null;
        }
    }
}
