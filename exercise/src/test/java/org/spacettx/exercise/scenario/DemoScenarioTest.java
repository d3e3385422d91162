package org.spacettx.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.orbit.data.OrekitData;

class DemoScenarioTest {

    @Test
    void theDemoValidatesWithoutWarnings() {
        ScenarioReader.Result result = ScenarioReader.read(Demo.file(), OrekitData.standard());
        assertThat(result.problems()).isEmpty();
        Scenario s = result.scenario();
        assertThat(s.moves()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(s.injects()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(s.questions()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(s.injects()).allSatisfy(i -> {
            assertThat(i.subject().isComplete()).isTrue();
            assertThat(i.body().isComplete()).isTrue();
        });
        assertThat(s.injects()).anyMatch(i -> i.marking().equals(Marking.parse("KOR ONLY")))
                .anyMatch(i -> i.marking().equals(Marking.parse("USA ONLY")))
                .anyMatch(i -> i.trigger() instanceof Trigger.FirstOverflight)
                .anyMatch(i -> i.trigger() instanceof Trigger.CloseApproach);
        assertThat(s.banner()).contains("EXERCISE");
    }

    @Test
    void markings() {
        assertThat(Marking.parse("REL TO USA, KOR").releasableTo("KOR")).isTrue();
        assertThat(Marking.parse("rel to usa/kor").releasableTo("USA")).isTrue();
        assertThat(Marking.parse("KOR ONLY").releasableTo("USA")).isFalse();
        assertThat(Marking.parse("CONTROL ONLY").releasableTo("KOR")).isFalse();
        assertThat(Marking.parse("REL TO USA, KOR").toString()).isEqualTo("REL TO KOR, USA");
    }
}
