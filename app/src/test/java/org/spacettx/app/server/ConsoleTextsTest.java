package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.scenario.ScenarioReader;

/**
 * Both languages of the console have the same texts, none left empty, and a name for every channel a scenario may use;
 * the channels the console and the workspace offer are the scenario format's.
 */
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

    @Test
    void theChannelsOfferedAreTheScenarioFormats() throws Exception {
        String js;
        try (var in = ConsoleTextsTest.class.getResourceAsStream("/public/i18n.js")) {
            js = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var m = java.util.regex.Pattern.compile("export const CHANNELS = \\[([^\\]]*)\\]").matcher(js);
        assertThat(m.find()).isTrue();
        var offered = java.util.Arrays.stream(m.group(1).split(",")).map(x -> x.strip().replace("\"", "")).toList();
        assertThat(offered).containsExactlyInAnyOrderElementsOf(ScenarioReader.CHANNELS).doesNotHaveDuplicates();
    }
}
