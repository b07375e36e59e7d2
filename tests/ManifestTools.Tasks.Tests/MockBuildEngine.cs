using System.Collections;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace ManifestTools.Tasks.Tests
{
    /// <summary>Records what a task logs, as MSBuild's loggers would receive it.</summary>
    internal sealed class MockBuildEngine : IBuildEngine
    {
        public List<BuildErrorEventArgs> Errors { get; } = new List<BuildErrorEventArgs>();
        public List<BuildWarningEventArgs> Warnings { get; } = new List<BuildWarningEventArgs>();
        public List<BuildMessageEventArgs> Messages { get; } = new List<BuildMessageEventArgs>();

        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "test.proj";

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
        public void LogCustomEvent(CustomBuildEventArgs e) => Messages.Add(new BuildMessageEventArgs(e.Message, null, null, MessageImportance.Low));

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
    }
}
