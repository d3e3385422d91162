package org.spacettx.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.orbit.data.OrekitData;

/** A scenario goes through the workspace's tree and back to a file without changing what it says. */
class ScenarioDocumentTest {

    @Test
    void theDemoReadsTheSameAfterTheTripThroughTheTree() {
        ScenarioReader.Result original = ScenarioReader.parse(Demo.text(), Demo.file().getParent(), OrekitData.standard());
        String written = ScenarioDocument.toYaml(ScenarioDocument.toTree(Demo.text()));
        ScenarioReader.Result again = ScenarioReader.parse(written, Demo.file().getParent(), OrekitData.standard());
        assertThat(again.errors()).isEmpty();
        // everything equal but where each object's elements were read from (a line of the file, which moved)
        assertThat(again.scenario()).usingRecursiveComparison().ignoringFields("objects.elements.source.line")
                .isEqualTo(original.scenario());
        assertThat(again.problems()).hasSameSizeAs(original.problems());
        // the file a person would write: block style, no document marker, a long text on one line
        assertThat(written).startsWith("scenario: 1\nid: rok-us-space-ttx\n").doesNotContain("---")
                .contains("North Korea prepares a third attempt to orbit a military reconnaissance satellite while cooperation");
        // and the trip is stable: the tree of the written file writes the same file
        assertThat(ScenarioDocument.toYaml(ScenarioDocument.toTree(written))).isEqualTo(written);
    }

    @Test
    void stringsThatLookLikeNumbersStayStringsAndParagraphsStayParagraphs() {
        ObjectNode tree = ScenarioDocument.toTree("id: x\nbanner: '2024'\nscenario: 1\ndescription: {en: \"One.\\n\\nTwo: three.\"}\n");
        String written = ScenarioDocument.toYaml(tree);
        assertThat(written).contains("banner: \"2024\"").contains("scenario: 1\n").contains("  en: |-\n    One.\n\n    Two: three.\n");
        assertThat(ScenarioDocument.toTree(written)).isEqualTo(tree);
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndColumn() {
        assertThatThrownBy(() -> ScenarioDocument.toTree("id: x\ntitle: [unclosed\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line ");
        assertThatThrownBy(() -> ScenarioDocument.toTree("id: x\nid: y\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> ScenarioDocument.toTree("- a\n- b\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a scenario is a mapping");
    }
}
