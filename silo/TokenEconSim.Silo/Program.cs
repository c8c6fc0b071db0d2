using TokenEconSim.Silo.Cli;

// First, before any work: a signal must never find the process without its handler (see ShutdownSignals).
using var signals = new ShutdownSignals();
return await CommandLine.InvokeAsync(args, signals);
