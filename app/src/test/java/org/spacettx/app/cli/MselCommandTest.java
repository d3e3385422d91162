package org.spacettx.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MSEL out to a spreadsheet table and back into a scenario file, through the command line. */
class MselCommandTest {

    static final Path SCENARIO = Path.of("..", "scenarios", "rok-us-space-ttx.yaml");

    @Test
    void outAndBackIn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("msel.csv");
        CliRun out = CliRun.of("exercise", "msel", SCENARIO.toString(), "-o", csv.toString());
        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(25);
        Path edited = dir.resolve("edited.csv");
        Files.writeString(edited, Files.readString(csv).replace("\"Kim and Putin pledge cooperation at Vostochny\"",
                "\"Kim and Putin sign a space agreement at Vostochny\""));
        Path result = dir.resolve("new.yaml");
        CliRun in = CliRun.of("exercise", "msel-import", SCENARIO.toString(), "--table", edited.toString(), "-o", result.toString());
        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(in.err()).contains("wrote " + result + " (30 injects)");
        String yaml = Files.readString(result);
        assertThat(yaml).contains("Kim and Putin sign a space agreement at Vostochny").contains("questions:")
                .startsWith(Files.readString(SCENARIO).substring(0, Files.readString(SCENARIO).indexOf("msel:")));
        // the new file's table is the edited table
        CliRun again = CliRun.of("exercise", "msel", result.toString());
        assertThat(again.out()).isEqualTo(Files.readString(edited));
    }

    @Test
    void throughAnExcelWorkbook(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("msel.xlsx");
        CliRun out = CliRun.of("exercise", "msel", SCENARIO.toString(), "-o", xlsx.toString());
        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(Files.readAllBytes(xlsx)).startsWith(new byte[] {'P', 'K'}); // an OOXML zip
        Path result = dir.resolve("new.yaml");
        CliRun in = CliRun.of("exercise", "msel-import", SCENARIO.toString(), "--table", xlsx.toString(), "-o", result.toString());
        assertThat(in.exitCode()).as(in.err()).isZero();
        assertThat(CliRun.of("exercise", "msel", result.toString()).out())
                .isEqualTo(CliRun.of("exercise", "msel", SCENARIO.toString()).out());
    }

    @Test
    void aTableThatBreaksTheScenarioWritesNothing(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("msel.csv");
        assertThat(CliRun.of("exercise", "msel", SCENARIO.toString(), "-o", csv.toString()).exitCode()).isZero();
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, Files.readString(csv).replaceFirst("\n2,M1,control,kor,", "\n2,M9,control,kor,"));
        Path result = dir.resolve("new.yaml");
        CliRun in = CliRun.of("exercise", "msel-import", SCENARIO.toString(), "--table", broken.toString(), "-o", result.toString());
        assertThat(in.exitCode()).isEqualTo(2);
        assertThat(in.err()).contains(result + ":").contains("move 'M9' is not defined in 'moves'").contains("not written");
        assertThat(result).doesNotExist();
    }
}
