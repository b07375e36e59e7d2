using System.Linq;
using System.Text;
using ManifestTools.Loading;
using ManifestTools.Tests.Loading;

namespace ManifestTools.Tests.Hostile
{
    /// <summary>Files that are not UTF-8 text: each is one MT0001 where the bytes go wrong, never garbage objects.</summary>
    public class EncodingTests
    {
        private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

        private static ParsedFile ParseBytes(byte[] bytes)
        {
            using var dir = new TempDirectory();
            var path = dir.WriteBytes("input.yaml", bytes);
            return ManifestParser.ParseFile("input.yaml", path, new LintOptions());
        }

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

        [Fact]
        public void ABinaryFileIsReportedAtItsFirstNulByte()
        {
            // A PNG header: \x89PNG\r\n\x1a\n, then a chunk length that starts with NUL bytes.
            var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 };

            var file = ParseBytes(png);

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0001", error.Id);
            Assert.Contains("binary", error.Message);
            Assert.Equal((3, 1), (error.Span.Line, error.Span.Column));
            Assert.Empty(file.Objects);
        }

        [Fact]
        public void AUtf16FileIsReportedAsNotUtf8()
        {
            var utf16 = Concat(new byte[] { 0xFF, 0xFE }, Encoding.Unicode.GetBytes("apiVersion: v1\n"));

            var error = Assert.Single(ParseBytes(utf16).Diagnostics);

            Assert.Equal("MT0001", error.Id);
            Assert.Contains("not UTF-8", error.Message);
            Assert.Equal((1, 4), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void InvalidUtf8IsReportedAtTheBadByte()
        {
            var bytes = Concat(Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf"), new byte[] { 0xE9 }, Utf8("\n"));

            var file = ParseBytes(bytes);

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0001", error.Id);
            Assert.Equal("the file is not valid UTF-8 (byte 0xE9 at offset 52); manifests must be UTF-8 text", error.Message);
            Assert.Equal((4, 12), (error.Span.Line, error.Span.Column));
            Assert.Empty(file.Objects);
        }

        [Fact]
        public void AByteOrderMarkDoesNotShiftTheReportedPosition()
        {
            var bytes = Concat(Bom, Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf"), new byte[] { 0xC3, 0x28 }, Utf8("\n"));

            var error = Assert.Single(ParseBytes(bytes).Diagnostics);

            Assert.Equal((4, 12), (error.Span.Line, error.Span.Column));
            Assert.Contains("byte 0xC3", error.Message);
        }

        [Fact]
        public void ABadByteFarIntoALongFileIsOnTheRightLine()
        {
            var bytes = Concat(Utf8(string.Concat(Enumerable.Repeat("# padding comment\n", 5000)) + "key: "), new byte[] { 0xFF }, Utf8("\n"));

            var error = Assert.Single(ParseBytes(bytes).Diagnostics);

            Assert.Equal((5001, 6), (error.Span.Line, error.Span.Column));
        }

        [Theory]
        [InlineData(new byte[] { 0xE2, 0x82 })]          // a sequence cut off at the end of the file
        [InlineData(new byte[] { 0xC0, 0xAF })]          // an overlong encoding of '/'
        [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]    // a UTF-16 surrogate encoded as UTF-8
        [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // a code point above U+10FFFF
        public void MalformedSequencesAreReportedOnTheirLine(byte[] sequence)
        {
            var bytes = Concat(Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x"), sequence);

            var error = Assert.Single(ParseBytes(bytes).Diagnostics);

            Assert.Equal("MT0001", error.Id);
            Assert.Equal((4, 10), (error.Span.Line, error.Span.Column));
        }

        [Fact]
        public void ValidUtf8WithAByteOrderMarkIsRead()
        {
            var file = ParseBytes(Concat(Bom, Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\u00e9-\u2603\n")));

            Assert.Empty(file.Diagnostics);
            Assert.Equal("caf\u00e9-\u2603", Assert.Single(file.Objects).Name);
        }

        [Fact]
        public void AControlCharacterInANameIsFlagged_AndTheFileIsOneKubectlRejects()
        {
            var errors = Lint.Yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\u0007b\n");

            Assert.Equal(new[] { ("MT0001", 4, 10), ("MT2004", 4, 3) }, errors.Select(e => (e.Id, e.Span.Line, e.Span.Column)).OrderBy(e => e.Id));
        }

        [Theory]
        [InlineData("\u0080")]
        [InlineData("\u009f")]
        [InlineData("\u007f")]
        [InlineData("\ufffe")]
        [InlineData("lone surrogate")]
        public void ARawCharacterThatGoYamlRejects_IsASyntaxErrorAtItsPosition_ThoughTheObjectIsStillRead(string character)
        {
            // xUnit cannot carry a lone surrogate in a test case's data.
            character = character == "lone surrogate" ? "\ud800" : character;
            var diagnostics = Lint.Yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  key: \"x" + character + "y\"\n");

            var error = Assert.Single(diagnostics);
            Assert.Equal(("MT0001", 6, 10), (error.Id, error.Span.Line, error.Span.Column));
            Assert.Contains("which YAML does not allow unescaped, so kubectl rejects the file", error.Message);
        }
    }
}
