using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ManifestTools.Code;

namespace ManifestTools.Tests.Code
{
    public class ContainerImageTests
    {
        private const string Path = "/x/src/cart/Dockerfile";

        private static ContainerImage Read(string text) => ContainerImage.FromDockerfile(Path, text);

        private static string? Value(ContainerImage image, string name) => image.Environment[name].Value;

        private static ContainerImage Sdk(string? baseImage, string? targetFramework, params (string Name, string Value)[] variables) =>
            ContainerImage.FromSdk(baseImage, targetFramework, variables.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)), new int[0]);

        [Fact]
        public void The_Visual_Studio_template_inherits_the_base_stage()
        {
            var image = Read("""
                # See https://aka.ms/customizecontainer to learn how to customize your debug container.

                # This stage is used when running from VS in fast mode (Default for Debug configuration)
                FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
                USER $APP_UID
                WORKDIR /app
                EXPOSE 8080
                EXPOSE 8081

                # This stage is used to build the service project
                FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
                ARG BUILD_CONFIGURATION=Release
                WORKDIR /src
                COPY ["WebApp/WebApp.csproj", "WebApp/"]
                RUN dotnet restore "./WebApp/WebApp.csproj"
                COPY . .
                WORKDIR "/src/WebApp"
                RUN dotnet build "./WebApp.csproj" -c $BUILD_CONFIGURATION -o /app/build

                # This stage is used to publish the service project to be copied to the final stage
                FROM build AS publish
                ARG BUILD_CONFIGURATION=Release
                ENV ASPNETCORE_HTTP_PORTS=9999
                RUN dotnet publish "./WebApp.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

                # This stage is used in production or when running from VS in regular mode (Default when not using the Debug configuration)
                FROM base AS final
                WORKDIR /app
                COPY --from=publish /app/publish .
                ENTRYPOINT ["dotnet", "WebApp.dll"]
                """);

            Assert.False(image.CommandSetsAddress);
            Assert.Equal(new[] { 8080, 8081 }, image.ExposedPorts);
            Assert.Equal(new[] { "APP_UID", "ASPNETCORE_HTTP_PORTS" }, image.Environment.Keys.OrderBy(k => k, StringComparer.Ordinal));
            var ports = image.Environment["ASPNETCORE_HTTP_PORTS"];
            Assert.Equal("8080", ports.Value);
            Assert.Equal("the base image mcr.microsoft.com/dotnet/aspnet:8.0", ports.Source);
            Assert.Equal("1654", Value(image, "APP_UID"));
        }

        [Fact]
        public void The_microservices_demo_cartservice_sets_its_port_over_the_base_image()
        {
            var image = Read("""
                # Copyright 2021 Google LLC
                FROM mcr.microsoft.com/dotnet/sdk:8.0.403-noble@sha256:b9fa5f4f0c1fbb3b3ba7fef1d2bc1ba1c6c1a8bee8aeb4edbb3bd1ac2d1e1b2a AS builder
                WORKDIR /app
                COPY cartservice.csproj .
                RUN dotnet restore cartservice.csproj \
                    -r linux-musl-x64
                COPY . .
                RUN dotnet publish cartservice.csproj \
                    -p:PublishSingleFile=true \
                    -r linux-musl-x64 \
                    --self-contained true \
                    -p:PublishTrimmed=true \
                    -p:TrimMode=full \
                    -c release \
                    -o /cartservice \
                    --no-restore

                # https://mcr.microsoft.com/product/dotnet/runtime-deps
                FROM mcr.microsoft.com/dotnet/runtime-deps:8.0.10-alpine3.20@sha256:0ac3b8c9b5b1b5b3d9a7c5b0f1e1c9a0b8d3f3e6c1d0a9b8c7d6e5f4a3b2c1d0

                WORKDIR /app
                COPY --from=builder /cartservice .
                EXPOSE 7070
                ENV DOTNET_EnableDiagnostics=0 \
                    ASPNETCORE_HTTP_PORTS=7070
                USER 1000
                ENTRYPOINT ["/app/cartservice"]
                """);

            Assert.False(image.CommandSetsAddress);
            Assert.Equal(new[] { 7070 }, image.ExposedPorts);
            var ports = image.Environment["ASPNETCORE_HTTP_PORTS"];
            Assert.Equal("7070", ports.Value);
            Assert.Equal("Dockerfile ENV ASPNETCORE_HTTP_PORTS", ports.Source);
            Assert.Equal("0", Value(image, "DOTNET_EnableDiagnostics"));
            Assert.Equal("the base image mcr.microsoft.com/dotnet/runtime-deps:8.0.10-alpine3.20@sha256:0ac3b8c9b5b1b5b3d9a7c5b0f1e1c9a0b8d3f3e6c1d0a9b8c7d6e5f4a3b2c1d0",
                image.Environment["APP_UID"].Source);
        }

        [Fact]
        public void One_env_sets_several_variables_with_quotes_and_escapes()
        {
            var image = Read("""
                FROM mcr.microsoft.com/dotnet/aspnet:9.0
                env A="hello world" B='single $A "kept"' C=plain\ text D="say \"hi\" \x" E= F=a=b
                ENV G="$A!" H=${A}s
                """);

            Assert.Equal("hello world", Value(image, "A"));
            Assert.Equal("single $A \"kept\"", Value(image, "B"));
            Assert.Equal("plain text", Value(image, "C"));
            Assert.Equal("say \"hi\" \\x", Value(image, "D"));
            Assert.Equal("", Value(image, "E"));
            Assert.Equal("a=b", Value(image, "F"));
            Assert.Equal("hello world!", Value(image, "G"));
            Assert.Equal("hello worlds", Value(image, "H"));
            Assert.Equal("Dockerfile ENV G", image.Environment["G"].Source);
        }

        [Fact]
        public void Values_on_one_line_see_the_environment_from_before_it()
        {
            var image = Read("""
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                ENV P=1
                ENV P=2 Q=$P
                """);

            Assert.Equal("2", Value(image, "P"));
            Assert.Equal("1", Value(image, "Q"));
        }

        [Fact]
        public void The_legacy_env_form_takes_the_rest_of_the_line()
        {
            var image = Read("""
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                ENV GREETING hello   big "world"
                ENV ASPNETCORE_URLS http://+:5000
                ENV ALONE
                """);

            Assert.Equal("hello   big world", Value(image, "GREETING"));
            Assert.Equal("http://+:5000", Value(image, "ASPNETCORE_URLS"));
            Assert.False(image.Environment.ContainsKey("ALONE"));
        }

        [Fact]
        public void Continuation_lines_drop_the_comments_and_blank_lines_inside_them()
        {
            var image = Read("FROM mcr.microsoft.com/dotnet/aspnet:8.0\r\n" +
                             "ENV A=1 \\  \r\n" +
                             "# a comment inside the instruction\r\n" +
                             "    # an indented one\r\n" +
                             "\r\n" +
                             "    B=2 \\\r\n" +
                             "\t\r\n" +
                             "    C=3\r\n" +
                             "ENV D=4\r\n" +
                             "ENV E=5 \\\\");

            Assert.Equal("1", Value(image, "A"));
            Assert.Equal("2", Value(image, "B"));
            Assert.Equal("3", Value(image, "C"));
            // The last line's second backslash continues it into the end of the file; the first is left, and dropped.
            Assert.Equal("5", Value(image, "E"));
        }

        [Fact]
        public void The_escape_directive_makes_the_backtick_escape()
        {
            var image = Read("""
                # syntax=docker/dockerfile:1
                # escape=`
                FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
                ENV ASPNETCORE_HTTP_PORTS=7070 `
                    APP_PATH="C:\app\bin" `
                    QUOTE="a`"b"
                EXPOSE 7070
                """);

            Assert.Equal("7070", Value(image, "ASPNETCORE_HTTP_PORTS"));
            Assert.Equal("C:\\app\\bin", Value(image, "APP_PATH"));
            Assert.Equal("a\"b", Value(image, "QUOTE"));
            Assert.Equal(new[] { 7070 }, image.ExposedPorts);
            // The Windows images run as ContainerUser and have no APP_UID.
            Assert.False(image.Environment.ContainsKey("APP_UID"));
        }

        [Fact]
        public void An_escape_directive_after_a_comment_is_only_a_comment()
        {
            var image = Read("""
                # a comment first
                # escape=`
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                ENV A=1`
                ENV B=a\ b
                """);

            Assert.Equal("1`", Value(image, "A"));
            Assert.Equal("a b", Value(image, "B"));
        }

        [Fact]
        public void A_value_from_a_build_argument_is_unknown()
        {
            var image = Read("""
                ARG PORT=5000
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                ARG PORT
                ARG OTHER=1
                ENV ASPNETCORE_URLS=http://+:${PORT} FROM_ARG=$OTHER UNSET=$NEVER_SET LITERAL='$PORT'
                ENV OTHER=2
                ENV AFTER=$OTHER
                """);

            var urls = image.Environment["ASPNETCORE_URLS"];
            Assert.Null(urls.Value);
            Assert.Equal("Dockerfile ENV ASPNETCORE_URLS", urls.Source);
            Assert.Null(Value(image, "FROM_ARG"));
            Assert.Null(Value(image, "UNSET"));
            Assert.Equal("$PORT", Value(image, "LITERAL"));
            // An ENV hides the build argument of its name from then on.
            Assert.Equal("2", Value(image, "AFTER"));
        }

        [Fact]
        public void Substitution_reads_earlier_env_and_the_base_image()
        {
            var image = Read("""
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                ENV PORT=7070 EMPTY=
                ENV ASPNETCORE_HTTP_PORTS=${PORT:-8080} \
                    FALLBACK=${EMPTY:-9090} \
                    NOT_EMPTY=${EMPTY-9090} \
                    ALTERNATIVE=${PORT:+set} \
                    NO_ALTERNATIVE=${EMPTY:+set} \
                    UNKNOWN_DEFAULT=${PORT:-$NEVER_SET} \
                    UNKNOWN=${NEVER_SET:-1} \
                    URLS=http://+:$ASPNETCORE_HTTP_PORTS \
                    DOLLAR=5$
                """);

            Assert.Equal("7070", Value(image, "ASPNETCORE_HTTP_PORTS"));
            Assert.Equal("9090", Value(image, "FALLBACK"));
            Assert.Equal("", Value(image, "NOT_EMPTY"));
            Assert.Equal("set", Value(image, "ALTERNATIVE"));
            Assert.Equal("", Value(image, "NO_ALTERNATIVE"));
            Assert.Equal("7070", Value(image, "UNKNOWN_DEFAULT"));
            Assert.Null(Value(image, "UNKNOWN"));
            Assert.Equal("http://+:8080", Value(image, "URLS"));
            Assert.Equal("5$", Value(image, "DOLLAR"));
        }

        [Theory]
        [InlineData("myregistry.azurecr.io/dotnet/aspnet:8.0")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:latest")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet@sha256:0ac3b8c9b5b1b5b3d9a7c5b0f1e1c9a0b8d3f3e6c1d0a9b8c7d6e5f4a3b2c1d0")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:${TAG}")]
        [InlineData("mcr.microsoft.com/dotnet/monitor:8.0")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:8")]
        [InlineData("ubuntu:24.04")]
        [InlineData("x AS y AS z")]
        public void A_base_image_of_no_known_version_is_unknown(string from)
        {
            var image = Read("ARG TAG=8.0\nFROM " + from + "\nENV A=1\n");

            Assert.Equal(new[] { "A" }, image.Environment.Keys);
        }

        [Theory]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:6.0", "ASPNETCORE_URLS", "http://+:80")]
        [InlineData("mcr.microsoft.com/dotnet/runtime:7.0.20-bookworm-slim", "ASPNETCORE_URLS", "http://+:80")]
        [InlineData("mcr.microsoft.com/dotnet/core/aspnet:3.1", "ASPNETCORE_URLS", "http://+:80")]
        [InlineData("microsoft/dotnet:2.1-aspnetcore-runtime", "ASPNETCORE_URLS", "http://+:80")]
        [InlineData("docker.io/microsoft/aspnetcore:2.0", "ASPNETCORE_URLS", "http://+:80")]
        [InlineData("mcr.microsoft.com/dotnet/sdk:6.0", "ASPNETCORE_URLS", "")]
        [InlineData("mcr.microsoft.com/dotnet/sdk:10.0", "ASPNETCORE_HTTP_PORTS", "8080")]
        [InlineData("mcr.microsoft.com/dotnet/nightly/aspnet:10.0-noble-chiseled", "ASPNETCORE_HTTP_PORTS", "8080")]
        [InlineData("mcr.microsoft.com/dotnet/aspnet:9.0-preview", "ASPNETCORE_HTTP_PORTS", "8080")]
        public void The_dotnet_images_set_the_listen_variable_of_their_version(string from, string name, string value)
        {
            var image = Read("FROM --platform=$BUILDPLATFORM " + from + " AS base\nFROM base\n");

            var variable = image.Environment[name];
            Assert.Equal(value, variable.Value);
            Assert.Equal("the base image " + from, variable.Source);
            Assert.False(image.Environment.ContainsKey(name == "ASPNETCORE_URLS" ? "ASPNETCORE_HTTP_PORTS" : "ASPNETCORE_URLS"));
        }

        [Fact]
        public void Scratch_sets_nothing()
        {
            var image = Read("FROM scratch\nCOPY app /app\n");

            Assert.Empty(image.Environment);
        }

        [Fact]
        public void A_stage_named_like_its_own_image_is_built_from_the_image()
        {
            var image = Read("""
                FROM base AS base
                ENV A=1
                FROM base
                """);

            Assert.Equal("1", Value(image, "A"));
        }

        [Fact]
        public void Stage_names_match_without_case_along_a_chain()
        {
            var image = Read("""
                FROM mcr.microsoft.com/dotnet/aspnet:6.0 AS Base
                ENV ASPNETCORE_URLS=http://+:5000
                EXPOSE 5000
                FROM BASE AS middle
                EXPOSE 5001 5000
                FROM mcr.microsoft.com/dotnet/sdk:8.0 AS unrelated
                ENV ASPNETCORE_URLS=http://+:1
                FROM Middle AS final
                EXPOSE 5002/tcp 53/udp 8000-8002 0 70000 $PORT
                """);

            Assert.Equal("http://+:5000", Value(image, "ASPNETCORE_URLS"));
            Assert.Equal(new[] { 5000, 5001, 5002 }, image.ExposedPorts);
        }

        [Fact]
        public void Expose_reads_a_variable_an_env_set()
        {
            var image = Read("""
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                ARG ARG_PORT=9000
                ENV PORT=5000
                EXPOSE $PORT ${ARG_PORT} "5001/TCP"
                """);

            Assert.Equal(new[] { 5000, 5001 }, image.ExposedPorts);
        }

        [Theory]
        [InlineData("ENTRYPOINT [\"dotnet\", \"app.dll\", \"--urls\", \"http://+:5000\"]", true)]
        [InlineData("ENTRYPOINT dotnet app.dll --URLS=http://+:5000", true)]
        [InlineData("CMD ASPNETCORE_URLS=http://*:$PORT dotnet app.dll", true)]
        [InlineData("ENTRYPOINT [\"dotnet\", \"app.dll\", \"--http_ports\", \"5000\"]", true)]
        [InlineData("ENTRYPOINT [\"dotnet\", \"app.dll\"]\nCMD [\"--urls\", \"http://+:5000\"]", true)]
        [InlineData("CMD [\"--urls\", \"http://+:5000\"]\nENTRYPOINT [\"dotnet\", \"app.dll\"]", true)]
        [InlineData("ENTRYPOINT [\"dotnet\", \"app.dll\", \"--urls\", \"http://+:5000\"]\nENTRYPOINT [\"dotnet\", \"app.dll\"]", false)]
        [InlineData("ENTRYPOINT [\"dotnet\", \"app.dll\"]", false)]
        public void A_command_line_address_is_flagged(string commands, bool setsAddress) =>
            Assert.Equal(setsAddress, Read("FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" + commands + "\n").CommandSetsAddress);

        [Fact]
        public void A_new_entrypoint_drops_the_inherited_cmd()
        {
            var inherited = Read("""
                FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
                CMD ["--urls", "http://+:5000"]
                FROM base
                ENTRYPOINT ["dotnet", "app.dll"]
                """);
            var kept = Read("""
                FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
                CMD ["--urls", "http://+:5000"]
                FROM base
                """);

            Assert.False(inherited.CommandSetsAddress);
            Assert.True(kept.CommandSetsAddress);
        }

        [Fact]
        public void Only_the_final_stage_command_counts()
        {
            var image = Read("""
                FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
                ENTRYPOINT ["dotnet", "run", "--urls", "http://+:5000"]
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                ENTRYPOINT ["dotnet", "app.dll"]
                """);

            Assert.False(image.CommandSetsAddress);
        }

        [Theory]
        [InlineData("net8.0", "ASPNETCORE_HTTP_PORTS", "8080", "the SDK's base image mcr.microsoft.com/dotnet/aspnet:8.0", 8080)]
        [InlineData("net10.0", "ASPNETCORE_HTTP_PORTS", "8080", "the SDK's base image mcr.microsoft.com/dotnet/aspnet:10.0", 8080)]
        [InlineData("net10.0-windows", "ASPNETCORE_HTTP_PORTS", "8080", "the SDK's base image mcr.microsoft.com/dotnet/aspnet:10.0", 8080)]
        [InlineData("net7.0", "ASPNETCORE_URLS", "http://+:80", "the SDK's base image mcr.microsoft.com/dotnet/aspnet:7.0", 80)]
        [InlineData("net5.0", "ASPNETCORE_URLS", "http://+:80", "the SDK's base image mcr.microsoft.com/dotnet/aspnet:5.0", 80)]
        public void The_sdk_picks_the_aspnet_image_of_the_target_framework(string targetFramework, string name, string value, string source, int port)
        {
            var image = Sdk(null, targetFramework);

            Assert.Equal(value, image.Environment[name].Value);
            Assert.Equal(source, image.Environment[name].Source);
            // The SDK exposes the ports of the listen variables.
            Assert.Equal(new[] { port }, image.ExposedPorts);
        }

        [Theory]
        [InlineData("netstandard2.0")]
        [InlineData("net48")]
        [InlineData("netcoreapp3.1")]
        [InlineData("")]
        [InlineData(null)]
        public void The_sdk_has_no_known_base_image_for_other_frameworks(string? targetFramework)
        {
            var image = Sdk(null, targetFramework);

            Assert.Empty(image.Environment);
            Assert.Empty(image.ExposedPorts);
        }

        [Fact]
        public void The_sdk_reads_container_base_image_over_the_target_framework()
        {
            var dotnet6 = Sdk("mcr.microsoft.com/dotnet/aspnet:6.0-alpine", "net8.0");
            var custom = Sdk("myregistry.io/base:1", "net8.0");

            Assert.Equal("http://+:80", Value(dotnet6, "ASPNETCORE_URLS"));
            Assert.Equal("the base image mcr.microsoft.com/dotnet/aspnet:6.0-alpine", dotnet6.Environment["ASPNETCORE_URLS"].Source);
            Assert.False(dotnet6.Environment.ContainsKey("ASPNETCORE_HTTP_PORTS"));
            Assert.Empty(custom.Environment);
        }

        [Fact]
        public void Container_environment_variables_override_the_base_image()
        {
            var image = ContainerImage.FromSdk(null, "net8.0",
                new[]
                {
                    new KeyValuePair<string, string>("ASPNETCORE_HTTP_PORTS", "7000"),
                    new KeyValuePair<string, string>("ASPNETCORE_HTTP_PORTS", "7070"),
                    new KeyValuePair<string, string>("ASPNETCORE_HTTPS_PORTS", "7443"),
                    new KeyValuePair<string, string>("Logging__LogLevel__Default", "Warning"),
                },
                new[] { 9000, 7070, 0 });

            var ports = image.Environment["ASPNETCORE_HTTP_PORTS"];
            Assert.Equal("7070", ports.Value);
            Assert.Equal("ContainerEnvironmentVariable ASPNETCORE_HTTP_PORTS", ports.Source);
            Assert.Equal("Warning", Value(image, "Logging__LogLevel__Default"));
            Assert.Equal("the SDK's base image mcr.microsoft.com/dotnet/aspnet:8.0", image.Environment["APP_UID"].Source);
            Assert.Equal(new[] { 9000, 7070, 7443 }, image.ExposedPorts);
        }

        [Fact]
        public void The_sdk_exposes_only_the_url_ports_when_urls_are_set()
        {
            var image = Sdk(null, "net8.0", ("ASPNETCORE_URLS", "http://+:5000;https://[::]:5001/;http://localhost"));

            Assert.Equal(new[] { 5000, 5001 }, image.ExposedPorts);
        }

        [Fact]
        public void None_knows_nothing()
        {
            Assert.Empty(ContainerImage.None.Environment);
            Assert.Empty(ContainerImage.None.ExposedPorts);
            Assert.False(ContainerImage.None.CommandSetsAddress);
        }

        [Fact]
        public void An_instruction_buildkit_rejects_is_skipped()
        {
            var image = Read("""
                ENV BEFORE=1
                FROM mcr.microsoft.com/dotnet/aspnet:8.0
                ENV A="unterminated
                ENV B='unterminated
                ENV C=${BAD
                ENV D=${}
                ENV E=1 noequals
                ENV --flag=x F=1
                ENV =1
                ENV G=fine
                """);

            Assert.Equal(new[] { "APP_UID", "ASPNETCORE_HTTP_PORTS", "G" }, image.Environment.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public void Random_bytes_do_not_throw()
        {
            var random = new Random(20261201);
            var pieces = new[]
            {
                "FROM ", "ENV ", "ARG ", "EXPOSE ", "CMD ", "ENTRYPOINT ", " AS ", "base", "mcr.microsoft.com/dotnet/aspnet:8.0",
                "=", "\"", "'", "\\", "`", "$", "${", "}", ":-", ":+", "\n", "\r\n", " ", "\t", "#", "# escape=`\n", "--", "/tcp",
                "8080", "\u0000", "\uFEFF", "\uD800",
            };
            for (int run = 0; run < 300; run++)
            {
                var text = new StringBuilder();
                for (int i = random.Next(200); i > 0; i--)
                {
                    text.Append(random.Next(3) == 0 ? ((char)random.Next(0x10000)).ToString() : pieces[random.Next(pieces.Length)]);
                }

                var image = Read(text.ToString());
                Assert.All(image.ExposedPorts, port => Assert.InRange(port, 1, 65535));
                Assert.All(image.Environment, pair => Assert.Equal(pair.Key, pair.Value.Name));
            }
        }

        [Fact]
        public void Huge_lines_and_deep_nesting_do_not_throw()
        {
            string megabyte = new string('x', 1 << 20);
            var image = Read("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV LONG=" + megabyte + "\n" +
                             "ENV NESTED=" + string.Concat(Enumerable.Repeat("${A:-", 100000)) + "\n" +
                             "ENV QUOTE=\"" + megabyte + "\n" +
                             "# " + new string(' ', 1 << 20) + "=x\n" +
                             string.Concat(Enumerable.Repeat("EXPOSE 1-65535 \\\n", 10000)) + "8000-8002\n" +
                             "ENV LAST=1\n");
            var continued = Read("# escape=" + new string(' ', 1 << 20) + "`\nFROM scratch\n" +
                                 "ENV " + string.Concat(Enumerable.Repeat("A=1 `\n", 100000)) + "B=2\n");
            var staged = Read(string.Concat(Enumerable.Repeat("FROM scratch AS s\nENV A=1\n", 50000)) + "FROM s\nENV B=2\n");

            Assert.Equal(1 << 20, Value(image, "LONG")!.Length);
            Assert.False(image.Environment.ContainsKey("NESTED"));
            Assert.False(image.Environment.ContainsKey("QUOTE"));
            Assert.Equal("1", Value(image, "LAST"));
            Assert.Empty(image.ExposedPorts);
            Assert.Equal("1", Value(continued, "A"));
            Assert.Equal("2", Value(continued, "B"));
            Assert.Equal(new[] { "A", "B" }, staged.Environment.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }
    }
}
