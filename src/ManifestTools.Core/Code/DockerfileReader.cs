using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ManifestTools.Code
{
    /// <summary>
    /// Reads the image a Dockerfile builds: its final stage, with the environment, ports and command that stage inherits
    /// from the stages it is built <c>FROM</c>, as the Visual Studio template's <c>FROM base AS final</c> does. Only
    /// that chain of stages is evaluated, each once, so the work stays linear in the text.
    /// </summary>
    internal static class DockerfileReader
    {
        /// <summary>
        /// Settings a command line gives the host's configuration (<c>--urls</c>, <c>ASPNETCORE_URLS=</c> in a shell
        /// form, <c>--http_ports</c>): they win over the environment's listen variables.
        /// </summary>
        private static readonly string[] AddressArguments = { "--urls", "urls=", "--http_ports", "http_ports=", "--https_ports", "https_ports=" };

        public static ContainerImage Read(string path, string text)
        {
            string file = FileName(path);
            var instructions = DockerfileSyntax.Instructions(text, out char escape);
            var stages = Stages(instructions);
            var environment = new Dictionary<string, ImageVariable>(StringComparer.Ordinal);
            if (stages.Count == 0)
            {
                return new ContainerImage(environment, Array.Empty<int>(), commandSetsAddress: false);
            }

            var chain = new List<Stage>();
            for (int stage = stages.Count - 1; stage >= 0; stage = stages[stage].Parent)
            {
                chain.Add(stages[stage]);
            }

            chain.Reverse();

            BaseImage(chain[0].Image, environment);
            var ports = new List<int>();
            var seenPorts = new HashSet<int>();
            string? entrypoint = null, command = null;
            foreach (var stage in chain)
            {
                // ARGs are scoped to their stage, and a later ENV of the same name hides them again.
                var arguments = new HashSet<string>(StringComparer.Ordinal);
                string? Lookup(string name) =>
                    !arguments.Contains(name) && environment.TryGetValue(name, out var variable) ? variable.Value : null;
                bool commandSet = false;
                for (int i = stage.First; i < stage.End; i++)
                {
                    var instruction = instructions[i];
                    if (instruction.HasFlags)
                    {
                        continue;
                    }

                    switch (instruction.Keyword)
                    {
                        case "env":
                            Env(instruction, file, escape, Lookup, environment, arguments);
                            break;
                        case "arg":
                            foreach (var word in DockerfileSyntax.Words(instruction.Arguments, escape))
                            {
                                int equals = word.IndexOf('=');
                                arguments.Add(equals < 0 ? word : word.Substring(0, equals));
                            }

                            break;
                        case "expose":
                            Expose(instruction, escape, Lookup, ports, seenPorts);
                            break;
                        case "entrypoint":
                            // As Docker does, a new ENTRYPOINT drops the CMD inherited with the base, not one set in this stage.
                            entrypoint = instruction.Arguments;
                            command = commandSet ? command : null;
                            break;
                        case "cmd":
                            command = instruction.Arguments;
                            commandSet = true;
                            break;
                    }
                }
            }

            return new ContainerImage(environment, ports, SetsAddress(entrypoint) || SetsAddress(command));
        }

        /// <summary>
        /// The stages, each with the earlier stage it is built from. BuildKit resolves a stage name only among the
        /// stages before it, so the chain cannot loop: <c>FROM x AS x</c> names an image x.
        /// </summary>
        private static List<Stage> Stages(List<DockerfileInstruction> instructions)
        {
            var stages = new List<Stage>();
            var named = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < instructions.Count; i++)
            {
                if (instructions[i].Keyword != "from")
                {
                    continue;
                }

                if (stages.Count > 0)
                {
                    stages[stages.Count - 1].End = i;
                }

                var words = instructions[i].Arguments.Split(new[] { ' ', '\t', '\v', '\f', '\r' }, StringSplitOptions.RemoveEmptyEntries);
                bool valid = words.Length == 1 || (words.Length == 3 && words[1].Equals("as", StringComparison.OrdinalIgnoreCase));
                string? image = valid ? words[0] : null;
                int parent = image != null && image.IndexOf('$') < 0 && named.TryGetValue(image, out int index) ? index : -1;
                if (valid && words.Length == 3)
                {
                    named[words[2]] = stages.Count;
                }

                stages.Add(new Stage(parent < 0 ? image : null, parent, i + 1, instructions.Count));
            }

            return stages;
        }

        /// <summary>Adds the variables of the chain's base image, when it is a .NET image whose variables are known.</summary>
        private static void BaseImage(string? image, Dictionary<string, ImageVariable> environment)
        {
            var variables = image == null ? null : DotnetImages.Variables(image);
            foreach (var variable in variables ?? Enumerable.Empty<KeyValuePair<string, string>>())
            {
                environment[variable.Key] = new ImageVariable(variable.Key, variable.Value, "the base image " + image);
            }
        }

        /// <summary>
        /// <c>ENV a=1 b="x y"</c>, or the legacy <c>ENV name the rest of the line</c>. Every value on the line sees the
        /// environment from before the line, as in Docker, where <c>ENV a=1 b=$a</c> does not give b the new a.
        /// </summary>
        private static void Env(DockerfileInstruction instruction, string file, char escape, Func<string, string?> lookup,
            Dictionary<string, ImageVariable> environment, HashSet<string> arguments)
        {
            string text = instruction.Arguments;
            var words = DockerfileSyntax.Words(text, escape);
            if (words.Count == 0)
            {
                return;
            }

            var pairs = new List<(string Name, string Value)>();
            if (words[0].IndexOf('=') < 0)
            {
                int split = DockerfileSyntax.IndexOfSeparator(text);
                if (split < 0)
                {
                    return;
                }

                pairs.Add((text.Substring(0, split), text.Substring(split).TrimStart(' ', '\t', '\v', '\f', '\r')));
            }
            else
            {
                foreach (var word in words)
                {
                    int equals = word.IndexOf('=');
                    if (equals < 0)
                    {
                        return;
                    }

                    pairs.Add((word.Substring(0, equals), word.Substring(equals + 1)));
                }
            }

            var assigned = new List<ImageVariable>();
            foreach (var (rawName, rawValue) in pairs)
            {
                if (!ShellWord.TryExpand(rawName, escape, lookup, out string? name) || name == "" ||
                    !ShellWord.TryExpand(rawValue, escape, lookup, out string? value))
                {
                    return;
                }

                // A name built from a build argument could be any variable; there is nothing to record it under.
                if (name != null)
                {
                    assigned.Add(new ImageVariable(name, value, file + " ENV " + name));
                }
            }

            foreach (var variable in assigned)
            {
                environment[variable.Name] = variable;
                arguments.Remove(variable.Name);
            }
        }

        /// <summary>
        /// The TCP ports of an EXPOSE. A range (<c>8000-8002</c>) is skipped: Docker ranges open blocks of ports for
        /// media and game servers, not the ports an ASP.NET Core app listens on, and one range may name 65535 ports.
        /// A variable (<c>EXPOSE $PORT</c>) counts when an ENV gave it a known value; a build argument or an unknown one is skipped.
        /// </summary>
        private static void Expose(DockerfileInstruction instruction, char escape, Func<string, string?> lookup, List<int> ports, HashSet<int> seen)
        {
            foreach (var word in DockerfileSyntax.Words(instruction.Arguments, escape))
            {
                if (!ShellWord.TryExpand(word, escape, lookup, out string? spec) || spec == null)
                {
                    continue;
                }

                int slash = spec.IndexOf('/');
                string number = slash < 0 ? spec : spec.Substring(0, slash);
                string protocol = slash < 0 || slash == spec.Length - 1 ? "tcp" : spec.Substring(slash + 1);
                if (protocol.Equals("tcp", StringComparison.OrdinalIgnoreCase) &&
                    int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port > 0 && port < 65536 && seen.Add(port))
                {
                    ports.Add(port);
                }
            }
        }

        private static bool SetsAddress(string? command)
        {
            if (command == null)
            {
                return false;
            }

            foreach (var argument in AddressArguments)
            {
                if (command.IndexOf(argument, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static string FileName(string path)
        {
            string name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
            return name.Length == 0 ? "Dockerfile" : name;
        }

        /// <summary>
        /// One stage: the image it is built from when that is not an earlier stage (null when unreadable, or when
        /// it is a stage), the index of that earlier stage or -1, and the range of its instructions.
        /// </summary>
        private sealed class Stage
        {
            public Stage(string? image, int parent, int first, int end)
            {
                Image = image;
                Parent = parent;
                First = first;
                End = end;
            }

            public string? Image { get; }
            public int Parent { get; }
            public int First { get; }
            public int End { get; set; }
        }
    }
}
