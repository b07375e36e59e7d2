namespace ManifestTools.Code
{
    /// <summary>
    /// One environment variable a container image sets, with where it was set, so that a finding can say which
    /// instruction or setting to change.
    /// </summary>
    public sealed class ImageVariable
    {
        internal ImageVariable(string name, string? value, string source)
        {
            Name = name;
            Value = value;
            Source = source;
        }

        /// <summary>The name, as the process sees it.</summary>
        public string Name { get; }

        /// <summary>
        /// The value; null when the variable is set but its value cannot be known from the files: it comes from a build
        /// argument, which <c>docker build --build-arg</c> may change, or from a variable the image sets unseen.
        /// </summary>
        public string? Value { get; }

        /// <summary>
        /// Where the value is set, worded to sit in a message: <c>Dockerfile ENV ASPNETCORE_HTTP_PORTS</c>,
        /// <c>the base image mcr.microsoft.com/dotnet/aspnet:8.0</c>, <c>ContainerEnvironmentVariable ASPNETCORE_HTTP_PORTS</c>.
        /// </summary>
        public string Source { get; }
    }
}
