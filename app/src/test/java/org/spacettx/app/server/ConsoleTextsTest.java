package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.scenario.ScenarioReader;

/** Both languages of the console have the same texts, none left empty, and a name for every channel a scenario may use. */
class ConsoleTextsTest {

    @Test
    void englishAndKoreanHaveTheSameKeysAndEveryChannelIsNamed() {
        Map<String, String> en = ConsoleTexts.of("en");
        Map<String, String> ko = ConsoleTexts.of("ko");
        assertThat(en).hasSizeGreaterThan(100);
        assertThat(ko.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        assertThat(ko.values()).allSatisfy(v -> assertThat(v).isNotBlank());
        for (String channel : ScenarioReader.CHANNELS) {
            assertThat(en).containsKey("channel." + channel);
        }
    }
}
