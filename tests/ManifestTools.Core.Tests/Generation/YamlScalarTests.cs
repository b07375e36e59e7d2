using ManifestTools.Generation;
using ManifestTools.Yaml;

namespace ManifestTools.Tests.Generation
{
    public class YamlScalarTests
    {
        [Theory]
        [InlineData("v1")]
        [InlineData("products")]
        [InlineData("page-source")]
        [InlineData("ecommerce/advertisements")]
        [InlineData("app.kubernetes.io")]
        [InlineData("FEATURE_BANNER")]
        [InlineData("e1")]
        [InlineData("Infinity")]
        public void IdentifierLikeStrings_StayPlain(string text)
        {
            Assert.Equal(text, YamlScalar.String(text));
            AssertReadsBack(text, plain: true);
        }

        [Theory]
        [InlineData("1.0")]
        [InlineData("100")]
        [InlineData("0x1F")]
        [InlineData("1e3")]
        [InlineData(".inf")]
        [InlineData("2024-06-01")]
        [InlineData("yes")]
        [InlineData("No")]
        [InlineData("ON")]
        [InlineData("off")]
        [InlineData("y")]
        [InlineData("n")]
        [InlineData("null")]
        [InlineData("~")]
        [InlineData("true")]
        [InlineData("False")]
        [InlineData("")]
        [InlineData("a: b")]
        [InlineData("a #b")]
        [InlineData("#comment")]
        [InlineData(" leading")]
        [InlineData("trailing ")]
        [InlineData("-dash")]
        [InlineData("*alias")]
        [InlineData("&anchor")]
        [InlineData("!tag")]
        [InlineData("{a}")]
        [InlineData("[a]")]
        [InlineData("a,b")]
        [InlineData("'single'")]
        [InlineData("café")]
        [InlineData("über")]
        [InlineData("日本")]
        public void StringsAReaderCouldRetypeOrMisparse_AreDoubleQuoted(string text)
        {
            var formatted = YamlScalar.String(text);

            Assert.StartsWith("\"", formatted);
            Assert.EndsWith("\"", formatted);
            AssertReadsBack(text, plain: false);
        }

        [Theory]
        [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
        [InlineData("a\\b", "\"a\\\\b\"")]
        [InlineData("line1\nline2", "\"line1\\nline2\"")]
        [InlineData("a\r\nb", "\"a\\r\\nb\"")]
        [InlineData("tab\there", "\"tab\\there\"")]
        [InlineData("bell\u0007", "\"bell\\u0007\"")]
        [InlineData("del\u007f", "\"del\\u007f\"")]
        [InlineData("nel\u0085", "\"nel\\u0085\"")]
        [InlineData("ls\u2028ps\u2029", "\"ls\\u2028ps\\u2029\"")]
        public void SpecialCharacters_AreEscaped(string text, string expected)
        {
            Assert.Equal(expected, YamlScalar.String(text));
            AssertReadsBack(text, plain: false);
        }

        [Fact]
        public void Format_WritesIntegersAndBooleansAsThemselves_AndEverythingElseAsAString()
        {
            Assert.Equal("100", YamlScalar.Format(100));
            Assert.Equal("-1", YamlScalar.Format(-1L));
            Assert.Equal("true", YamlScalar.Format(true));
            Assert.Equal("false", YamlScalar.Format(false));
            Assert.Equal("null", YamlScalar.Format(null));
            Assert.Equal("\"100\"", YamlScalar.Format("100"));
            Assert.Equal("\"1.5\"", YamlScalar.Format(1.5));
            Assert.Equal("v1", YamlScalar.Format("v1"));
        }

        /// <summary>The formatted scalar, as a mapping value, reads back as the same string, plain or quoted as expected.</summary>
        private static void AssertReadsBack(string text, bool plain)
        {
            var value = Assert.IsType<YScalar>(YamlTree.Single("key: " + YamlScalar.String(text) + "\n").At("key"));

            Assert.Equal(text, value.Value);
            Assert.Equal(plain, value.IsPlain);
        }
    }
}
