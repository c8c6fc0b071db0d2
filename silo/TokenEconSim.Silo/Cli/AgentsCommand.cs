using System.CommandLine;
using TokenEconSim.Hosting;
using TokenEconSim.Results;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo agents &lt;run folder&gt;`: the run's agents.parquet described, or with --csv streamed to stdout as CSV.</summary>
public static class AgentsCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("run") { Description = "A finished run's results folder" };
        var csv = new Option<bool>("--csv") { Description = "Write agents.parquet to stdout as CSV (one row group at a time)" };
        var command = new Command("agents", "Read a run's per-agent file, agents.parquet (outputs.agents)") { folder, csv };
        command.SetAction(async (parse, ct) =>
        {
            var path = Path.Combine(parse.GetValue(folder)!, RunFiles.Agents);
            if (!File.Exists(path))
                throw new BadInputException($"{path}: no such file (a run writes {RunFiles.Agents} only when its scenario sets outputs.agents)");
            await using var file = File.OpenRead(path);
            try
            {
                if (parse.GetValue(csv)) await WriteCsvAsync(file, ct);
                else await DescribeAsync(file, path, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new BadInputException($"{path}: not a readable Parquet file ({e.Message})");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteCsvAsync(Stream file, CancellationToken ct)
    {
        await AgentsCsvExport.WriteAsync(file, Console.Out, ct);
        await Console.Out.FlushAsync(ct);
    }

    private static async Task DescribeAsync(Stream file, string path, CancellationToken ct)
    {
        await using var reader = await Parquet.ParquetReader.CreateAsync(file, cancellationToken: ct);
        var rows = reader.RowGroups.Sum(g => g.RowCount);
        Console.WriteLine($"{path}: {rows} rows in {reader.RowGroupCount} row groups");
        foreach (var f in reader.Schema.GetDataFields())
            Console.WriteLine($"  {f.Name}: {AgentsCsvExport.TypeName(f)}{(f.IsNullable ? ", nullable" : "")}");
    }
}
