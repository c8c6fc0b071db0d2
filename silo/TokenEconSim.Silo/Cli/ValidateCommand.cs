using System.CommandLine;
using TokenEconSim.Hosting;
using TokenEconSim.Domain.Parameters;
using TokenEconSim.Domain.Simulation;
using TokenEconSim.Scenarios.Sweeps;

namespace TokenEconSim.Silo.Cli;

public static class ValidateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML)" };
        var command = new Command("validate", "Check a scenario file without running it") { scenario };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(scenario)!;
            if (File.Exists(path) && SweepLoader.HasSweepSection(path))
            {
                var plan = Studies.Sweeps.SweepInput.Load(path); // also checks the objective's metric names
                Console.WriteLine($"{path}: valid sweep — {plan.Describe()}");
                return ExitCodes.Success;
            }
            var s = ScenarioInput.Load(path, []);
            var layout = new RunModel(s).Layout;
            Console.WriteLine($"{path}: valid — '{s.Run.Name}', {layout.Total} agents, {s.Run.Epochs} epochs, seed {s.Run.Seed}; memory estimate "
                + $"{RunFootprint.Format(RunFootprint.EstimateBytes(s, Hosting.Engines.Checkpointing.DefaultEvery))} (checkpoints every "
                + $"{Hosting.Engines.Checkpointing.DefaultEvery} epochs)");
            return ExitCodes.Success;
        });
        return command;
    }
}
