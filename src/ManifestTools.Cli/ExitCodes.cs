namespace ManifestTools.Cli
{
    /// <summary>The same for every output format, unlike istioctl analyze, whose JSON output always exits 0.</summary>
    internal static class ExitCodes
    {
        public const int Clean = 0;
        public const int Findings = 1;
        public const int UsageOrIoError = 2;
    }
}
