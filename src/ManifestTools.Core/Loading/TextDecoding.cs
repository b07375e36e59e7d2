using System;
using System.Text;
using ManifestTools.Diagnostics;

namespace ManifestTools.Loading
{
    /// <summary>Manifests are UTF-8 (kubectl reads nothing else); anything else is reported where it goes wrong.</summary>
    internal static class TextDecoding
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>Decodes the first <paramref name="count"/> bytes of <paramref name="bytes"/>.</summary>
        public static bool TryDecode(byte[] bytes, int count, out string text, out SourceSpan errorAt, out string error)
        {
            text = string.Empty;
            int offset = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            int nul = Array.IndexOf(bytes, (byte)0, offset, count - offset);
            if (nul >= 0)
            {
                errorAt = PositionOf(bytes, nul);
                error = "the file is binary or not UTF-8 (it contains a NUL byte); manifests must be UTF-8 text";
                return false;
            }

            try
            {
                text = StrictUtf8.GetString(bytes, offset, count - offset);
                errorAt = default;
                error = string.Empty;
                return true;
            }
            catch (DecoderFallbackException ex)
            {
                int at = offset + Math.Max(0, ex.Index);
                errorAt = PositionOf(bytes, at);
                error = $"the file is not valid UTF-8 (byte 0x{bytes[Math.Min(at, count - 1)]:X2} at offset {at}); manifests must be UTF-8 text";
                return false;
            }
        }

        /// <summary>Line and column of a byte offset; columns count bytes, which is exact for the ASCII that precedes most errors.</summary>
        private static SourceSpan PositionOf(byte[] bytes, int offset)
        {
            int line = 1, lineStart = 0;
            for (int i = 0; i < offset && i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return SourceSpan.At(line, offset - lineStart + 1);
        }
    }
}
