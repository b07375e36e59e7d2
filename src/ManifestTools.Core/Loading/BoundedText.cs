using System.IO;
using System.Text;

namespace ManifestTools.Loading
{
    /// <summary>Reads a small file, or the head of a large one, but never more than a limit: a link to /dev/zero must not exhaust memory.</summary>
    internal static class BoundedText
    {
        /// <summary>The file's text, or null when it holds more than <paramref name="maxBytes"/> bytes.</summary>
        public static string? Read(string path, int maxBytes)
        {
            var buffer = ReadHead(path, maxBytes + 1, out int count);
            if (count > maxBytes)
            {
                return null;
            }

            // As File.ReadAllText does: a UTF-8 byte order mark is not text.
            int start = count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(buffer, start, count - start);
        }

        /// <summary>The first <paramref name="maxBytes"/> bytes of the file, or all of it when it is shorter.</summary>
        public static byte[] ReadHead(string path, int maxBytes, out int count)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
            {
                var buffer = new byte[maxBytes];
                int read;
                count = 0;
                while (count < buffer.Length && (read = stream.Read(buffer, count, buffer.Length - count)) > 0)
                {
                    count += read;
                }

                return buffer;
            }
        }
    }
}
