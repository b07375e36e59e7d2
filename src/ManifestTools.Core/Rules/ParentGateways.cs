using System.Collections.Generic;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>What the parentRef rules share: the Gateways a route attaches to, and the listeners a parentRef selects.</summary>
    internal static class ParentGateways
    {
        /// <summary>Every parentRef to a Kubernetes Gateway the input defines, with each definition of that Gateway.</summary>
        public static IEnumerable<(KubeRoute Route, ParentReference Parent, IReadOnlyList<KubeGateway> Gateways)> Attached(MeshIndex index)
        {
            foreach (var route in index.KubeRoutes)
            {
                foreach (var parent in route.Parents)
                {
                    if (parent.IsGateway && index.KubeGatewaysNamed(parent.Namespace, parent.Name.Value) is { Count: > 0 } gateways)
                    {
                        yield return (route, parent, gateways);
                    }
                }
            }
        }

        /// <summary>The listeners of <paramref name="gateway"/> that <paramref name="parent"/>'s sectionName and port select.</summary>
        public static List<GatewayListener> Selected(KubeGateway gateway, ParentReference parent)
        {
            var selected = new List<GatewayListener>();
            foreach (var listener in gateway.Listeners)
            {
                if ((parent.SectionName == null || listener.Name == parent.SectionName.Value.Value || Placeholders.InName(parent.SectionName.Value.Value) ||
                     Placeholders.InName(listener.Name)) &&
                    (parent.Port == null || listener.Port == null || listener.Port == parent.Port.Value.Value))
                {
                    selected.Add(listener);
                }
            }

            return selected;
        }

        /// <summary>"HTTPRoute shop/web", "Gateway infra/edge": how messages name an object with its namespace.</summary>
        public static string Name(ManifestObject obj) => obj.Kind + " " + obj.Namespace + "/" + obj.Name;
    }
}
