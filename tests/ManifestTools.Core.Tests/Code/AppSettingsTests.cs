using ManifestTools.Code;

namespace ManifestTools.Tests.Code
{
    public class AppSettingsTests
    {
        private static AppSettings Read(string json) => AppSettings.Read(new[] { ("appsettings.json", json) });

        [Theory]
        [InlineData("A:B", false)]
        [InlineData("a:b", false)]
        [InlineData("A", true)]
        [InlineData("List:0", false)]
        [InlineData("List:1:Name", false)]
        [InlineData("Empty", false)]
        public void Flattens_keys_as_the_configuration_reader_does(string key, bool asSection)
        {
            var settings = Read("{ \"A\": { \"B\": 1 }, \"List\": [ \"x\", { \"Name\": \"y\" } ], \"Empty\": {}, \"Nothing\": null }");
            Assert.True(settings.Provides(key, asSection));
        }

        [Fact]
        public void A_json_null_is_no_value_and_an_empty_string_is_one()
        {
            // The configuration reader returns null for a JSON null, as for a key that is not there.
            var settings = Read("{ \"Seq\": { \"Url\": null, \"Key\": \"\" } }");
            Assert.False(settings.Provides("Seq:Url", asSection: false));
            Assert.False(settings.TryGetValue("Seq:Url", out _, out _));
            Assert.True(settings.Provides("Seq:Key", asSection: false));
            Assert.True(settings.TryGetValue("Seq:Key", out var value, out var file));
            Assert.Equal(("", "appsettings.json"), (value, file));
            Assert.False(Read("{ \"Seq\": { \"Url\": null } }").Provides("Seq", asSection: true));
        }

        [Fact]
        public void An_environments_file_wins_over_appsettings_json()
        {
            var settings = AppSettings.Read(new[] { ("/p/appsettings.Production.json", "{ \"urls\": \"http://+:80\" }"), ("/p/appsettings.json", "{ \"urls\": \"http://+:5000\" }") });
            Assert.True(settings.TryGetValue("URLS", out var value, out var file));
            Assert.Equal(("http://+:80", "appsettings.Production.json"), (value, file));
        }

        [Fact]
        public void A_section_is_not_a_value() => Assert.False(Read("{ \"A\": { \"B\": 1 } }").Provides("A", asSection: false));

        [Fact]
        public void Accepts_comments_trailing_commas_and_escapes()
        {
            var settings = Read("\uFEFF// defaults\n{ /* the store */ \"Sh\\u006fp\": { \"Url\": \"http://x\", }, }");
            Assert.True(settings.Provides("Shop:Url", asSection: false));
            Assert.False(settings.Provides("Shop:Other", asSection: false));
        }

        [Theory]
        [InlineData("")]
        [InlineData("[1]")]
        [InlineData("{ \"A\": ")]
        [InlineData("{ \"A\": 1 } trailing")]
        [InlineData("{ A: 1 }")]
        public void A_file_the_configuration_reader_rejects_may_hold_any_key(string json) =>
            Assert.True(Read(json).Provides("Anything", asSection: false));

        [Fact]
        public void Nesting_deeper_than_the_reader_allows_is_unreadable_not_a_stack_overflow()
        {
            var json = new string('[', 10000) + new string(']', 10000);
            Assert.True(Read("{ \"A\": " + json + " }").Provides("Anything", asSection: false));
        }

        [Fact]
        public void An_unreadable_file_makes_every_key_count_as_provided() =>
            Assert.True(AppSettings.Read(new[] { ("a.json", "{}"), ("b.json", "{") }).Provides("Anything", asSection: false));

        [Fact]
        public void A_valid_file_does_not_provide_what_it_lacks() =>
            Assert.False(Read("{}").Provides("Anything", asSection: false));

        [Theory]
        [InlineData("Production", "/p/appsettings.json", true)]
        [InlineData("Production", "/p/appsettings.Production.json", true)]
        [InlineData("Production", "/p/appsettings.Development.json", false)]
        [InlineData("Development", "/p/appsettings.Development.json", true)]
        [InlineData("Staging", "/p/appsettings.production.json", false)]
        [InlineData("Production", "/p/appsettings.Shared.json", true)] // Not an environment's: the code may load it itself.
        public void Only_the_files_of_the_environments_apply(string environment, string path, bool applies) =>
            Assert.Equal(applies, AppSettings.Read(new[] { (path, "{ \"A\": 1 }") }).For(new[] { environment }).Provides("A", asSection: false));
    }
}
