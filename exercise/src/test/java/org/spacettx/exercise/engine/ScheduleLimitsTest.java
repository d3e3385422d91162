package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.spacettx.exercise.Demo;
import org.spacettx.exercise.scenario.Limits;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.ScenarioProblem;
import org.spacettx.exercise.scenario.ScenarioReader;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.parallel.WorkLimit;

/**
 * The work one scenario may ask for is bounded before and while it is computed: a span longer than the limit is an
 * error at the scenario's {@code end} (a century-long scenario once filled a 6 GB heap while its schedule was
 * computed); the states a schedule would propagate are counted first and refused above the budget; the computation
 * stops at its time limit, and at once when whoever asked for it cancels it.
 */
class ScheduleLimitsTest {

    static final OrekitData DATA = OrekitData.standard();

    /** The demo stretched to a century. */
    static String century() {
        return Demo.text().replace("end: 2023-11-29T00:00:00Z", "end: 2123-11-29T00:00:00Z");
    }

    @Test
    void aCenturyIsAnErrorAtTheScenariosEndNamingTheLimit() {
        long started = System.nanoTime();
        ScenarioReader.Result read = ScenarioReader.parse(century(), null, DATA);
        assertThat(read.ok()).isFalse();
        ScenarioProblem p = read.errors().get(0);
        assertThat(p.path()).isEqualTo("end");
        assertThat(p.line()).isEqualTo(21);
        assertThat(p.message()).isEqualTo("the scenario spans 36539 days; at most 60 days are allowed (max-scenario-days):"
                + " every object is computed over the whole span");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        // a server that allows longer scenarios reads it
        Limits long_ = Limits.DEFAULT.withSpan(Duration.ofDays(40_000));
        assertThat(ScenarioReader.parse(century(), null, DATA, long_).ok()).isTrue();
    }

    @Test
    void theStatesAScheduleWouldPropagateAreCountedFirstAndRefusedAboveTheBudget() {
        Limits longSpan = Limits.DEFAULT.withSpan(Duration.ofDays(40_000));
        Scenario scenario = ScenarioReader.parse(century(), null, DATA, longSpan).scenario();
        TriggerSchedule.Work work = TriggerSchedule.work(scenario);
        // 2023-11-14 to 2123-11-29 every 60 s, for each object
        long grid = 36_539L * 1440 + 1;
        long started = System.nanoTime();
        assertThatThrownBy(() -> TriggerSchedule.compute(scenario, DATA, longSpan)).isInstanceOfSatisfying(Limits.Exceeded.class,
                e -> {
                    assertThat(e.limit()).isEqualTo(Limits.SKY);
                    assertThat(e.getMessage()).isEqualTo("the scenario's sky (its " + scenario.objects().size() + " objects every 60 s over"
                            + " 36539 days, kept while the exercise runs) would hold " + String.format("%,d", scenario.objects().size() * grid)
                            + " states; at most 20,000,000 are allowed (max-sky-samples)");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused before computing").isLessThan(Duration.ofSeconds(1));
        // with room for the sky, the whole computation's count is refused
        Limits bigSky = longSpan.withSamples(Long.MAX_VALUE, Limits.DEFAULT.scheduleSamples());
        assertThatThrownBy(() -> TriggerSchedule.compute(scenario, DATA, bigSky)).isInstanceOfSatisfying(Limits.Exceeded.class, e -> {
            assertThat(e.limit()).isEqualTo(Limits.SAMPLES);
            assertThat(e.getMessage()).startsWith("computing the schedule would propagate " + String.format("%,d", work.samples()) + " states (")
                    .contains(scenario.objects().size() + " objects over 36539 days: " + String.format("%,d", scenario.objects().size() * grid))
                    .endsWith("at most 300,000,000 are allowed (max-schedule-samples)");
        });
    }

    @Test
    void theDemoIsWellWithinTheDefaultsAndItsCountMatchesTheSkyItSamples() {
        Scenario demo = ScenarioReader.read(Demo.file(), DATA).scenario();
        TriggerSchedule.Work work = TriggerSchedule.work(demo);
        TriggerSchedule schedule = TriggerSchedule.compute(demo, DATA);
        long sky = (long) demo.objects().size() * schedule.sky().gridCount();
        assertThat(work.parts()).startsWith(demo.objects().size() + " objects over 15 days: " + String.format("%,d", sky) + ";");
        assertThat(work.sky()).isEqualTo(sky);
        assertThat(work.samples()).isGreaterThan(sky).isLessThan(Limits.DEFAULT.scheduleSamples() / 10);
    }

    @Test
    void theComputationStopsAtItsTimeLimit() {
        Scenario demo = ScenarioReader.read(Demo.file(), DATA).scenario();
        Limits quick = Limits.DEFAULT.withComputeTime(Duration.ofMillis(50));
        long started = System.nanoTime();
        assertThatThrownBy(() -> TriggerSchedule.compute(demo, DATA, quick)).isInstanceOfSatisfying(Limits.Exceeded.class, e -> {
            assertThat(e.limit()).isEqualTo(Limits.TIME);
            assertThat(e.getMessage()).isEqualTo("computing the schedule took longer than 0 s and was stopped (max-compute-seconds)");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void whoeverAskedCanCancelItAndEveryWorkerThreadStops() throws Exception {
        Scenario demo = ScenarioReader.read(Demo.file(), DATA).scenario();
        WorkLimit asked = WorkLimit.of("the validation", Duration.ofMinutes(5));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                asked.run(() -> TriggerSchedule.compute(demo, DATA));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        Thread.sleep(300);
        long cancelled = System.nanoTime();
        asked.cancel();
        worker.join(10_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(3));
        assertThat(outcome.get()).isInstanceOfSatisfying(WorkLimit.Stopped.class, s -> {
            assertThat(s.cancelled()).isTrue();
            assertThat(s.by()).isSameAs(asked);
            assertThat(s.getMessage()).isEqualTo("the validation was cancelled");
        });
        // and nothing of it runs on: no thread of Parallel's pools is left busy
        Thread.sleep(200);
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("pool-") && t.isAlive()
                && t.getState() == Thread.State.RUNNABLE)).isEmpty();
    }
}
