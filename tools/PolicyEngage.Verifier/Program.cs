using PolicyEngage.Verifier;

return VerifierCommand.Run(args, Console.Out, Console.Error);
