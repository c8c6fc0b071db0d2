using TokenEconSim.Silo.Cli;

return await CommandLine.InvokeAsync(args);
