package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Help that reads as it should: a description wraps where the terminal's width says, never where the source's line
 * ended (a sentence cut after "control," read as a broken list), and the demo names the directory it really uses.
 */
class HelpTextTest {

    @Test
    void theDemosHelpNamesItsDirectoryAndWrapsOnlyAtTheWidth() {
        CliRun run = CliRun.of("demo", "--help");
        assertThat(run.exitCode()).isZero();
        String help = run.out();
        assertThat(help).contains("~/.spacettx-demo");
        List<String> lines = help.lines().toList();
        // a line that ends short of the width while its sentence goes on is a wrap the source made
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            String next = lines.get(i + 1).strip();
            boolean sentenceGoesOn = !line.isBlank() && !next.isEmpty() && Character.isLowerCase(next.charAt(0))
                    && !next.startsWith("-");
            if (sentenceGoesOn) {
                assertThat(line.length()).as("line %d ends at %d characters, its sentence going on: '%s' / '%s'", i, line.length(), line, next)
                        .isGreaterThan(60);
            }
        }
        assertThat(String.join(" ", lines).replaceAll("\\s+", " ")).contains("demo accounts: control, kor1, usa1 and observer.");
    }

    @Test
    void theCommandListSaysEachCommandInWholeSentences() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        String list = run.out().substring(run.out().indexOf("Commands:"));
        // each command's first sentence, whole: an entry ends at a full stop, never cut at a line's end
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (String line : list.lines().skip(1).toList()) {
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                entries.add(line.strip());
            } else if (!entries.isEmpty()) {
                entries.set(entries.size() - 1, entries.getLast() + " " + line.strip());
            }
        }
        assertThat(entries).hasSizeGreaterThan(20);
        assertThat(entries).allSatisfy(e -> assertThat(e).matches("\\S+ .*[.)]$"));
        assertThat(entries).anySatisfy(e -> assertThat(e.replaceAll("\\s+", " ")).startsWith("demo Run the server with the demo exercise")
                .doesNotContain("SPACETTX_DEMO_PASSWORD"));
        assertThat(run.out().lines().filter(l -> l.length() > 80)).as("lines wider than the help").isEmpty();
    }
}
