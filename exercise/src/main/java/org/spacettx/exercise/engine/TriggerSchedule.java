package org.spacettx.exercise.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.spacettx.exercise.scenario.Breakup;
import org.spacettx.exercise.scenario.Cell;
import org.spacettx.exercise.scenario.Effect;
import org.spacettx.exercise.scenario.Maneuver;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Limits;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.SpaceObject;
import org.spacettx.exercise.scenario.Text;
import org.spacettx.exercise.scenario.Trigger;
import org.spacettx.orbit.access.OverflightFinder;
import org.spacettx.orbit.access.Pass;
import org.spacettx.orbit.access.PassFinder;
import org.spacettx.orbit.access.Sensor;
import org.spacettx.orbit.access.Target;
import org.spacettx.orbit.access.Topocentric;
import org.spacettx.orbit.access.Window;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.conjunction.CloseApproachFinder;
import org.spacettx.orbit.conjunction.Conjunction;
import org.spacettx.orbit.conjunction.CollisionProbability;
import org.spacettx.orbit.conjunction.Screening;
import org.spacettx.orbit.conjunction.SegmentedScreening;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.effects.UplinkJammer;
import org.spacettx.orbit.parallel.WorkLimit;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.Ephemeris;

/**
 * When each inject of a scenario will be released if nobody intervenes: scenario times for time triggers, and for
 * orbital triggers the times the orbital engine computes (first overflight, pass, launch, close approach, predicted
 * conjunction). Manual
 * and answer-dependent injects have no time here; injects waiting on those inherit that.
 */
public final class TriggerSchedule {

    /** An inject's scheduled release, or empty with the reason it has none. */
    /** An inject's computed release time (empty: it waits for control, an answer, or an event that never comes) and why, in both languages. */
    public record Entry(Inject inject, Optional<Instant> time, Text basis) {
    }

    private final Map<Integer, Entry> entries;
    private final Ephemerides sky;
    private final Scenario scenario;
    private final Map<String, Ephemeris> byId;

    private TriggerSchedule(Map<Integer, Entry> entries, Ephemerides sky, Scenario scenario, Map<String, Ephemeris> byId,
                            java.util.function.Supplier<Detections> detections) {
        this.detections = detections;
        this.entries = entries;
        this.sky = sky;
        this.scenario = scenario;
        this.byId = byId;
    }

    /**
     * When an effect bites, within its active span: the ground jammer's whole span; the uplink jammer's windows in
     * its satellite's beam, with the closest range and the jamming then; the laser site's imaging windows by its
     * satellite. Windows that straddle the span's ends are cut at them.
     */
    public record Bite(Instant start, Instant end, double closestKm, double jammingDbw) {
    }

    public List<Bite> bites(Effect effect) {
        return bites(effect, scenario, sky, byId);
    }

    /**
     * The same bites without a schedule (for the report): the effect's satellite alone sampled on the schedule's grid
     * (the scenario's span every 60 s), so that the windows are the ones the schedule finds.
     */
    public static List<Bite> bites(Effect effect, Scenario scenario, OrekitData data) {
        String target = switch (effect) {
            case Effect.Ground g -> null;
            case Effect.Uplink u -> u.object();
            case Effect.Laser l -> l.object();
        };
        ScenarioSky sky = ScenarioSky.of(scenario, o -> o.id().equals(target), data);
        return bites(effect, scenario, sky.ephemerides(), sky.byId());
    }

    private static List<Bite> bites(Effect effect, Scenario scenario, Ephemerides sky, Map<String, Ephemeris> byId) {
        List<Bite> out = new ArrayList<>();
        switch (effect) {
            case Effect.Ground g -> out.add(new Bite(g.from(), g.to(), Double.NaN, Double.NaN));
            case Effect.Uplink u -> {
                SpaceObject o = scenario.object(u.object()).orElseThrow();
                for (UplinkJammer.Exposure x : u.jammer().exposures(sky, byId.get(u.object()), u.site(), 0)) {
                    if (o.inOrbitAt(x.window().start())) {
                        out.add(new Bite(x.window().start(), x.window().end(), x.closestRangeKm(), x.peakJammingDbw()));
                    }
                }
            }
            case Effect.Laser l -> {
                SpaceObject o = scenario.object(l.object()).orElseThrow();
                for (Window w : OverflightFinder.find(sky, byId.get(l.object()), Target.of(l.site()), Sensor.parse(o.sensorSpec()))) {
                    if (o.inOrbitAt(w.start())) {
                        out.add(new Bite(w.start(), w.end(), Double.NaN, Double.NaN));
                    }
                }
            }
        }
        List<Bite> clipped = new ArrayList<>();
        for (Bite b : out) {
            Instant start = later(b.start(), effect.from());
            Instant end = b.end().isAfter(effect.to()) ? effect.to() : b.end();
            if (start.isBefore(end)) {
                clipped.add(new Bite(start, end, b.closestKm(), b.jammingDbw()));
            }
        }
        return clipped;
    }

    private final java.util.function.Supplier<Detections> detections;

    /** What every cell's own sensors see of every object over the scenario (computed once, when first asked). */
    public Detections detections() {
        return detections.get();
    }

    /** The space picture of the scenario, sampled over its whole span (shared with the schedule's searches). */
    public Ephemerides sky() {
        return sky;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Instant> timeOf(int injectNumber) {
        Entry e = entries.get(injectNumber);
        return e == null ? Optional.empty() : e.time();
    }

    /** The schedule under the default limits ({@link Limits#DEFAULT}). */
    public static TriggerSchedule compute(Scenario scenario, OrekitData data) {
        return compute(scenario, data, Limits.DEFAULT);
    }

    /**
     * The schedule of a scenario, within limits: its span, the states it would propagate ({@link #work}, counted
     * before anything is computed) and the time it takes (stopped past it, or when the caller's {@link WorkLimit} is
     * cancelled).
     *
     * @throws Limits.Exceeded naming the limit the scenario passes
     * @throws WorkLimit.Stopped when an enclosing limit stopped the work
     */
    public static TriggerSchedule compute(Scenario scenario, OrekitData data, Limits limits) {
        limits.spanProblem(scenario.start(), scenario.end()).ifPresent(problem -> {
            throw new Limits.Exceeded(Limits.SPAN, problem);
        });
        Work work = work(scenario);
        if (work.sky() > limits.skySamples()) {
            throw new Limits.Exceeded(Limits.SKY, String.format(Locale.ROOT, "the scenario's sky (its %d objects every 60 s over %s"
                    + " days, kept while the exercise runs) would hold %,d states; at most %,d are allowed (%s)",
                    scenario.objects().size(), Limits.days(Duration.between(scenario.start(), scenario.end())), work.sky(),
                    limits.skySamples(), Limits.SKY));
        }
        if (work.samples() > limits.scheduleSamples()) {
            throw new Limits.Exceeded(Limits.SAMPLES, String.format(Locale.ROOT, "computing the schedule would propagate %,d states"
                    + " (%s); at most %,d are allowed (%s)", work.samples(), work.parts(), limits.scheduleSamples(), Limits.SAMPLES));
        }
        WorkLimit limit = WorkLimit.of("computing the schedule", limits.computeTime());
        try {
            return limit.run(() -> computeWithin(scenario, data));
        } catch (WorkLimit.Stopped e) {
            if (e.by() != limit) {
                throw e; // cancelled, or out of time, by whoever asked for the schedule
            }
            throw new Limits.Exceeded(Limits.TIME, "computing the schedule took longer than " + limits.computeTime().toSeconds()
                    + " s and was stopped (" + Limits.TIME + ")");
        }
    }

    /**
     * What computing a scenario's schedule costs, counted in states propagated on the 60-s grid before anything is
     * computed: every object over the whole span, each conjunction trigger's screening, each debris trigger's cloud
     * (fragments and the object), and, where cells have sensors, each cloud's sightings.
     *
     * @param sky   the states of the objects over the span, which the schedule keeps
     * @param parts the count's terms, for a message
     */
    public record Work(long samples, long sky, String parts) {
    }

    public static Work work(Scenario scenario) {
        long sky = (long) scenario.objects().size() * grid(scenario.start(), scenario.end());
        long screenings = 0;
        long clouds = 0;
        for (Inject inject : scenario.injects()) {
            switch (inject.trigger()) {
                case Trigger.Conjunction c -> screenings += (c.with().isEmpty() ? scenario.objects().size() : 2)
                        * grid(later(c.after(), scenario.start()), scenario.end());
                case Trigger.DebrisApproach d -> clouds += cloud(scenario, d.breakup(), d.after());
                case Trigger.DebrisRisk r -> clouds += cloud(scenario, r.breakup(), r.after());
                default -> {
                }
            }
        }
        long sightings = 0;
        if (!scenario.sensors().isEmpty()) {
            for (Breakup b : scenario.breakups()) {
                sightings += b.fragments().size() * grid(b.time(), scenario.end());
            }
        }
        String parts = String.format(Locale.ROOT, "%d objects over %s days: %,d; conjunction screenings: %,d; debris clouds: %,d;"
                + " the cells' sightings of them: %,d", scenario.objects().size(), Limits.days(Duration.between(scenario.start(),
                scenario.end())), sky, screenings, clouds, sightings);
        return new Work(sky + screenings + clouds + sightings, sky, parts);
    }

    /** A breakup's fragments and one object from {@code after} (or the breakup) to the scenario's end. */
    private static long cloud(Scenario scenario, String breakup, Instant after) {
        return scenario.breakup(breakup).map(b -> (b.fragments().size() + 1L) * grid(later(after, b.time()), scenario.end())).orElse(0L);
    }

    /** Grid points from {@code from} to {@code to} every {@link ScenarioSky#STEP}. */
    private static long grid(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return 0;
        }
        long step = ScenarioSky.STEP.toSeconds();
        return (Duration.between(from, to).toSeconds() + step - 1) / step + 1;
    }

    private static TriggerSchedule computeWithin(Scenario scenario, OrekitData data) {
        ScenarioSky scenarioSky = ScenarioSky.of(scenario, o -> true, data);
        Ephemerides sky = scenarioSky.ephemerides();
        Map<String, Ephemeris> byId = scenarioSky.byId();
        java.util.function.Supplier<Detections> detections = memo(() -> Detections.compute(scenario, sky, byId, data));
        Map<Integer, Entry> entries = new LinkedHashMap<>();
        for (Inject inject : scenario.injects()) {
            entries.put(inject.number(), direct(scenario, inject, sky, byId, detections, data));
        }
        // Chains of after_inject triggers (validation has excluded cycles): resolve until nothing changes.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Inject inject : scenario.injects()) {
                if (inject.trigger() instanceof Trigger.AfterInject after && entries.get(inject.number()).time().isEmpty()) {
                    Entry other = entries.get(after.inject());
                    if (other != null && other.time().isPresent()) {
                        entries.put(inject.number(), new Entry(inject, Optional.of(other.time().get().plus(after.delay())),
                                Text.of(after.delay().toMinutes() + " min after inject " + after.inject(),
                                        "상황 " + after.inject() + " 배포 " + after.delay().toMinutes() + "분 후")));
                        changed = true;
                    }
                }
            }
        }
        return new TriggerSchedule(entries, sky, scenario, byId, detections);
    }

    /** A value computed once, when first asked for (by whichever thread asks first). */
    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> compute) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }

    private static Entry direct(Scenario scenario, Inject inject, Ephemerides sky, Map<String, Ephemeris> byId,
                                java.util.function.Supplier<Detections> detections, OrekitData data) {
        return switch (inject.trigger()) {
            case Trigger.AtTime at -> new Entry(inject, Optional.of(at.time()), Text.of("scenario time", "시나리오 시각"));
            case Trigger.Manual m -> new Entry(inject, Optional.empty(), Text.of("released by control", "통제반이 배포"));
            case Trigger.OnAnswer a -> {
                Text cell = scenario.cell(a.cell()).map(Cell::name).orElse(Text.of(a.cell(), a.cell()));
                yield new Entry(inject, Optional.empty(), Text.of("when " + cell.en() + "'s answer to " + a.question() + " is "
                        + a.condition(), cell.ko() + "의 " + a.question() + " 답변이 " + a.condition() + "일 때"));
            }
            case Trigger.AfterInject a -> new Entry(inject, Optional.empty(), Text.of("after inject " + a.inject()
                    + ", which has no scheduled time", "상황 " + a.inject() + " 배포 후 (예정 시각 없음)"));
            case Trigger.Launch l -> {
                SpaceObject o = scenario.object(l.object()).orElseThrow();
                yield new Entry(inject, Optional.ofNullable(o.launchTime()), Text.of("launch of " + o.name().en(), o.name().ko() + " 발사"));
            }
            case Trigger.FirstOverflight f -> {
                SpaceObject o = scenario.object(f.object()).orElseThrow();
                Target target = scenario.sites().containsKey(f.place()) ? Target.of(scenario.sites().get(f.place()))
                        : Target.of(scenario.areas().get(f.place()), Target.DEFAULT_SPACING_KM);
                Sensor sensor = o.sensorSpec().isEmpty() ? Sensor.parse("elevation:0") : Sensor.parse(o.sensorSpec());
                Instant after = later(f.after(), o.inOrbitFrom());
                Optional<Instant> time = OverflightFinder.find(sky, byId.get(f.object()), target, sensor).stream()
                        .map(Window::start).filter(t -> !t.isBefore(after) && o.inOrbitAt(t)).findFirst();
                Text place = scenario.placeName(f.place());
                yield new Entry(inject, time, Text.of("first overflight of " + place.en() + " by " + o.name().en() + " (" + sensor + ")"
                        + (time.isEmpty() ? NONE.en() : ""), o.name().ko() + "의 " + place.ko() + " 상공 첫 통과 (" + sensor + ")"
                        + (time.isEmpty() ? NONE.ko() : "")));
            }
            case Trigger.Pass p -> {
                SpaceObject o = scenario.object(p.object()).orElseThrow();
                Instant after = later(p.after(), o.inOrbitFrom());
                Optional<Instant> time = PassFinder.find(sky, byId.get(p.object()),
                                new Topocentric(scenario.sites().get(p.site())), p.minElevationDeg()).stream()
                        .filter(x -> !x.risesBeforeSpan()).map(Pass::rise).filter(t -> !t.isBefore(after) && o.inOrbitAt(t)).findFirst();
                Text site = scenario.placeName(p.site());
                yield new Entry(inject, time, Text.of("first pass of " + o.name().en() + " over " + site.en() + " above "
                        + p.minElevationDeg() + " deg" + (time.isEmpty() ? NONE.en() : ""), o.name().ko() + "의 " + site.ko()
                        + " 상공 첫 통과 (고도각 " + p.minElevationDeg() + "도 이상)" + (time.isEmpty() ? NONE.ko() : "")));
            }
            case Trigger.Conjunction c -> conjunction(scenario, inject, c, data);
            case Trigger.ManeuverBurn m -> {
                Maneuver x = scenario.maneuver(m.maneuver()).orElseThrow();
                Text o = scenario.object(x.object()).orElseThrow().name();
                yield new Entry(inject, Optional.of(x.time()), x.approach()
                        ? Text.of("first burn of " + o.en() + "'s approach to " + scenario.object(x.target()).orElseThrow().name().en(),
                        o.ko() + "의 " + scenario.object(x.target()).orElseThrow().name().ko() + " 접근 첫 기동")
                        : Text.of("manoeuvre of " + o.en(), o.ko() + " 기동"));
            }
            case Trigger.BreakupEvent b -> {
                Breakup x = scenario.breakup(b.breakup()).orElseThrow();
                Text o = scenario.object(x.object()).orElseThrow().name();
                yield new Entry(inject, Optional.of(x.time()), Text.of("breakup of " + o.en(), o.ko() + " 파괴"));
            }
            case Trigger.DebrisApproach d -> {
                Breakup x = scenario.breakup(d.breakup()).orElseThrow();
                SpaceObject o = scenario.object(d.object()).orElseThrow();
                DebrisExposure exposure = DebrisExposure.compute(x, o, later(d.after(), scenario.start()), scenario.end(),
                        d.belowKm(), null, data);
                Optional<Conjunction> first = exposure.firstWithin(d.belowKm());
                Text label = Text.of("a fragment of " + x.name().en() + " within " + d.belowKm() + " km of " + o.name().en(),
                        x.name().ko() + " 파편이 " + o.name().ko() + "에 " + d.belowKm() + " km 이내 접근");
                yield new Entry(inject, exposure.firstTimeWithin(d.belowKm(), data), first.isPresent()
                        ? Text.of(label.en() + String.format(Locale.ROOT, " (fragment %d; closest %.2f km at %s)", first.get().noradA(), first.get().missKm(),
                                first.get().tca().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)),
                        label.ko() + String.format(Locale.ROOT, " (파편 %d; 최근접 %.2f km, %s)", first.get().noradA(), first.get().missKm(),
                                first.get().tca().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)))
                        : Text.of(label.en() + NONE.en(), label.ko() + NONE.ko()));
            }
            case Trigger.Detected x -> {
                Text cell = scenario.cells().stream().filter(c -> c.id().equals(x.cell())).findFirst().orElseThrow().name();
                Text o = scenario.object(x.object()).orElseThrow().name();
                Detections seen = detections.get();
                Instant after = later(x.after(), scenario.start());
                Optional<Detections.Sighting> first = seen.of(x.cell(), x.object()).stream().filter(s -> s.end().isAfter(after)).findFirst();
                Optional<Instant> time = seen.firstDetection(x.cell(), x.object(), after);
                Text what = Text.of(cell.en() + " detects " + o.en() + first.map(s -> " (sensor " + s.sensor() + ")").orElse(""),
                        cell.ko() + ", " + o.ko() + " 탐지" + first.map(s -> " (센서 " + s.sensor() + ")").orElse(""));
                yield new Entry(inject, time, time.isPresent() ? what : Text.of(what.en() + NONE.en(), what.ko() + NONE.ko()));
            }
            case Trigger.CustodyLost x -> {
                Text cell = scenario.cells().stream().filter(c -> c.id().equals(x.cell())).findFirst().orElseThrow().name();
                SpaceObject o = scenario.object(x.object()).orElseThrow();
                Detections seen = detections.get();
                Optional<Detections.Loss> loss = seen.custodyLost(x.cell(), o, later(x.after(), scenario.start()));
                Text what = Text.of(cell.en() + " loses custody of " + o.name().en() + loss.map(l -> l.reason().equals("maneuver")
                        ? String.format(Locale.ROOT, " (found %.1f km from its predicted position: a manoeuvre)", l.offsetKm())
                        : " (unobserved for " + Detections.LOST_AFTER.toHours() + " h)").orElse(""),
                        cell.ko() + ", " + o.name().ko() + " 추적 상실" + loss.map(l -> l.reason().equals("maneuver")
                                ? String.format(Locale.ROOT, " (예측 위치에서 %.1f km 벗어남: 기동)", l.offsetKm())
                                : " (" + Detections.LOST_AFTER.toHours() + "시간 미관측)").orElse(""));
                Optional<Instant> time = loss.map(Detections.Loss::time);
                yield new Entry(inject, time, time.isPresent() ? what : Text.of(what.en() + NONE.en(), what.ko() + NONE.ko()));
            }
            case Trigger.EffectWindow w -> {
                Effect e = scenario.effect(w.effect()).orElseThrow();
                Instant after = later(w.after(), scenario.start());
                Optional<Instant> time = bites(e, scenario, sky, byId).stream().filter(b -> b.end().isAfter(after))
                        .map(b -> later(b.start(), after)).findFirst();
                Text what = switch (e) {
                    case Effect.Ground g -> Text.of(String.format(Locale.ROOT, "%s on (receivers within %.1f km lose the signal)",
                            e.name().en(), g.reach().radiusKm()), String.format(Locale.ROOT, "%s 작동 (반경 %.1f km 내 수신기 신호 상실)",
                            e.name().ko(), g.reach().radiusKm()));
                    case Effect.Uplink u -> Text.of(e.name().en() + " in the receive beam of "
                            + scenario.object(u.object()).orElseThrow().name().en(), e.name().ko() + ", "
                            + scenario.object(u.object()).orElseThrow().name().ko() + " 수신 빔 안");
                    case Effect.Laser l -> Text.of(e.name().en() + " imaged by " + scenario.object(l.object()).orElseThrow().name().en(),
                            e.name().ko() + ", " + scenario.object(l.object()).orElseThrow().name().ko() + " 촬영 범위 안");
                };
                yield new Entry(inject, time, time.isPresent() ? what : Text.of(what.en() + NONE.en(), what.ko() + NONE.ko()));
            }
            case Trigger.DebrisRisk r -> {
                Breakup x = scenario.breakup(r.breakup()).orElseThrow();
                SpaceObject o = scenario.object(r.object()).orElseThrow();
                DebrisExposure exposure = DebrisExposure.compute(x, o, later(r.after(), scenario.start()), scenario.end(),
                        DebrisExposure.screeningDistanceKm(r.sigmaKm()), new CollisionProbability(r.hardBodyM() / 1000,
                                r.sigmaKm(), r.sigmaKm(), r.sigmaKm()), data);
                Optional<Instant> time = exposure.firstAbove(r.above());
                String assumed = String.format(Locale.ROOT, "assumed: hard body %.1f m, 1-sigma %.2f km", r.hardBodyM(), r.sigmaKm());
                String assumedKo = String.format(Locale.ROOT, "가정: 충돌 반경 %.1f m, 1-시그마 %.2f km", r.hardBodyM(), r.sigmaKm());
                yield new Entry(inject, time, Text.of(String.format(Locale.ROOT, "cumulative probability that a fragment of %s hits %s"
                                + " above %.1e (%s; %.1e by the scenario's end)%s", x.name().en(), o.name().en(), r.above(), assumed,
                                exposure.total(), time.isEmpty() ? NONE.en() : ""),
                        String.format(Locale.ROOT, "%s 파편의 %s 누적 충돌 확률 %.1e 초과 (%s; 시나리오 종료까지 %.1e)%s", x.name().ko(),
                                o.name().ko(), r.above(), assumedKo, exposure.total(), time.isEmpty() ? NONE.ko() : "")));
            }
            case Trigger.CloseApproach c -> {
                SpaceObject a = scenario.object(c.object()).orElseThrow();
                SpaceObject b = scenario.object(c.other()).orElseThrow();
                Instant after = later(later(c.after(), a.inOrbitFrom()), b.inOrbitFrom());
                double afterSeconds = Duration.between(sky.start(), after).toNanos() / 1e9;
                Optional<Instant> time = CloseApproachFinder.first(sky, byId.get(c.object()), byId.get(c.other()),
                        c.belowKm() * 1000, afterSeconds).filter(t -> a.inOrbitAt(t) && b.inOrbitAt(t));
                yield new Entry(inject, time, Text.of(a.name().en() + " within " + c.belowKm() + " km of " + b.name().en()
                        + (time.isEmpty() ? NONE.en() : ""), a.name().ko() + ", " + b.name().ko() + "에 " + c.belowKm() + " km 이내 접근"
                        + (time.isEmpty() ? NONE.ko() : "")));
            }
        };
    }

    /**
     * Screens the trigger's object against the scenario's other objects (or the one named) from {@code after} to
     * the scenario's end; the first approach whose partner is in orbit by then decides.
     */
    private static Entry conjunction(Scenario scenario, Inject inject, Trigger.Conjunction c, OrekitData data) {
        SpaceObject primary = scenario.object(c.object()).orElseThrow();
        Instant after = later(later(c.after(), primary.inOrbitFrom()), scenario.start());
        Map<Integer, SpaceObject> byNorad = new HashMap<>();
        List<List<ElementSet>> sets = new ArrayList<>();
        for (SpaceObject o : scenario.objects()) {
            if (o == primary || c.with().isEmpty() || o.id().equals(c.with())) {
                byNorad.put(o.elements().noradId(), o);
                sets.add(o.segments());
            }
        }
        Text with = c.with().isEmpty() ? Text.of("any scenario object", "시나리오의 모든 물체") : scenario.object(c.with()).orElseThrow().name();
        Text label = Text.of("conjunction of " + primary.name().en() + " with " + with.en(),
                primary.name().ko() + "와 " + with.ko() + "의 근접");
        if (sets.size() < 2 || !after.isBefore(scenario.end())) {
            return new Entry(inject, Optional.empty(), Text.of(label.en() + ": nothing to screen", label.ko() + ": 검사할 대상 없음"));
        }
        List<Conjunction> found = SegmentedScreening.run(sets, new Screening.Request(after, scenario.end(), c.belowKm(),
                Set.of(primary.elements().noradId()), 60, Runtime.getRuntime().availableProcessors(),
                Screening.Propagator.FAST, null), data);
        for (Conjunction x : found) {
            SpaceObject other = byNorad.get(x.noradB());
            if (!other.inOrbitAt(x.tca()) || !primary.inOrbitAt(x.tca())) {
                continue;
            }
            Instant release = later(x.tca().minus(c.lead()), after);
            Instant tca = x.tca().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            return new Entry(inject, Optional.of(release), Text.of(String.format(java.util.Locale.ROOT,
                    "conjunction of %s with %s: closest approach %s, miss %.2f km at %.1f m/s, released %d h before",
                    primary.name().en(), other.name().en(), tca, x.missKm(), x.relativeSpeedKmS() * 1000, c.lead().toHours()),
                    String.format(java.util.Locale.ROOT, "%s와 %s의 근접: 최근접 %s, 거리 %.2f km, 상대속도 %.1f m/s, %d시간 전 배포",
                    primary.name().ko(), other.name().ko(), tca, x.missKm(), x.relativeSpeedKmS() * 1000, c.lead().toHours())));
        }
        return new Entry(inject, Optional.empty(), Text.of(label.en() + " within " + c.belowKm() + " km" + NONE.en(),
                label.ko() + " (" + c.belowKm() + " km 이내)" + NONE.ko()));
    }

    /** Said of an orbital event the scenario's span does not hold. */
    private static final Text NONE = Text.of(": none before the scenario ends", ": 시나리오 종료 전 없음");

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
