package eu.guichet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code guichet-cli}: the command line of Guichet, over its REST API. */
@Command(name = "guichet-cli", mixinStandardHelpOptions = true, version = "Guichet 0.1",
        description = "Guichet's command line, over the REST API.", subcommands = { DeliverCommand.class, QueryCommand.class })
public final class GuichetCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and answers its exit code (tests call this). */
    public static int run(String... args) {
        return new CommandLine(new GuichetCli()).execute(args);
    }

    /** Runs a command line writing to the given streams (tests read them). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return new CommandLine(new GuichetCli()).setOut(out).setErr(err).execute(args);
    }
}
