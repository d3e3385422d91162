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
        briefCommandLists(cli);
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

    /**
     * The list of commands in a help page gives each command's first sentence (its description may run on for a
     * paragraph, which its own help shows whole), wrapped at the help's width.
     */
    private static void briefCommandLists(CommandLine cli) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> {
            java.util.Map<String, CommandLine.Help> subcommands = help.subcommands();
            int nameWidth = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
            int width = help.commandSpec().usageMessage().width() - nameWidth;
            StringBuilder out = new StringBuilder();
            for (java.util.Map.Entry<String, CommandLine.Help> e : subcommands.entrySet()) {
                String[] description = e.getValue().commandSpec().usageMessage().description();
                String line = String.format("  %-" + (nameWidth - 2) + "s", e.getKey());
                for (String word : firstSentence(description.length == 0 ? "" : description[0]).split(" ")) {
                    if (line.length() + 1 + word.length() > nameWidth + width && line.length() > nameWidth) {
                        out.append(line.stripTrailing()).append(System.lineSeparator());
                        line = " ".repeat(nameWidth);
                    }
                    line += (line.length() > nameWidth ? " " : "") + word;
                }
                out.append(line.stripTrailing()).append(System.lineSeparator());
            }
            return out.toString();
        });
        cli.getSubcommands().values().forEach(Main::briefCommandLists);
    }

    /** A text up to the end of its first sentence (a full stop followed by a space, or the end). */
    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text.strip() : text.substring(0, end + 1);
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
