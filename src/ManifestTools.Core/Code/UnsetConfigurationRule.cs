using ManifestTools.Diagnostics;

namespace ManifestTools.Code
{
    /// <summary>MT3001: the code reads a setting that neither the service's containers nor its appsettings give a value.</summary>
    public static class UnsetConfigurationRule
    {
        public static DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnsetConfiguration;

        public static CodeFinding? Check(SettingRead read, ServiceRuntime runtime)
        {
            if (runtime.Workloads.Count == 0 || PlatformVariables.Sets(read.EnvironmentName) || PlatformVariables.DefaultedByTheHost(read.EnvironmentName))
            {
                return null;
            }

            bool isEnvironment = read.Kind == SettingKind.EnvironmentVariable;
            bool asSection = read.Kind == SettingKind.ConfigurationSection;
            bool set = isEnvironment
                ? runtime.SetsEnvironmentVariable(read.Name)
                : runtime.SetsConfiguration(read.Key, asSection) || runtime.Settings.Provides(read.Key, asSection);
            if (set)
            {
                return null;
            }

            string variable = read.EnvironmentName + (asSection ? " or a variable under it (" + read.EnvironmentName + "__…)" : "");
            // A section has no value of its own: its keys are set, one variable each.
            string name = asSection ? read.EnvironmentName + "__…" : read.EnvironmentName;
            string fix = runtime.Fix($"add <ServiceEnvironmentVariable Include=\"{name}\" Value=\"…\" /> to the project file",
                $"set {name} in the env of the containers") + (isEnvironment ? "" : ", or give it a value in appsettings.json");
            return new CodeFinding(Descriptor, Descriptor.FormatMessage(read.ToString(), ServiceRuntime.Name(runtime.Workloads), variable,
                isEnvironment ? "" : " and no appsettings*.json gives it a value", fix));
        }
    }
}
