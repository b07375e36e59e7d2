using System.Collections.Generic;
using System.Text;

namespace ManifestTools.Loading
{
    /// <summary>
    /// A field's path such as <c>spec.http[0].route</c>, kept as a chain and spelled out only when a message needs
    /// it: nearly every field read succeeds, and building each path as a string cost more than reading the field.
    /// </summary>
    internal sealed class FieldPath
    {
        private readonly FieldPath? _parent;
        private readonly string? _suffix;
        private readonly int _index;

        private FieldPath(FieldPath? parent, string? suffix, int index)
        {
            _parent = parent;
            _suffix = suffix;
            _index = index;
        }

        public static implicit operator FieldPath(string path) => new FieldPath(null, path, -1);

        public static FieldPath operator +(FieldPath path, string suffix) => new FieldPath(path, suffix, -1);

        public FieldPath Index(int index) => new FieldPath(this, null, index);

        public override string ToString()
        {
            var parts = new Stack<FieldPath>();
            for (var part = this; part != null; part = part._parent)
            {
                parts.Push(part);
            }

            var text = new StringBuilder();
            foreach (var part in parts)
            {
                if (part._suffix != null)
                {
                    text.Append(part._suffix);
                }
                else
                {
                    text.Append('[').Append(part._index).Append(']');
                }
            }

            return text.ToString();
        }
    }
}
