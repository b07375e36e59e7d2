using System.Collections.Generic;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>How messages name the parts of a VirtualService, so every rule words them alike.</summary>
    internal static class Describe
    {
        public static string Route(VirtualService service, Route route) => $"route {route.Describe()} of {service.Ref}";

        /// <summary>Every route destination and mirror of every VirtualService, with the words that open a message about it.</summary>
        public static IEnumerable<(VirtualService Service, Destination Destination, string Where)> Destinations(MeshIndex index)
        {
            foreach (var service in index.VirtualServices)
            {
                foreach (var route in service.Routes)
                {
                    foreach (var destination in route.Destinations)
                    {
                        yield return (service, destination, "A destination of " + Route(service, route));
                    }
                }

                foreach (var mirror in service.Mirrors)
                {
                    yield return (service, mirror, "A mirror of " + service.Ref);
                }
            }
        }
    }
}
