package dev.aslunit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aslunit} command. */
@Command(name = "aslunit", mixinStandardHelpOptions = true, subcommands = {RunCommand.class},
        description = "Test AWS Step Functions state machines offline.")
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
