using System.CommandLine;
using TokenEconSim.Hosting.Engines;
using TokenEconSim.Hosting.Runs;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo resume &lt;run&gt;`: finishes an interrupted run from its last checkpoint.</summary>
public static class ResumeCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run")
        {
            Description = "The interrupted run: its name as `silo run` printed it (e.g. "
            + "baseline-20261123-193000) or its .…tmp-… folder"
        };
        var output = RunCommand.OutOption("runs", "Parent folder of the run's results folder");
        var engine = new Option<string>("--engine") { Description = "orleans (embedded silo) or direct", DefaultValueFactory = _ => "orleans" };
        engine.AcceptOnlyFromAmong("orleans", "direct");
        var every = RunCommand.CheckpointEveryOption();
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar" };
        var cluster = new ClusterOptions();
        var command = new Command("resume", "Continue an interrupted run (crash, kill -9) from its last checkpoint") { run, output, engine,
            every, quiet };
        cluster.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var request = new RunRequest("", [], parse.GetValue(output)!,
                parse.GetValue(engine) == "direct" ? EngineKind.Direct : EngineKind.Orleans, !parse.GetValue(quiet))
            {
                Cluster = cluster.Resolve(parse),
                CheckpointEvery = parse.GetValue(every),
                KeepCheckpointWhenCancelled = true,
            };
            RunCommand.PrintOutcome(await RunResume.ResumeAsync(parse.GetValue(run)!, request, ct));
            return ExitCodes.Success;
        });
        return command;
    }
}
