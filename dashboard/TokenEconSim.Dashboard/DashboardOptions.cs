namespace TokenEconSim.Dashboard;

/// <summary>Where the dashboard finds scenarios, finished runs and sweeps, and who may change anything.</summary>
public sealed class DashboardOptions
{
    /// <summary>Scenario files the start page offers; a request may name nothing outside this folder.</summary>
    public string ScenariosFolder { get; set; } = "scenarios";

    /// <summary>Parent of finished runs' folders (runs/&lt;name&gt;-&lt;timestamp&gt;/), listed beside live runs.</summary>
    public string RunsFolder { get; set; } = "runs";

    /// <summary>Parent of sweep folders (sweeps/&lt;name&gt;-&lt;timestamp&gt;/ with sweep.json).</summary>
    public string SweepsFolder { get; set; } = "sweeps";

    /// <summary>When set, POST and DELETE need it as "Authorization: Bearer &lt;token&gt;" (the host requires one off loopback).</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Memory the runs started here may take together, by their estimate (RunFootprint). Default:
    /// half the memory this process may use (the machine's, or the container's limit).
    /// </summary>
    public long MemoryBudgetBytes { get; set; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Runs in progress at once; more are refused with 429. Default: two per core.</summary>
    public int MaxRunningRuns { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>Where the host mounted Orleans' own dashboard, for the link in the page header; null hides the link.</summary>
    public string? OrleansDashboardPath { get; set; } = "/orleans/";
}
