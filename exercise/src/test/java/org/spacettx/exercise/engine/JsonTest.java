package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.Confidence;
import org.spacettx.exercise.scenario.Marking;

class JsonTest {

    @Test
    void everyEventKindRoundTrips() {
        Actor kor = new Actor("kor1", Actor.Role.PLAYER, "kor", "KOR");
        List<Event> events = List.of(new Event.ExerciseStarted("demo"), new Event.ClockStarted(), new Event.ClockPaused(),
                new Event.SpeedSet(60), new Event.ClockJumped(Instant.parse("2023-11-21T12:00:00Z"), "M2"),
                new Event.PauseScheduled(Instant.parse("2023-11-22T03:00:00Z")), new Event.PauseScheduled(null),
                new Event.MoveStarted("M2"), new Event.InjectReleased(8, Instant.parse("2023-11-21T13:42:28Z"), "launch"),
                new Event.InjectWithdrawn(8, "error"), new Event.InjectAcknowledged(8, "kor"),
                new Event.InjectWritten(26, "M2", List.of("kor"), "phone-call", Marking.parse("KOR ONLY"),
                        org.spacettx.exercise.scenario.Text.of("Call", "전화"), org.spacettx.exercise.scenario.Text.of("Now.", "지금."),
                        org.spacettx.exercise.scenario.Text.EMPTY, Instant.parse("2023-11-22T00:00:00Z")),
                new Event.MessagePosted("MSG-1", "kor", "usa", "hello", Marking.parse("REL TO USA, KOR")),
                new Event.TrackShared("TRK-1", "usa", "kor", "recon-1", Instant.parse("2023-11-21T19:50:00Z"), "kwajalein-radar",
                        Marking.parse("REL TO USA, KOR")),
                new Event.RfiRequested("RFI-1", "kor", "what?", Marking.parse("KOR ONLY")), new Event.RfiAnswered("RFI-1", "this"),
                new Event.AnswerSubmitted("Q6", "kor", 1, new AnswerValue.Choices(Set.of("osan", "kadena")), Confidence.HIGH, ""),
                new Event.AnswerSubmitted("Q1", "kor", 2, new AnswerValue.Number(70), Confidence.LOW, "why"),
                new Event.QuestionRevealed("Q1", 1), new Event.RoundOpened("Q1", 2),
                new Event.ObservationRecorded("OBS-1", "O1", null, 4, "good", "observer"),
                new Event.ObjectiveEvaluated("O1", "observer", "S", java.util.List.of("met", "partly"), "quick", ""),
                new Event.FileAttached(2, new AttachedFile("crane.png", "image/png", "a".repeat(64), 1200)),
                new Event.ActionItemSaved("AI1", "t", "KOR", LocalDate.of(2024, 3, 31), "open", 24),
                new Event.StatementDrafted("text"), new Event.StatementAgreed("kor"), new Event.DissentNoted("usa", "no"),
                new Event.PresentationFocused("inject", "1"), new Event.FeedbackRequested("FB-1", "M1", true),
                new Event.FeedbackGiven("FB-1", "kor", java.util.Map.of("structure", 4), java.util.Map.of("strengths", "clear"), null),
                new Event.ExerciseEnded());
        assertThat(events.stream().map(Object::getClass).distinct()).hasSize(Event.class.getPermittedSubclasses().length);
        long seq = 1;
        for (Event e : events) {
            Event.Recorded r = new Event.Recorded(seq++, Instant.parse("2023-11-21T13:42:28Z"),
                    Instant.parse("2023-09-19T01:00:00Z"), kor, e);
            String json = Json.write(r);
            assertThat(Json.read(json, Event.Recorded.class)).as(json).isEqualTo(r);
        }
        assertThat(Json.write(new Event.InjectReleased(8, Instant.parse("2023-11-21T13:42:28Z"), "launch")))
                .isEqualTo("{\"type\":\"InjectReleased\",\"number\":8,\"at\":\"2023-11-21T13:42:28Z\",\"reason\":\"launch\"}");
    }

    @Test
    void badJsonIsExplained() {
        assertThatThrownBy(() -> Json.read("{\"type\":\"LaunchMissiles\"}", Command.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LaunchMissiles");
        assertThatThrownBy(() -> Json.read("{\"type\":\"PostMessage\",\"toCell\":\"usa\",\"body\":\"x\",\"marking\":\"SECRET\"}",
                Command.class)).hasMessageContaining("not a releasability marking");
    }
}
