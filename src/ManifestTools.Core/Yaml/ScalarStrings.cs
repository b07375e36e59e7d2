using System;

namespace ManifestTools.Yaml
{
    /// <summary>
    /// Shares the strings of short scalars that recur from document to document (keys such as <c>apiVersion</c> and
    /// <c>name</c>, values such as <c>v1</c>), so a large run allocates them once per thread instead of once per use.
    /// </summary>
    internal static class ScalarStrings
    {
        private const int MaxLength = 32;
        private const int Slots = 4096;

        [ThreadStatic]
        private static string?[]? t_slots;

        public static string Get(string text, int start, int length)
        {
            if (length == 0)
            {
                return string.Empty;
            }

            if (length > MaxLength)
            {
                return text.Substring(start, length);
            }

            uint hash = 2166136261;
            for (int i = start; i < start + length; i++)
            {
                hash = (hash ^ text[i]) * 16777619;
            }

            var slots = t_slots ??= new string?[Slots];
            ref var slot = ref slots[hash & (Slots - 1)];
            if (slot != null && slot.Length == length && string.CompareOrdinal(slot, 0, text, start, length) == 0)
            {
                return slot;
            }

            return slot = text.Substring(start, length);
        }
    }
}
