package org.spacettx.exercise.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.Text;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

/** The demo's MSEL through a spreadsheet table and back. */
class MselTableTest {

    static Scenario read(String yaml) {
        ScenarioReader.Result r = ScenarioReader.parse(yaml, Demo.file().getParent(), OrekitData.standard());
        assertThat(r.errors()).as(r.problems().toString()).isEmpty();
        return r.scenario();
    }

    @Test
    void yamlToCsvToYamlKeepsEveryInject() {
        Scenario demo = read(Demo.text());
        String csv = MselTable.toCsv(demo);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", MselTable.COLUMNS));
        String again = MselTable.replaceMsel(Demo.text(), csv, "msel.csv");
        Scenario back = read(again);
        assertThat(back.injects()).isEqualTo(demo.injects());
        assertThat(back.questions()).isEqualTo(demo.questions());
        // and the table of the new file is the same table, byte for byte
        assertThat(MselTable.toCsv(back)).isEqualTo(csv);
        // every trigger kind of the demo went through
        assertThat(demo.injects().stream().map(i -> i.trigger().getClass().getSimpleName()).distinct().count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void yamlToXlsxToYamlKeepsEveryInject() throws Exception {
        Scenario demo = read(Demo.text());
        byte[] xlsx = MselTable.toXlsx(demo);
        // a real workbook: the first sheet is the MSEL with its header and one row an inject
        try (org.apache.poi.ss.usermodel.Workbook book = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("MSEL");
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(demo.injects().size());
            assertThat(book.getSheetAt(0).getRow(1).getCell(7).getStringCellValue())
                    .isEqualTo("Kim and Putin pledge cooperation at Vostochny");
        }
        Scenario back = read(MselTable.replaceMselFromXlsx(Demo.text(), xlsx, "msel.xlsx"));
        assertThat(back.injects()).isEqualTo(demo.injects());
        assertThat(MselTable.toCsv(back)).isEqualTo(MselTable.toCsv(demo));
        assertThatThrownBy(() -> MselTable.replaceMselFromXlsx(Demo.text(), "not a workbook".getBytes(), "x.xlsx"))
                .isInstanceOf(InputException.class).hasMessageContaining("x.xlsx").hasMessageContaining("is not an Excel workbook");
    }

    @Test
    void anEditInTheSpreadsheetChangesThatInjectOnly() {
        Scenario demo = read(Demo.text());
        String original = MselTable.toCsv(demo);
        assertThat(original).contains(",\"Kim and Putin pledge cooperation at Vostochny\",");
        // as a spreadsheet writes a cell with a comma and quotes in it
        String csv = original.replace(",\"Kim and Putin pledge cooperation at Vostochny\",",
                ",\"Kim and Putin \"\"pledge\"\", cooperation at Vostochny\",");
        Scenario edited = read(MselTable.replaceMsel(Demo.text(), csv, "msel.csv"));
        Inject first = edited.inject(1).orElseThrow();
        assertThat(first.subject()).isEqualTo(Text.of("Kim and Putin \"pledge\", cooperation at Vostochny", demo.inject(1).orElseThrow().subject().ko()));
        assertThat(edited.injects().subList(1, edited.injects().size())).isEqualTo(demo.injects().subList(1, demo.injects().size()));
    }

    @Test
    void aBrokenTableNamesItsLine() {
        Scenario demo = read(Demo.text());
        List<String> lines = MselTable.toCsv(demo).lines().toList();
        String noTrigger = String.join("\n", lines).replaceFirst("number,move,from,to,channel,marking,trigger,", "number,move,from,to,channel,marking,");
        assertThatThrownBy(() -> MselTable.replaceMsel(Demo.text(), noTrigger, "msel.csv"))
                .isInstanceOf(InputException.class).hasMessageContaining("msel.csv:1").hasMessageContaining("missing columns [trigger");
        String badNumber = lines.get(0) + "\n" + lines.get(1).replaceFirst("^1,", "one,") + "\n";
        assertThatThrownBy(() -> MselTable.replaceMsel(Demo.text(), badNumber, "msel.csv"))
                .isInstanceOf(InputException.class).hasMessageContaining("msel.csv:2").hasMessageContaining("'one' is not an inject number");
    }
}
