package org.spacettx.exercise.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Detections;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.orbit.data.OrekitData;

/**
 * Who knows of the demo's new satellite when: control always; a delegation from its own sensors' first sighting
 * (the US at 19:42:16.945, the ROK at 00:19:51.708 the next day), not a second before; the evaluators from insertion;
 * the room once both delegations know it; a satellite in orbit before the exercise, everyone from the start. Without
 * sensors a delegation knows a satellite from its insertion.
 */
class KnowledgeVisibilityTest {

    static final Actor CONTROL = new Actor("control", Actor.Role.CONTROLLER, "control", "");
    static final Actor KOR = new Actor("kor1", Actor.Role.PLAYER, "kor", "KOR");
    static final Actor USA = new Actor("usa1", Actor.Role.PLAYER, "usa", "USA");
    static final Actor OBSERVER = new Actor("observer", Actor.Role.OBSERVER, "observers", "");
    static final Actor ROOM = new Actor("room", Actor.Role.ROOM, "", "");

    @Test
    void aDelegationKnowsANewSatelliteFromItsOwnFirstSighting() {
        Scenario demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        Detections seen = Detections.compute(demo, OrekitData.standard());
        Visibility v = new Visibility(demo);
        SpaceObject recon = demo.object("recon-1").orElseThrow();
        Instant insertion = recon.inOrbitFrom();
        Instant usa = seen.firstDetection("usa", "recon-1", insertion).orElseThrow();
        Instant kor = seen.firstDetection("kor", "recon-1", insertion).orElseThrow();
        assertThat(usa).isBefore(kor);
        assertThat(v.knows(CONTROL, recon, insertion.minusSeconds(3600), seen)).isTrue();
        assertThat(v.knows(OBSERVER, recon, insertion.minusMillis(1), seen)).isFalse();
        assertThat(v.knows(OBSERVER, recon, insertion, seen)).isTrue();
        assertThat(v.knows(USA, recon, usa.minusMillis(1), seen)).isFalse();
        assertThat(v.knows(USA, recon, usa, seen)).isTrue();
        assertThat(v.knows(KOR, recon, usa, seen)).isFalse();
        assertThat(v.knows(KOR, recon, kor.minusMillis(1), seen)).isFalse();
        assertThat(v.knows(KOR, recon, kor, seen)).isTrue();
        assertThat(v.knows(ROOM, recon, usa, seen)).isFalse();
        assertThat(v.knows(ROOM, recon, kor, seen)).isTrue();
        SpaceObject rokEo = demo.object("rok-eo").orElseThrow();
        for (Actor a : new Actor[] {KOR, USA, OBSERVER, ROOM}) {
            assertThat(v.knows(a, rokEo, demo.start(), seen)).as(a.user()).isTrue();
        }
        assertThat(v.knows(KOR, recon, insertion, Knowledge.NONE)).isTrue();
        assertThat(v.knows(KOR, recon, insertion.minusMillis(1), Knowledge.NONE)).isFalse();

        // a breakup's debris: each delegation from its sensors' first fragment, the room from the later, the evaluators
        // from the breakup
        org.spacettx.exercise.scenario.Breakup asat = demo.breakups().get(0);
        Instant usaDebris = seen.firstDebrisDetection("usa", asat.id()).orElseThrow();
        Instant korDebris = seen.firstDebrisDetection("kor", asat.id()).orElseThrow();
        assertThat(usaDebris).isAfter(asat.time()).isBefore(korDebris);
        assertThat(v.knowsBreakup(CONTROL, asat, asat.time().minusSeconds(60), seen)).isTrue();
        assertThat(v.knowsBreakup(OBSERVER, asat, asat.time().minusMillis(1), seen)).isFalse();
        assertThat(v.knowsBreakup(OBSERVER, asat, asat.time(), seen)).isTrue();
        assertThat(v.knowsBreakup(USA, asat, usaDebris.minusMillis(1), seen)).isFalse();
        assertThat(v.knowsBreakup(USA, asat, usaDebris, seen)).isTrue();
        assertThat(v.knowsBreakup(KOR, asat, korDebris.minusMillis(1), seen)).isFalse();
        assertThat(v.knowsBreakup(KOR, asat, korDebris, seen)).isTrue();
        assertThat(v.knowsBreakup(ROOM, asat, korDebris.minusMillis(1), seen)).isFalse();
        assertThat(v.knowsBreakup(ROOM, asat, korDebris, seen)).isTrue();
        assertThat(v.knowsBreakup(KOR, asat, asat.time(), Knowledge.NONE)).isTrue();
    }
}
