package org.spacettx.app.cli;

import java.io.PrintWriter;

import org.spacettx.orbit.input.InputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spacettx}: the command-line entry point. Exit codes: 0 success, 2 bad input, 1 internal error. */
@Command(name = "spacettx", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Tabletop exercises on space, on real flight dynamics.",
        subcommands = {CatalogCommand.class, PropagateCommand.class, PassesCommand.class, OverflightCommand.class,
                WarningCommand.class, LaunchCommand.class, ManeuverCommand.class, RpoCommand.class, BreakupCommand.class, BreakupStudyCommand.class, JammerCommand.class, UplinkJammerCommand.class, ExerciseCommand.class, ServerCommands.Serve.class,
                ServerCommands.Demo.class, ServerCommands.Users.class, RegisterCommand.class, ServerCommands.Db.class, ServerCommands.Audit.class,
                ScreenCommand.class, ReportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (used by tests, which must not exit the JVM). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("spacettx: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InputException || e instanceof org.spacettx.exercise.scenario.Limits.Exceeded) {
            err.println("spacettx: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        err.println("spacettx: internal error: " + e);
        if (System.getenv("SPACETTX_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set SPACETTX_DEBUG=1 for the stack trace, and please report it)");
        }
        err.flush();
        return 1;
    }
}
