import BatonCLI

Baton.run(arguments: Array(CommandLine.arguments.dropFirst()))
