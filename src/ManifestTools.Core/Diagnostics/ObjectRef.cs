namespace ManifestTools.Diagnostics
{
    /// <summary>Names the object a finding belongs to, as <c>Kind namespace/name</c>.</summary>
    public sealed class ObjectRef
    {
        public ObjectRef(string kind, string @namespace, string name)
        {
            Kind = kind;
            Namespace = @namespace;
            Name = name;
        }

        public string Kind { get; }
        public string Namespace { get; }
        public string Name { get; }

        public override string ToString() => $"{Kind} {Namespace}/{Name}";
    }
}
