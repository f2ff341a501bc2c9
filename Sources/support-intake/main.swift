import Gateway

// The executable is thin: everything it does lives in Gateway, where tests can reach it.
CommandLineTool.exitAfterRunning(CommandLine.arguments)
