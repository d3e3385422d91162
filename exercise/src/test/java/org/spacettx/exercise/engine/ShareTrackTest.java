package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.policy.EventVisibility;
import org.spacettx.exercise.scenario.Marking;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

/**
 * Sharing a track is an act: a delegation gives an ally its sensors' latest observation of an object, under a marking
 * both nations may read; it is an event (in the log, the replay and every reader's view as the marking allows), the
 * ally knows the object from then on, and it is refused when it cannot be made (no observation yet, no sensors, a
 * marking that would leak, a recipient that is not a delegation, a caller who is not a player).
 */
class ShareTrackTest {

    static Scenario demo;
    static final Instant WALL = Instant.parse("2023-09-19T00:00:00Z");
    static final Marking BOTH = Marking.parse("REL TO USA, KOR");

    @BeforeAll
    static void load() {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
    }

    /** The demo at 20:00 on 21 Nov: the US sensors have seen MALLIGYONG-1 (19:42), the ROK ones not yet (00:19). */
    static Exercise at2000() {
        Exercise ex = new Exercise(demo, Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard())));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.StartExercise());
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.JumpToMove("M2")); // 21 Nov 12:00
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.SetSpeed(3600));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL, new Command.StartClock());
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, WALL.plusSeconds(8), new Command.PauseClock());
        assertThat(ex.state().scenarioTimeAt(WALL.plusSeconds(9))).isEqualTo(Instant.parse("2023-11-21T20:00:00Z"));
        return ex;
    }

    static String refusal(Exercise ex, Actor actor, Command c) {
        Outcome o = ex.handle(actor, WALL.plusSeconds(9), c);
        assertThat(o).as("%s by %s", c, actor.cell()).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) o).reason();
    }

    @Test
    void aSharedTrackReachesTheAllyAndIsInTheLog() {
        Exercise ex = at2000();
        Instant now = Instant.parse("2023-11-21T20:00:00Z");
        Detections seen = Detections.compute(demo, OrekitData.standard());
        org.spacettx.exercise.scenario.SpaceObject recon = demo.object("recon-1").orElseThrow();
        CellKnowledge before = new CellKnowledge(seen, ex.state().sharedTracks());
        assertThat(ex.visibility().knows(DemoPlayTest.KOR, recon, now, before)).isFalse();
        assertThat(ex.visibility().knows(DemoPlayTest.USA, recon, now, before)).isTrue();

        DemoPlayTest.accept(ex, DemoPlayTest.USA, WALL.plusSeconds(9), new Command.ShareTrack("recon-1", "kor", BOTH));
        Item.SharedTrack track = ex.state().sharedTracks().get(0);
        Detections.Fix fix = seen.track("usa", recon).latestBy(now).orElseThrow();
        assertThat(track.observedAt()).isEqualTo(fix.latestBy(now));
        assertThat(track.sensor()).isEqualTo(fix.sensor());
        assertThat(track.scenarioTime()).isEqualTo(now);
        assertThat(List.of(track.fromCell(), track.toCell(), track.object())).containsExactly("usa", "kor", "recon-1");

        CellKnowledge after = new CellKnowledge(seen, ex.state().sharedTracks());
        assertThat(ex.visibility().knows(DemoPlayTest.KOR, recon, now, after)).isTrue();
        assertThat(ex.visibility().knows(Actor.ROOM, recon, now, after)).isTrue(); // every delegation knows it now
        assertThat(after.estimate("kor", recon, now).orElseThrow().source()).isEqualTo("shared:usa");

        // who reads it: both cells and control; the observers (no nation) as the marking is releasable to every delegation;
        // never the room's screen
        assertThat(ex.visibility().canSee(DemoPlayTest.KOR, track)).isTrue();
        assertThat(ex.visibility().canSee(DemoPlayTest.USA, track)).isTrue();
        assertThat(ex.visibility().canSee(DemoPlayTest.CONTROL, track)).isTrue();
        assertThat(ex.visibility().canSee(DemoPlayTest.OBSERVER, track)).isTrue();
        assertThat(ex.visibility().canSee(Actor.ROOM, track)).isFalse();
        Event.Recorded recorded = ex.log().get(ex.log().size() - 1);
        assertThat(recorded.event()).isInstanceOf(Event.TrackShared.class);
        assertThat(recorded.actor()).isEqualTo(DemoPlayTest.USA);
        EventVisibility events = new EventVisibility(ex.visibility());
        assertThat(events.canSee(Actor.ROOM, recorded, ex.state())).isFalse();
        assertThat(events.canSee(DemoPlayTest.KOR, recorded, ex.state())).isTrue();

        // the log replays to the same state, and a checked replay accepts it
        Exercise again = Exercise.replayChecked(demo, Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard())),
                ex.log(), "log");
        assertThat(again.state().snapshot()).isEqualTo(ex.state().snapshot());
    }

    @Test
    void aTrackUnderAOneNationMarkingStaysWithItsCells() {
        Exercise ex = at2000();
        // USA ONLY is not releasable to the ROK delegation: refused, whatever the recipient's need
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.ShareTrack("recon-1", "kor", Marking.parse("USA ONLY"))))
                .contains("releasable");
        assertThat(ex.state().sharedTracks()).isEmpty();
    }

    @Test
    void whatCannotBeSharedIsRefused() {
        Exercise ex = at2000();
        // the ROK delegation has not seen the new satellite yet: it is answered as one that does not exist (on main
        // before, "your sensors have not observed recon-1" told it there was one)
        assertThat(refusal(ex, DemoPlayTest.KOR, new Command.ShareTrack("recon-1", "usa", BOTH)))
                .isEqualTo(refusal(ex, DemoPlayTest.KOR, new Command.ShareTrack("nothing-1", "usa", BOTH)).replace("nothing-1", "recon-1"))
                .isEqualTo("object 'recon-1' does not exist");
        assertThat(refusal(ex, DemoPlayTest.CONTROL, new Command.ShareTrack("recon-1", "kor", BOTH))).contains("players");
        assertThat(refusal(ex, DemoPlayTest.OBSERVER, new Command.ShareTrack("recon-1", "kor", BOTH))).contains("players");
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.ShareTrack("recon-1", "usa", BOTH))).contains("another delegation");
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.ShareTrack("recon-1", "control", BOTH))).contains("another delegation");
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.ShareTrack("recon-1", "nobody", BOTH))).contains("does not exist");
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.ShareTrack("nothing", "kor", BOTH))).contains("does not exist");
        assertThat(refusal(ex, DemoPlayTest.USA, new Command.ShareTrack("recon-1", "kor", null))).contains("marking");
        assertThat(ex.state().sharedTracks()).isEmpty();
    }

    @Test
    void aSharedTrackFromOutsideMustHaveBeenPossible() {
        Exercise ex = at2000();
        DemoPlayTest.accept(ex, DemoPlayTest.USA, WALL.plusSeconds(9), new Command.ShareTrack("recon-1", "kor", BOTH));
        List<Event.Recorded> log = new java.util.ArrayList<>(ex.log());
        Event.Recorded last = log.remove(log.size() - 1);
        Event.TrackShared e = (Event.TrackShared) last.event();
        // an observation after the share (clairvoyance) is refused by a checked replay
        log.add(new Event.Recorded(last.sequence(), last.scenarioTime(), last.wallTime(), last.actor(), new Event.TrackShared(e.id(),
                e.fromCell(), e.toCell(), e.object(), last.scenarioTime().plusSeconds(60), e.sensor(), e.marking())));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Exercise.replayChecked(demo,
                Exercise.scheduledTimes(TriggerSchedule.compute(demo, OrekitData.standard())), log, "log"))
                .hasMessageContaining("observation made after it was shared");
    }
}
