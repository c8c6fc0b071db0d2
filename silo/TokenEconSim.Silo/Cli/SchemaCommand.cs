using System.CommandLine;
using System.Text;
using TokenEconSim.Hosting;
using TokenEconSim.Scenarios.Schema;

namespace TokenEconSim.Silo.Cli;

/// <summary>`silo schema`: the JSON Schema of scenario files (<see cref="ScenarioJsonSchema"/>) for editors, to stdout or a file.</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Write it to this file (e.g. scenarios/scenario.schema.json) instead of stdout" };
        var command = new Command("schema", "Print the JSON Schema of scenario files (completion and checks in editors)") { output };
        command.SetAction(parse =>
        {
            var schema = ScenarioJsonSchema.Generate();
            if (parse.GetValue(output) is not { } path)
            {
                Console.Out.Write(schema);
                return ExitCodes.Success;
            }
            try
            {
                File.WriteAllText(path, schema, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                throw new BadInputException($"--out {path}: cannot write the schema there ({e.Message})");
            }
            Console.WriteLine($"{path}: the scenario schema ({ScenarioJsonSchema.FileName})");
            return ExitCodes.Success;
        });
        return command;
    }
}
