using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    /// <summary>Any Kubernetes object in the input. Typed subclasses add the fields the rules read.</summary>
    public class ManifestObject
    {
        public ManifestObject(ObjectHeader header) => Header = header;

        public ObjectHeader Header { get; }

        public string ApiVersion => Header.ApiVersion;
        public string Kind => Header.Kind;
        public string Name => Header.Name;
        public string Namespace => Header.Namespace;
        public string File => Header.File;
        public ObjectRef Ref => Header.Ref;

        /// <summary>
        /// True when <paramref name="other"/> is another definition of this object: a variant file, a copy per
        /// cluster folder, an overlay. Rules never report an object against itself.
        /// </summary>
        public bool IsSameObject(ManifestObject other) => Header.Identity.Equals(other.Header.Identity);

        public override string ToString() => Ref.ToString();
    }

    /// <summary>What names one object in a cluster: API group, kind, namespace and name (not the version).</summary>
    public readonly struct ObjectIdentity : IEquatable<ObjectIdentity>
    {
        public ObjectIdentity(string group, string kind, string @namespace, string name)
        {
            Group = CanonicalGroup(group, kind);
            Kind = kind;
            Namespace = @namespace;
            Name = name;
        }

        public string Group { get; }
        public string Kind { get; }
        public string Namespace { get; }
        public string Name { get; }

        /// <summary>
        /// The group a kind is served from today: an <c>extensions/v1beta1</c> Deployment and an <c>apps/v1</c> one are
        /// the same object, stored once, so a repository that still holds the old file defines one Deployment twice.
        /// </summary>
        private static string CanonicalGroup(string group, string kind)
        {
            if (group != "extensions")
            {
                return group;
            }

            switch (kind)
            {
                case "Deployment":
                case "ReplicaSet":
                case "DaemonSet":
                    return "apps";
                case "Ingress":
                case "NetworkPolicy":
                    return "networking.k8s.io";
                case "PodSecurityPolicy":
                    return "policy";
                default:
                    return group;
            }
        }

        public bool Equals(ObjectIdentity other) =>
            string.Equals(Group, other.Group, StringComparison.Ordinal) && string.Equals(Kind, other.Kind, StringComparison.Ordinal) &&
            string.Equals(Namespace, other.Namespace, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ObjectIdentity other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = StringComparer.Ordinal.GetHashCode(Group ?? string.Empty);
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Kind ?? string.Empty);
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Namespace ?? string.Empty);
                return (hash * 31) + StringComparer.Ordinal.GetHashCode(Name ?? string.Empty);
            }
        }
    }

    /// <summary>What every object has: identity, metadata and where it was written.</summary>
    public sealed class ObjectHeader
    {
        public ObjectHeader(string file, string apiVersion, string kind, string name, bool nameIsGenerated, string @namespace, SourceSpan? namespaceSpan,
            LabelMap labels, IReadOnlyCollection<string> suppressedIds, SourceSpan span, SourceSpan nameSpan, LabelMap annotations)
        {
            Annotations = annotations;
            NameIsGenerated = nameIsGenerated;
            File = file;
            ApiVersion = apiVersion;
            Kind = kind;
            Name = name;
            Namespace = @namespace;
            NamespaceSpan = namespaceSpan;
            Labels = labels;
            SuppressedIds = suppressedIds;
            Span = span;
            NameSpan = nameSpan;
            Ref = new ObjectRef(kind, @namespace, name);
            Identity = new ObjectIdentity(Group, kind, @namespace, name);
        }

        public string File { get; }
        public string ApiVersion { get; }
        public string Kind { get; }
        public string Name { get; }

        /// <summary>True when only metadata.generateName was given; <see cref="Name"/> is then that prefix.</summary>
        public bool NameIsGenerated { get; }

        /// <summary>metadata.namespace, or the default namespace when it is absent (as <c>kubectl apply -n</c> does).</summary>
        public string Namespace { get; }

        /// <summary>The <c>namespace:</c> key in metadata; null when the default namespace applies.</summary>
        public SourceSpan? NamespaceSpan { get; }

        public bool NamespaceIsExplicit => NamespaceSpan != null;

        public LabelMap Labels { get; }

        /// <summary>metadata.annotations; empty when there are none.</summary>
        public LabelMap Annotations { get; }

        /// <summary>Rule IDs named by the suppression annotation; <c>*</c> suppresses every rule.</summary>
        public IReadOnlyCollection<string> SuppressedIds { get; }

        /// <summary>The whole object's document (or List item).</summary>
        public SourceSpan Span { get; }

        /// <summary>The <c>name:</c> key in metadata, where object-level findings point.</summary>
        public SourceSpan NameSpan { get; }

        public ObjectRef Ref { get; }

        public ObjectIdentity Identity { get; }

        public string Group
        {
            get
            {
                int slash = ApiVersion.IndexOf('/');
                return slash < 0 ? string.Empty : ApiVersion.Substring(0, slash);
            }
        }

        public bool Suppresses(string id) => SuppressedIds.Contains("*") || SuppressedIds.Contains(id);

        public static readonly IReadOnlyCollection<string> NoSuppressions = Array.Empty<string>();
    }
}
