package org.spacettx.exercise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Exercise;
import org.spacettx.exercise.engine.Item;
import org.spacettx.exercise.engine.Json;
import org.spacettx.exercise.engine.Script;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.policy.Visibility;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;

/** The demo played by its script, reported for each kind of reader and checked against the visibility policy. */
class AfterActionReportTest {

    static final Actor CONTROL = new Actor("control", Actor.Role.CONTROLLER, "control", "");
    static final Actor KOR = new Actor("kor1", Actor.Role.PLAYER, "kor", "KOR");
    static final Actor USA = new Actor("usa1", Actor.Role.PLAYER, "usa", "USA");
    static final Actor OBSERVER = new Actor("observer", Actor.Role.OBSERVER, "observers", "");

    static Scenario demo;
    static Exercise played;
    static TriggerSchedule schedule;

    @BeforeAll
    static void play() throws Exception {
        demo = ScenarioReader.read(Demo.file(), OrekitData.standard()).scenario();
        schedule = TriggerSchedule.compute(demo, OrekitData.standard());
        played = new Exercise(demo, Exercise.scheduledTimes(schedule));
        Script.Run run = Script.run(Files.readString(Demo.file().resolveSibling("rok-us-space-ttx.script.jsonl")),
                "demo.script", played, Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(run.refusals()).isEmpty();
    }

    /** Where Orekit's own TLE propagator puts an element set at a time (ITRF, km). */
    static org.hipparchus.geometry.euclidean.threed.Vector3D orekitKm(org.spacettx.orbit.catalog.ElementSet e, Instant t) {
        OrekitData data = OrekitData.standard();
        return org.orekit.propagation.analytical.tle.TLEPropagator.selectExtrapolator(
                org.spacettx.orbit.catalog.OrekitTle.toTle(e, data.utc()), data.teme())
                .getPVCoordinates(org.spacettx.orbit.catalog.OrekitTle.toDate(t, data.utc()), data.itrf()).getPosition().scalarMultiply(1e-3);
    }

    /**
     * What is still to come is the MSEL's: the evaluators read it by default (as many exercise programmes give it them),
     * and a scenario with {@code evaluators: {msel: false}} keeps it to control. Before, the README said one thing and
     * the report did another, with no say for the scenario.
     */
    @Test
    void theEvaluatorsReadWhatIsStillToComeUnlessTheScenarioSaysOtherwise() throws Exception {
        AfterActionReport byDefault = AfterActionReport.of(demo, played.state(), OBSERVER);
        assertThat(byDefault.spaceEvents()).isNotEmpty();
        assertThat(byDefault.knowledge()).isNotEmpty();
        String closed = Files.readString(Demo.file()).replace("evaluators: {msel: true}", "evaluators: {msel: false}");
        Scenario without = ScenarioReader.parse(closed, Demo.file().getParent(), OrekitData.standard()).scenario();
        assertThat(without.evaluatorsSeeMsel()).isFalse();
        Exercise same = Exercise.replay(without, Exercise.scheduledTimes(schedule), played.log());
        AfterActionReport evaluators = AfterActionReport.of(without, same.state(), OBSERVER);
        assertThat(evaluators.spaceEvents()).isEmpty();
        assertThat(evaluators.knowledge()).isEmpty();
        assertThat(evaluators.objectives()).as("their own evaluation stays").isNotEmpty();
        assertThat(AfterActionReport.of(without, same.state(), CONTROL).spaceEvents()).isNotEmpty();
    }

    @Test
    void controlsCopyHasEverySection() {
        AfterActionReport r = AfterActionReport.of(demo, played.state(), CONTROL);
        assertThat(r.timeline()).hasSize(demo.injects().size());
        assertThat(r.timeline()).isSortedAccordingTo(java.util.Comparator.comparing(AfterActionReport.TimelineEntry::released));
        assertThat(r.objectives()).hasSize(demo.objectives().size());
        assertThat(r.objectives()).anySatisfy(o -> assertThat(o.observations()).isPositive());
        assertThat(r.moves()).hasSize(4);
        // Q1 was answered 70 / 40 then 65 / 60 by the script: divergence 30 % then 5 %, converging by 25 points.
        AfterActionReport.QuestionSection q1 = r.moves().get(0).questions().stream().filter(q -> q.id().equals("Q1")).findFirst().orElseThrow();
        assertThat(q1.rounds()).extracting(AfterActionReport.Round::divergence).containsExactly(0.30, 0.05);
        assertThat(q1.convergence()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.moves().get(0).unifiedUnderstanding()).isBetween(0.0, 100.0);
        assertThat(r.statement().agreedBy()).containsExactly("kor", "usa");
        // the counterspace events the orbital engine computed, in time order, with their burns and fragments
        assertThat(r.spaceEvents()).extracting(AfterActionReport.SpaceEvent::id)
                .containsExactly("uplink-jammer", "seoul-laser", "dmz-jammer", "inspector-approach", "asat-test", "recon-raise");
        java.util.function.Function<String, String> detail = id -> r.spaceEvents().stream().filter(e -> e.id().equals(id))
                .findFirst().orElseThrow().detail().en();
        assertThat(detail.apply("inspector-approach")).contains("33.12 m/s").contains("5.0 km behind ROK EO SAT (EXERCISE)");
        assertThat(detail.apply("asat-test")).contains("collision, 20 kg at 9.0 km/s").contains("1205 fragments");
        assertThat(detail.apply("dmz-jammer")).contains("receivers within 28.4 km lose the signal");
        String korean = ReportHtml.render(r, ReportHtml.Language.KO);
        assertThat(korean).contains("대우주 사건").contains("파편 1205개 궤도 잔류").contains("반경 28.4 km 내 수신기 신호 상실")
                .doesNotContain("1205 fragments").doesNotContain("lose the signal")
                // the kinds of event in words, not the scenario format's ids
                .contains("uplink-jammer (상향링크 재밍)").contains("(지상 재밍)").doesNotContain("uplink_jammer").doesNotContain("ground_jammer");
        assertThat(ReportHtml.render(r, ReportHtml.Language.EN)).contains("uplink-jammer (uplink jammer)").doesNotContain("(uplink_jammer)");
        // the effects' windows: the ones the trigger schedule finds (the demo's uplink jammer bites three times, the laser once)
        for (String id : List.of("uplink-jammer", "seoul-laser")) {
            AfterActionReport.SpaceEvent e = r.spaceEvents().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            assertThat(e.windows()).as(id).isEqualTo(schedule.bites(demo.effects().stream().filter(x -> x.id().equals(id))
                    .findFirst().orElseThrow()));
            e.windows().forEach(w -> assertThat(korean).contains(w.start().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " – "
                    + w.end().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        }
        assertThat(r.spaceEvents().stream().filter(x -> x.id().equals("uplink-jammer")).findFirst().orElseThrow().windows()).hasSize(3);
        assertThat(r.spaceEvents().stream().filter(x -> x.id().equals("seoul-laser")).findFirst().orElseThrow().windows()).hasSize(1);
        // what each delegation's own sensors saw: the schedule's detections and losses, with the delays against the truth
        AfterActionReport.Knowledge usaRecon = r.knowledge().stream().filter(k -> k.cell().equals("usa") && k.object().equals("recon-1"))
                .findFirst().orElseThrow();
        SpaceObject recon = demo.object("recon-1").orElseThrow();
        assertThat(usaRecon.firstDetected()).isEqualTo(schedule.detections().firstDetection("usa", "recon-1", recon.inOrbitFrom()).orElseThrow());
        assertThat(usaRecon.firstDetected()).isEqualTo(schedule.timeOf(9).orElseThrow());
        assertThat(usaRecon.detectedAfter()).isEqualTo(java.time.Duration.between(recon.inOrbitFrom(), usaRecon.firstDetected()));
        AfterActionReport.Knowledge korInspector = r.knowledge().stream().filter(k -> k.cell().equals("kor") && k.object().equals("inspector"))
                .findFirst().orElseThrow();
        assertThat(korInspector.lost()).isEqualTo(schedule.timeOf(30).orElseThrow());
        assertThat(korInspector.lostReason()).isEqualTo("maneuver");
        assertThat(korInspector.lostAfterBurn()).isEqualTo(java.time.Duration.between(
                demo.object("inspector").orElseThrow().later().get(0).epoch(), korInspector.lost()));
        assertThat(r.knowledge()).hasSize(2 * (demo.objects().size() + demo.breakups().size()));
        // the satellite the ASAT test destroyed is gone, not lost: no loss of custody after its breakup
        Instant destroyed = demo.object("ru-defunct").orElseThrow().destroyedAt();
        assertThat(r.knowledge()).filteredOn(k -> k.object().equals("ru-defunct") && k.lost() != null)
                .allSatisfy(k -> assertThat(k.lost()).isBefore(destroyed));
        // the debris: first seen when a sensor first observes a fragment, minutes after the breakup
        org.spacettx.exercise.scenario.Breakup asat = demo.breakups().get(0);
        AfterActionReport.Knowledge korDebris = r.knowledge().stream().filter(k -> k.cell().equals("kor") && k.object().equals(asat.id()))
                .findFirst().orElseThrow();
        assertThat(korDebris.firstDetected()).isEqualTo(schedule.detections().firstDebrisDetection("kor", asat.id()).orElseThrow());
        assertThat(korDebris.detectedAfter()).isEqualTo(java.time.Duration.between(asat.time(), korDebris.firstDetected()));
        assertThat(ReportHtml.render(r, ReportHtml.Language.EN)).contains("18 min after the breakup");
        assertThat(korean).contains("각 대표단 자체 센서의 관측").contains("예측 위치에서 벗어남: 기동").contains("1 h 9 min (기동 후)");
        assertThat(ReportHtml.render(r, ReportHtml.Language.EN)).contains("What each delegation&#39;s own sensors saw")
                .contains("5 h 49 min after insertion");
        // the tracks the US shared in the rehearsal (MALLIGYONG-1 at 20:00 on 21 Nov, before the ROK sensors saw it; the
        // inspector after its burns), each carrying the US sensors' latest observation by then
        assertThat(r.shares()).extracting(AfterActionReport.ShareLine::object).containsExactly("recon-1", "inspector");
        for (AfterActionReport.ShareLine t : r.shares()) {
            assertThat(List.of(t.fromCell(), t.toCell(), t.marking())).containsExactly("usa", "kor", "REL TO KOR, USA");
            SpaceObject o = demo.object(t.object()).orElseThrow();
            assertThat(t.observedAt()).isEqualTo(schedule.detections().track("usa", o).latestBy(t.time()).orElseThrow().latestBy(t.time()));
        }
        assertThat(r.shares().get(0).time()).isBefore(schedule.detections().firstDetection("kor", "recon-1", recon.inOrbitFrom()).orElseThrow());
        // what each delegation held when it answered: one row per move and delegation; the inspector off the truth in
        // the ROK picture between its unseen burn and the US share, never after the share
        assertThat(r.knowledgeByMove()).hasSize(2 * demo.moves().size());
        Instant burn = Instant.parse("2023-11-24T01:02:17.852Z");
        Instant shared = r.shares().get(1).time();
        for (AfterActionReport.MoveKnowledge k : r.knowledgeByMove()) {
            boolean inspectorOff = k.off().stream().anyMatch(g -> g.object().en().startsWith("RU INSPECTOR"));
            k.off().forEach(g -> assertThat(g.offsetKm()).isGreaterThan(AfterActionReport.OFF_KM));
            if (k.cell().equals("kor") && k.move().equals("M2")) {
                // the rehearsal's ROK answers of move 2 come after the burn: the inspector is where the element set before it
                // puts it, as far from the truth as Orekit's TLE propagator puts the two element sets apart
                assertThat(k.at()).isAfter(burn).isBefore(shared);
                SpaceObject inspector = demo.object("inspector").orElseThrow();
                double expected = orekitKm(inspector.elements(), k.at()).distance(orekitKm(inspector.elementsAt(k.at()), k.at()));
                assertThat(k.off()).singleElement().satisfies(g -> assertThat(g.offsetKm())
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01)));
            }
            if (k.cell().equals("kor") && k.at().isAfter(shared)) {
                assertThat(inspectorOff).as("kor at %s, after the share", k.at()).isFalse();
            }
            assertThat(k.unknown()).as("every delegation knows what is in orbit when it answers").isEmpty();
        }
        assertThat(r.knowledgeByMove()).anySatisfy(k -> assertThat(k.off()).isNotEmpty());
        assertThat(korean).contains("대표단 간 공유된 추적 정보").contains("각 대표단이 답변할 때의 인식");
        assertThat(ReportHtml.render(r, ReportHtml.Language.EN)).contains("Tracks shared between delegations")
                .contains("RU INSPECTOR (EXERCISE) (");
        assertThat(r.improvementPlan()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.originMove()).isEqualTo("M4");
            assertThat(a.originInject()).isEqualTo(24); // "Action items to the working group"
        });
        assertThat(r.observations()).isNotEmpty();
        // the script's evaluator rated O1 S, its two criteria met and partly met
        assertThat(r.objectives().getFirst().evaluations()).singleElement().satisfies(e -> {
            assertThat(e.rating()).isEqualTo("S");
            assertThat(e.criteria()).containsExactly("met", "partly");
        });

        String html = ReportHtml.render(r, ReportHtml.Language.BOTH);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("After-action report and improvement plan")
                .contains("사후 강평 보고서").contains("Unified-understanding index").contains("class=\"chart\"")
                .contains("Improvement plan").contains("Joint statement").contains(demo.banner())
                .doesNotContain("<script").doesNotContainPattern("(src|href)=\"[a-z]+:").doesNotContain("url(");
        // banner at the top and at the bottom
        assertThat(html.split("class=\"banner\"", -1)).hasSize(3);
        // one bar per move whose index is measured
        assertThat(html.split("class=\"bar\"", -1)).hasSize(1 + (int) r.moves().stream()
                .filter(m -> !Double.isNaN(m.unifiedUnderstanding())).count());
    }

    @Test
    void thePageIsWellFormedXml() throws Exception {
        for (ReportHtml.Language language : ReportHtml.Language.values()) {
            String html = ReportHtml.render(AfterActionReport.of(demo, played.state(), CONTROL), language);
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(html)));
            assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
            assertThat(doc.getElementsByTagName("section").getLength()).as(language.name()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aDelegationsCopyHoldsExactlyWhatThePolicyLetsItSee() {
        Visibility policy = new Visibility(demo);
        for (Actor reader : List.of(KOR, USA, OBSERVER)) {
            AfterActionReport r = AfterActionReport.of(demo, played.state(), reader);
            // a delegation learns of manoeuvres and breakups through injects alone
            assertThat(r.spaceEvents()).as(reader.cell()).hasSize(reader.role() == Actor.Role.OBSERVER ? 6 : 0);
            assertThat(r.knowledge()).as(reader.cell()).hasSize(reader.role() == Actor.Role.OBSERVER ? 12 : 0);
            assertThat(r.knowledgeByMove()).as(reader.cell()).hasSize(reader.role() == Actor.Role.OBSERVER ? 8 : 0);
            // the shares are releasable to both nations: both delegations and the evaluators read them
            assertThat(r.shares()).as(reader.cell()).hasSize(2);
            Set<Integer> expected = played.state().released().values().stream().filter(x -> policy.canSee(reader, x))
                    .map(x -> x.inject().number()).collect(Collectors.toSet());
            assertThat(r.timeline().stream().map(AfterActionReport.TimelineEntry::number).collect(Collectors.toSet()))
                    .as(reader.cell()).isEqualTo(expected);
            String html = ReportHtml.render(r, ReportHtml.Language.EN);
            String htmlKo = ReportHtml.render(r, ReportHtml.Language.KO);
            for (Inject i : demo.injects()) {
                if (!expected.contains(i.number())) {
                    assertThat(html).as("%s's copy must not carry inject %d", reader.cell(), i.number())
                            .doesNotContain(ReportHtml.escape(i.subject().en()));
                    assertThat(htmlKo).doesNotContain(ReportHtml.escape(i.subject().ko()));
                }
            }
            for (AfterActionReport.MoveSection m : r.moves()) {
                for (AfterActionReport.QuestionSection q : m.questions()) {
                    for (AfterActionReport.Round round : q.rounds()) {
                        for (AfterActionReport.AnswerLine a : round.answers()) {
                            Item.SubmittedAnswer source = played.state().answers().stream()
                                    .filter(x -> x.question().equals(q.id()) && x.round() == round.round() && x.cell().equals(a.cell()))
                                    .findFirst().orElseThrow();
                            assertThat(policy.canSee(reader, source)).isTrue();
                        }
                    }
                }
            }
            if (reader.role() == Actor.Role.PLAYER) {
                assertThat(r.objectives()).isEmpty();
                assertThat(r.observations()).isEmpty();
                assertThat(html).doesNotContain("Objectives and evaluation");
            }
        }
        // The delegations saw different things: some inject is KOR ONLY and one USA ONLY.
        assertThat(AfterActionReport.of(demo, played.state(), KOR).timeline())
                .isNotEqualTo(AfterActionReport.of(demo, played.state(), USA).timeline());
    }

    @Test
    void theJsonFormReadsBackToTheSameReport() {
        AfterActionReport r = AfterActionReport.of(demo, played.state(), CONTROL);
        String json = Json.write(r);
        assertThat(Json.read(json, AfterActionReport.class)).isEqualTo(r);
        assertThat(json).contains("\"timeline\"").contains("\"improvementPlan\"");
    }

    @Test
    void playerTextIsEscaped() {
        assertThat(ReportHtml.escape("<img src=x onerror=alert(1)> & \"q\" 'a'"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39;");
    }
}
