namespace ManifestTools.Yaml
{
    /// <summary>Bounds on the work one input may cause; exceeding one yields MT0003, never a crash.</summary>
    public sealed class InputLimits
    {
        /// <summary>etcd caps an object at 1.5 MiB; 16 MiB leaves room for large multi-document files.</summary>
        public long MaxFileBytes { get; set; } = 16L * 1024 * 1024;

        /// <summary>Real manifests nest a few dozen levels; this bounds the reader's stacks.</summary>
        public int MaxDepth { get; set; } = 128;

        /// <summary>
        /// Nodes one document may hold once every alias is expanded, and nodes aliases may add across one file;
        /// stops "billion laughs" documents and files of many smaller ones.
        /// </summary>
        public long MaxExpandedNodes { get; set; } = 1_000_000;

        public static InputLimits Default => new InputLimits();
    }
}
