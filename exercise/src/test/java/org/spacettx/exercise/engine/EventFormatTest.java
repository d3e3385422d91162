package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The stored form of events: names that never change with the code, a version on every stored event, older versions
 * brought up on read, newer ones refused with a clear error.
 */
class EventFormatTest {

    static final Actor KOR = new Actor("kor1", Actor.Role.PLAYER, "kor", "KOR");

    /**
     * The names stored logs use, frozen: a kind of event may be renamed in the code, never in the logs. A new kind adds
     * a name here; none is ever taken away.
     */
    @Test
    void theStableNamesAreTheFirstFormatsAndCoverEveryKind() {
        assertThat(EventFormat.NAMES.keySet()).containsExactlyInAnyOrder("ExerciseStarted", "FeedbackRequested", "FeedbackGiven",
                "ClockStarted", "ClockPaused", "SpeedSet", "ClockJumped", "MoveStarted", "InjectReleased", "InjectWithdrawn",
                "InjectWritten", "InjectAcknowledged", "MessagePosted", "TrackShared", "RfiRequested", "RfiAnswered",
                "AnswerSubmitted", "QuestionRevealed", "RoundOpened", "ObservationRecorded", "ActionItemSaved", "StatementDrafted",
                "StatementAgreed", "DissentNoted", "ExerciseEnded", "PresentationFocused", "PauseScheduled",
                "ObjectiveEvaluated", "FileAttached");
        assertThat(java.util.List.<Object>copyOf(EventFormat.NAMES.values())).containsExactlyInAnyOrder((Object[]) Event.class.getPermittedSubclasses());
    }

    @Test
    void aStoredEventCarriesTheVersionAndReadsBack() {
        Event.Recorded r = new Event.Recorded(7, Instant.parse("2023-11-21T13:42:28Z"), Instant.parse("2023-09-19T01:00:00Z"), KOR,
                new Event.FeedbackGiven("FB-1", "", Map.of("structure", 4), Map.of(), "anon-" + "ab".repeat(16)));
        String stored = EventFormat.write(r);
        assertThat(stored).startsWith("{\"v\":2,\"sequence\":7,");
        assertThat(EventFormat.read(stored)).isEqualTo(r);
    }

    @Test
    void aVersionOneEventIsBroughtUp() {
        String v1 = "{\"sequence\":3,\"scenarioTime\":\"2023-11-14T00:00:00Z\",\"wallTime\":\"2023-09-19T00:00:00Z\","
                + "\"actor\":{\"user\":\"kor1\",\"role\":\"PLAYER\",\"cell\":\"kor\",\"nation\":\"KOR\"},"
                + "\"event\":{\"type\":\"FeedbackGiven\",\"request\":\"FB-1\",\"cell\":\"kor\",\"ratings\":{\"structure\":4},\"comments\":{}}}";
        Event.Recorded r = EventFormat.read(v1);
        assertThat(r.event()).isEqualTo(new Event.FeedbackGiven("FB-1", "kor", Map.of("structure", 4), Map.of(), null));
        assertThat(r.actor()).isEqualTo(KOR);
    }

    @Test
    void aNewerVersionIsRefusedNotMisread() {
        assertThatThrownBy(() -> EventFormat.read("{\"v\":3,\"sequence\":1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event format version 3: this SpaceTTX reads versions 1 to 2 (a log written by a newer version needs that version)");
        assertThatThrownBy(() -> EventLog.read("{\"v\":9,\"sequence\":1}\n", "new.jsonl"))
                .hasMessageContaining("new.jsonl:1").hasMessageContaining("event format version 9");
    }
}
