using System;
using ManifestTools.Model;

namespace ManifestTools.Generation
{
    /// <summary>The names the generator gives a service's files; a stale file is deleted only if it has one of them.</summary>
    public static class GeneratedFileNames
    {
        private const string DeploymentSuffix = ".deployment.yaml";

        public static string Deployment(string service, string version) => service + "-" + version + DeploymentSuffix;

        public static string Service(string service) => service + ".service.yaml";

        public static string DestinationRule(string service) => service + ".destinationrule.yaml";

        public static string VirtualService(string service) => service + ".virtualservice.yaml";

        /// <summary>Whether <paramref name="fileName"/> is a name the generator gives some file of <paramref name="service"/>.</summary>
        public static bool IsNameOf(string service, string fileName)
        {
            if (fileName == Service(service) || fileName == DestinationRule(service) || fileName == VirtualService(service))
            {
                return true;
            }

            string prefix = service + "-";
            if (!fileName.StartsWith(prefix, StringComparison.Ordinal) || !fileName.EndsWith(DeploymentSuffix, StringComparison.Ordinal) ||
                fileName.Length <= prefix.Length + DeploymentSuffix.Length)
            {
                return false;
            }

            string version = fileName.Substring(prefix.Length, fileName.Length - prefix.Length - DeploymentSuffix.Length);
            return KubernetesNames.CheckDns1123Label(version) == null;
        }
    }
}
