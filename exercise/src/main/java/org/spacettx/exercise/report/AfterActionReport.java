package org.spacettx.exercise.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.Divergence;
import org.spacettx.exercise.assess.EvaluationGuide;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.ExerciseState;
import org.spacettx.exercise.engine.Item;
import org.spacettx.exercise.engine.TriggerSchedule;
import org.spacettx.exercise.policy.Visibility;
import org.spacettx.exercise.scenario.Move;
import org.spacettx.exercise.scenario.Objective;
import org.spacettx.exercise.scenario.Question;
import org.spacettx.exercise.scenario.Scenario;
import org.spacettx.exercise.scenario.Text;
import org.spacettx.orbit.data.OrekitData;

/**
 * An after-action report and improvement plan (AAR/IP, in HSEEP's sense) of one exercise as one reader may see it:
 * every item comes through the {@link Visibility} policy for that reader, so a delegation's copy carries nothing
 * that is not releasable to it, and evaluators' observations and objective ratings appear only in control's and
 * the observers' copies.
 *
 * @param reader      for whom this copy is: the role, cell and nation it was filtered for
 * @param objectives  objectives with their observations and mean rating (empty for delegations)
 * @param timeline    the injects the reader saw, by release time
 * @param moves       each move with its questions' revealed rounds and its unified-understanding index
 * @param statement   the joint statement, who agreed and the dissents
 * @param observations all the evaluators' observations the reader may see
 * @param improvementPlan the action items: owner nation, due date, status and history
 */
public record AfterActionReport(String exerciseId, Text title, String banner, Text description, Instant start,
                                Instant end, Reader reader, List<CellLine> cells, List<ObjectiveResult> objectives,
                                List<TimelineEntry> timeline, List<MoveSection> moves, Statement statement,
                                List<ObservationLine> observations, List<FeedbackSummary> feedback, List<SpaceEvent> spaceEvents,
                                List<Knowledge> knowledge, List<ShareLine> shares, List<MoveKnowledge> knowledgeByMove,
                                List<ActionLine> improvementPlan) {

    /** A track one delegation shared with another: when, the object, the observation it carried, under what marking. */
    public record ShareLine(String id, Instant time, String fromCell, String toCell, String object, Text objectName,
                            Instant observedAt, String sensor, String marking) {
    }

    /**
     * What one delegation held when it gave its last answer in a move (at the move's end if it gave none), for control
     * and the evaluators, beside the move's unified-understanding index: the objects in orbit it did not know of, and
     * those its picture put more than {@link #OFF_KM} km from where they were (a manoeuvre it had not seen, no track
     * shared since): the divergence of the answers beside what each delegation could know.
     */
    public record MoveKnowledge(String move, Instant at, double unifiedUnderstanding, String cell, List<Text> unknown, List<Gap> off) {
        public MoveKnowledge {
            unknown = List.copyOf(unknown);
            off = List.copyOf(off);
        }
    }

    /** An object a delegation held away from the truth, and how far (km). */
    public record Gap(Text object, double offsetKm) {
    }

    /** A delegation's picture this far from the truth is wrong, not merely uncertain (the custody model's gate). */
    public static final double OFF_KM = org.spacettx.exercise.engine.Detections.GATE_KM;

    /**
     * What one delegation's own sensors made of one object, for control and the evaluators: when they first saw it
     * ({@code detectedAfter}: how long after its insertion, for a launched object; for a breakup's debris, {@code object}
     * the breakup's id, after the breakup) and when it first lost custody of it (why; {@code lostAfterBurn}: how long
     * after the manoeuvre it had not seen). Nulls where nothing happened.
     */
    public record Knowledge(String cell, String object, Text objectName, Instant firstDetected, java.time.Duration detectedAfter,
                            Instant lost, String lostReason, Double lostOffsetKm, java.time.Duration lostAfterBurn) {
    }

    /**
     * A counterspace event the orbital engine computed for the scenario: a manoeuvre (its burns) or a breakup (its
     * fragments in orbit), for control and the evaluators (a delegation learns of them through injects).
     *
     * @param kind "maneuver", "breakup", "ground_jammer", "uplink_jammer" or "laser"
     * @param object the object manoeuvring or broken up, or the effect's own name
     * @param detail what the orbital engine made of it, in both languages
     * @param windows an effect's windows: when it bites within its span (an uplink jammer's with the closest range and
     *                the jamming power at the receiver); empty for a manoeuvre or a breakup
     */
    public record SpaceEvent(String id, String kind, Instant time, Text object, Text detail, List<TriggerSchedule.Bite> windows) {
        public SpaceEvent {
            windows = List.copyOf(windows);
        }
    }

    public record Reader(String role, String cell, String nation) {
        /** "control", "kor (KOR)"... */
        public String label() {
            return cell.isEmpty() ? role : cell + (nation.isEmpty() ? "" : " (" + nation + ")");
        }
    }

    public record CellLine(String id, Text name, String nation, String kind) {
    }

    /**
     * An objective: its observations' count and mean rating in points (4 P .. 1 U; NaN without observations) and each
     * evaluator's latest evaluation of it.
     */
    public record ObjectiveResult(String id, Text title, List<Text> criteria, int observations, double meanRating,
                                  List<EvaluationLine> evaluations) {
        public ObjectiveResult {
            criteria = List.copyOf(criteria);
            evaluations = List.copyOf(evaluations);
        }

        /** HSEEP's letter for the observations' mean, rounded (empty without observations). */
        public String rating() {
            return Double.isNaN(meanRating) ? "" : EvaluationGuide.Rating.ofPoints(meanRating).name();
        }
    }

    /** An evaluator's evaluation: rating P/S/M/U, each criterion's result code in order, strengths, areas for improvement. */
    public record EvaluationLine(String evaluator, String rating, List<String> criteria, String strengths, String improvements) {
        public EvaluationLine {
            criteria = List.copyOf(criteria);
        }
    }

    /** A released inject as the reader saw it, with the names of the documents attached to it. */
    public record TimelineEntry(int number, String move, Instant released, Text subject, String marking,
                                List<String> recipients, List<String> acknowledgedBy, String reason, List<String> documents) {
    }

    public record AnswerLine(String cell, Text value, String confidence, String rationale) {
    }

    /** One revealed round; {@code divergence} 0..1, NaN when not measured (free text). */
    public record Round(int round, List<AnswerLine> answers, double divergence) {
    }

    /** {@code convergence}: first round's divergence less the last's, NaN with fewer than two measured rounds. */
    public record QuestionSection(String id, Text text, String type, List<Round> rounds, double convergence) {
    }

    /** {@code unifiedUnderstanding} 0..100, NaN before any measured reveal. */
    public record MoveSection(String id, Text title, Instant start, List<QuestionSection> questions,
                              double unifiedUnderstanding) {
    }

    public record Statement(String text, List<String> agreedBy, List<String> dissents) {
    }

    public record ObservationLine(String id, String objective, Integer inject, int rating, String text, String observer) {
    }

    /** How many rated a statement 1, 2, 3, 4 and 5, and the mean (NaN without ratings). */
    public record RatingLine(String id, Text statement, List<Integer> counts, double mean) {
        public int answers() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A comment as the reader may read it: the form's question, the text, and the cell only when attributed. */
    public record CommentLine(Text question, String text, String cell) {
    }

    /** A request for participant feedback: its scope, whether anonymous, how many answered, ratings, comments. */
    public record FeedbackSummary(String id, String scope, boolean anonymous, int responses, List<RatingLine> ratings,
                                  List<CommentLine> comments) {
    }

    public record ActionLine(String id, String title, String ownerNation, LocalDate due, String status,
                             List<String> history, String originMove, Integer originInject) {
    }

    /** The report of {@code state} as {@code reader} may see it. */
    public static AfterActionReport of(Scenario scenario, ExerciseState state, Actor reader) {
        Visibility v = new Visibility(scenario);
        List<CellLine> cells = scenario.cells().stream()
                .map(c -> new CellLine(c.id(), c.name(), c.nation(), c.kind().name().toLowerCase(Locale.ROOT))).toList();

        List<Item.Observation> observations = v.filter(reader, state.observations());
        List<ObjectiveResult> objectives = new ArrayList<>();
        if (reader.isControl() || reader.role() == Actor.Role.OBSERVER) {
            for (Objective o : scenario.objectives()) {
                List<Item.Observation> about = observations.stream().filter(x -> x.objective().equals(o.id())).toList();
                double mean = about.stream().mapToInt(Item.Observation::rating).average().orElse(Double.NaN);
                List<EvaluationLine> evaluations = v.filter(reader, state.evaluations()).stream()
                        .filter(x -> x.objective().equals(o.id()))
                        .sorted(Comparator.comparing(Item.Evaluation::evaluator))
                        .map(x -> new EvaluationLine(x.evaluator(), x.rating(), x.criteria(), x.strengths(), x.improvements()))
                        .toList();
                objectives.add(new ObjectiveResult(o.id(), o.title(), o.criteria(), about.size(), mean, evaluations));
            }
        }

        List<TimelineEntry> timeline = v.filter(reader, List.copyOf(state.released().values())).stream()
                .sorted(Comparator.comparing(Item.ReleasedInject::scenarioTime)
                        .thenComparingInt(r -> r.inject().number()))
                .map(r -> new TimelineEntry(r.inject().number(), r.inject().move(), r.scenarioTime(), r.inject().subject(),
                        r.inject().marking().toString(), r.inject().recipients(),
                        r.acknowledgedBy().stream().sorted().toList(), r.reason(),
                        state.files(r.inject().number()).stream().map(org.spacettx.exercise.engine.AttachedFile::name).toList()))
                .toList();

        List<Item.SubmittedAnswer> answers = v.filter(reader, state.answers()).stream().filter(Item.SubmittedAnswer::revealed).toList();
        List<MoveSection> moves = new ArrayList<>();
        for (Move m : scenario.moves()) {
            List<QuestionSection> questions = new ArrayList<>();
            List<Double> lastDivergences = new ArrayList<>();
            for (Question q : scenario.questions()) {
                if (!q.move().equals(m.id()) || !v.canSee(reader, q, state.moveReached(q.move()))) {
                    continue;
                }
                Map<Integer, List<Item.SubmittedAnswer>> byRound = answers.stream().filter(a -> a.question().equals(q.id()))
                        .collect(Collectors.groupingBy(Item.SubmittedAnswer::round, java.util.TreeMap::new, Collectors.toList()));
                List<Round> rounds = new ArrayList<>();
                byRound.forEach((round, given) -> {
                    OptionalDouble d = Divergence.of(q, given.stream().map(Item.SubmittedAnswer::value).toList());
                    rounds.add(new Round(round, given.stream().sorted(Comparator.comparing(Item.SubmittedAnswer::cell))
                            .map(a -> new AnswerLine(a.cell(), display(q, a.value()),
                                    a.confidence().name().toLowerCase(Locale.ROOT), a.rationale())).toList(),
                            d.orElse(Double.NaN)));
                });
                List<Double> measured = rounds.stream().map(Round::divergence).filter(d -> !Double.isNaN(d)).toList();
                if (!measured.isEmpty()) {
                    lastDivergences.add(measured.get(measured.size() - 1));
                }
                double convergence = measured.size() < 2 ? Double.NaN : measured.get(0) - measured.get(measured.size() - 1);
                questions.add(new QuestionSection(q.id(), q.text(), q.type().name().toLowerCase(Locale.ROOT), rounds, convergence));
            }
            moves.add(new MoveSection(m.id(), m.title(), m.start(), questions,
                    Divergence.unifiedUnderstanding(lastDivergences).orElse(Double.NaN)));
        }

        Item.Statement s = state.statement();
        Statement statement = v.canSee(reader, s)
                ? new Statement(s.text(), s.agreedBy().stream().sorted().toList(), s.dissents())
                : new Statement("", List.of(), List.of());

        List<ObservationLine> observationLines = observations.stream()
                .map(o -> new ObservationLine(o.id(), o.objective(), o.inject(), o.rating(), o.text(), o.observer())).toList();
        List<ActionLine> plan = v.filter(reader, List.copyOf(state.actionItems().values())).stream()
                .sorted(Comparator.comparing(Item.ActionItem::id))
                .map(a -> new ActionLine(a.id(), a.title(), a.ownerNation(), a.due(), a.status(), a.history(),
                        a.originMove(), a.originInject())).toList();

        List<ShareLine> shares = v.filter(reader, state.sharedTracks()).stream()
                .map(t -> new ShareLine(t.id(), t.scenarioTime(), t.fromCell(), t.toCell(), t.object(),
                        scenario.object(t.object()).map(org.spacettx.exercise.scenario.SpaceObject::name).orElse(Text.of(t.object(), t.object())),
                        t.observedAt(), t.sensor(), t.marking().toString())).toList();
        // what is still to come (counterspace events, first detections) is the MSEL's: control's, and the evaluators'
        // unless the scenario keeps it from them
        boolean evaluators = v.seesMsel(reader);
        return new AfterActionReport(scenario.id(), scenario.title(), scenario.banner(), scenario.description(),
                scenario.start(), scenario.end(), new Reader(reader.role().name().toLowerCase(Locale.ROOT), reader.cell(),
                        reader.nation()), cells, objectives, timeline, moves, statement, observationLines,
                feedback(state, v, reader), evaluators ? spaceEvents(scenario) : List.of(), evaluators ? knowledge(scenario) : List.of(),
                shares, evaluators ? knowledgeByMove(scenario, state, moves) : List.of(), plan);
    }

    /**
     * The scenario's manoeuvres, breakups and effects in time order, with what the orbital engine made of them (also
     * what {@code spacettx exercise validate} prints).
     */
    public static List<SpaceEvent> spaceEvents(Scenario scenario) {
        List<SpaceEvent> out = new ArrayList<>();
        Map<String, Text> names = scenario.objects().stream()
                .collect(Collectors.toMap(org.spacettx.exercise.scenario.SpaceObject::id, org.spacettx.exercise.scenario.SpaceObject::name));
        for (org.spacettx.exercise.scenario.Maneuver m : scenario.maneuvers()) {
            String burns = m.burns().stream().map(b -> String.format(Locale.ROOT, "%s %.2f m/s (R %.2f, T %.2f, N %.2f)",
                    b.time(), b.magnitudeMS(), b.radialMS(), b.alongTrackMS(), b.crossTrackMS())).collect(Collectors.joining("; "));
            Text detail = !m.approach() ? Text.of(burns, burns) : Text.of(burns + String.format(Locale.ROOT,
                    "; %.1f km behind %s at %s (SGP4 within %.1f m of the aim point), %.1f m/s in all",
                    m.rangeKm(), names.get(m.target()).en(), m.arrive(), m.missM(), m.totalDvMS()), burns + String.format(Locale.ROOT,
                    "; %s 도착, %s 뒤 %.1f km (SGP4, 목표점과 %.1f m 이내), 총 %.1f m/s",
                    m.arrive(), names.get(m.target()).ko(), m.rangeKm(), m.missM(), m.totalDvMS()));
            out.add(new SpaceEvent(m.id(), "maneuver", m.time(), names.get(m.object()), detail, List.of()));
        }
        for (org.spacettx.exercise.scenario.Breakup b : scenario.breakups()) {
            boolean collision = b.event() instanceof org.spacettx.orbit.breakup.BreakupModel.Collision;
            var c = collision ? (org.spacettx.orbit.breakup.BreakupModel.Collision) b.event() : null;
            out.add(new SpaceEvent(b.id(), "breakup", b.time(), names.get(b.object()), Text.of(String.format(Locale.ROOT,
                    "%s (NASA Standard Breakup Model, seed %d): %d fragments of at least %s m in orbit, %d more re-entered or"
                            + " escaped at once", collision ? String.format(Locale.ROOT, "collision, %.0f kg at %.1f km/s",
                            c.projectileMassKg(), c.impactSpeedKmS()) : "explosion", b.seed(), b.fragments().size(), b.minSizeM(),
                    b.notInOrbit()), String.format(Locale.ROOT,
                    "%s (NASA 표준 파괴 모델, 시드 %d): %s m 이상 파편 %d개 궤도 잔류, %d개 즉시 재진입 또는 이탈",
                    collision ? String.format(Locale.ROOT, "충돌, %.0f kg, %.1f km/s", c.projectileMassKg(), c.impactSpeedKmS())
                            : "폭발", b.seed(), b.minSizeM(), b.fragments().size(), b.notInOrbit())), List.of()));
        }
        for (org.spacettx.exercise.scenario.Effect e : scenario.effects()) {
            String where = String.format(Locale.ROOT, "%.3f, %.3f", e.site().latitudeDeg(), e.site().longitudeDeg());
            Text detail = switch (e) {
                case org.spacettx.exercise.scenario.Effect.Ground g -> Text.of(String.format(Locale.ROOT,
                        "ground jammer at %s, %s to %s: %.0f dBW at %.2f MHz, receivers within %.1f km lose the signal (%s)", where,
                        e.from(), e.to(), g.jammer().eirpDbw(), g.jammer().frequencyMhz(), g.reach().radiusKm(),
                        g.reach().horizonLimited() ? "radio horizon" : "link budget"), String.format(Locale.ROOT,
                        "지상 재밍 장비 %s, %s ~ %s: %.0f dBW, %.2f MHz, 반경 %.1f km 내 수신기 신호 상실 (%s)", where, e.from(),
                        e.to(), g.jammer().eirpDbw(), g.jammer().frequencyMhz(), g.reach().radiusKm(),
                        g.reach().horizonLimited() ? "전파 수평선" : "링크 예산"));
                case org.spacettx.exercise.scenario.Effect.Uplink u -> Text.of(String.format(Locale.ROOT,
                        "uplink jammer at %s, %s to %s: %.0f dBW at %.0f MHz against %s (receive beam %.0f deg)", where, e.from(),
                        e.to(), u.jammer().eirpDbw(), u.jammer().frequencyMhz(), names.get(u.object()).en(),
                        u.jammer().beamHalfAngleDeg()), String.format(Locale.ROOT,
                        "상향링크 재밍 장비 %s, %s ~ %s: %.0f dBW, %.0f MHz, 대상 %s (수신 빔 %.0f도)", where, e.from(), e.to(),
                        u.jammer().eirpDbw(), u.jammer().frequencyMhz(), names.get(u.object()).ko(), u.jammer().beamHalfAngleDeg()));
                case org.spacettx.exercise.scenario.Effect.Laser l -> Text.of(String.format(Locale.ROOT,
                        "laser at %s, %s to %s, against %s when it images the site", where, e.from(), e.to(),
                        names.get(l.object()).en()), String.format(Locale.ROOT, "레이저 %s, %s ~ %s, 대상 %s의 이 장소 촬영 시",
                        where, e.from(), e.to(), names.get(l.object()).ko()));
            };
            List<TriggerSchedule.Bite> windows = e instanceof org.spacettx.exercise.scenario.Effect.Ground ? List.of()
                    : TriggerSchedule.bites(e, scenario, OrekitData.standard());
            out.add(new SpaceEvent(e.id(), e.kind(), e.from(), e.name(), detail, windows));
        }
        out.sort(Comparator.comparing(SpaceEvent::time));
        return out;
    }

    /**
     * What each delegation with sensors held when it last answered in each move (else at the move's end: the next move's
     * start, or the scenario's end), with the tracks shared by then: the objects in orbit it did not know of and those it
     * held off the truth.
     */
    static List<MoveKnowledge> knowledgeByMove(Scenario scenario, ExerciseState state, List<MoveSection> moves) {
        if (scenario.sensors().isEmpty()) {
            return List.of();
        }
        OrekitData data = OrekitData.standard();
        org.spacettx.exercise.engine.Detections d = org.spacettx.exercise.engine.Detections.compute(scenario, data);
        org.spacettx.exercise.engine.CellKnowledge k = new org.spacettx.exercise.engine.CellKnowledge(d, state.sharedTracks());
        Visibility v = new Visibility(scenario);
        List<MoveKnowledge> out = new ArrayList<>();
        for (int i = 0; i < moves.size(); i++) {
            Instant end = i + 1 < moves.size() ? moves.get(i + 1).start() : scenario.end();
            String move = moves.get(i).id();
            for (org.spacettx.exercise.scenario.Cell cell : scenario.cells()) {
                if (cell.kind() != org.spacettx.exercise.scenario.Cell.Kind.BLUE || !d.hasSensors(cell.id())) {
                    continue;
                }
                Instant at = state.answers().stream().filter(a -> a.cell().equals(cell.id())
                                && scenario.question(a.question()).map(q -> q.move().equals(move)).orElse(false))
                        .map(Item.SubmittedAnswer::scenarioTime).max(Comparator.naturalOrder()).orElse(end);
                Actor player = new Actor("", Actor.Role.PLAYER, cell.id(), cell.nation());
                List<Text> unknown = new ArrayList<>();
                List<Gap> off = new ArrayList<>();
                for (org.spacettx.exercise.scenario.SpaceObject o : scenario.objects()) {
                    if (!o.inOrbitAt(at)) {
                        continue;
                    }
                    if (!v.knows(player, o, at, k)) {
                        unknown.add(o.name());
                        continue;
                    }
                    var held = k.estimate(cell.id(), o, at);
                    if (held.isPresent()) {
                        try {
                            var truth = o.propagator(data).itrf(at);
                            var there = org.spacettx.orbit.propagate.Sgp4.of(held.get().asKnown().segments(), data).itrf(at);
                            double km = truth.distanceKm(there);
                            if (km > OFF_KM) {
                                off.add(new Gap(o.name(), km));
                            }
                        } catch (org.spacettx.orbit.propagate.PropagationException e) {
                            // decayed under SGP4: nothing to compare
                        }
                    }
                }
                out.add(new MoveKnowledge(moves.get(i).id(), at, moves.get(i).unifiedUnderstanding(), cell.id(), unknown, off));
            }
        }
        return out;
    }

    /**
     * For every delegation with sensors and every object: its first detection and its first loss of custody over the
     * scenario (the cells' own knowledge against the truth: how late each learned of a launch or of a manoeuvre).
     */
    public static List<Knowledge> knowledge(Scenario scenario) {
        if (scenario.sensors().isEmpty()) {
            return List.of();
        }
        OrekitData data = OrekitData.standard();
        org.spacettx.exercise.engine.Detections d = org.spacettx.exercise.engine.Detections.compute(scenario, data);
        List<Knowledge> out = new ArrayList<>();
        for (String cell : d.cells()) {
            for (org.spacettx.exercise.scenario.SpaceObject o : scenario.objects()) {
                Instant first = d.of(cell, o.id()).stream().findFirst().map(org.spacettx.exercise.engine.Detections.Sighting::start)
                        .orElse(null);
                var loss = d.custodyLost(cell, o, scenario.start()).orElse(null);
                Instant burn = loss == null || !loss.reason().equals("maneuver") ? null : scenario.maneuvers().stream()
                        .filter(m -> m.object().equals(o.id())).flatMap(m -> m.burns().stream())
                        .map(org.spacettx.orbit.maneuver.Impulse::time).filter(t -> t.isBefore(loss.time()))
                        .max(Comparator.naturalOrder()).orElse(null);
                out.add(new Knowledge(cell, o.id(), o.name(), first, first != null && o.inOrbitFrom() != null
                        ? java.time.Duration.between(o.inOrbitFrom(), first) : null, loss == null ? null : loss.time(),
                        loss == null ? null : loss.reason(), loss == null || Double.isNaN(loss.offsetKm()) ? null : loss.offsetKm(),
                        burn == null ? null : java.time.Duration.between(burn, loss.time())));
            }
            // a breakup's debris: first seen when a sensor first observes one of its fragments, this long after the breakup
            for (org.spacettx.exercise.scenario.Breakup b : scenario.breakups()) {
                Instant first = d.firstDebrisDetection(cell, b.id()).orElse(null);
                out.add(new Knowledge(cell, b.id(), b.name(), first, first == null ? null : java.time.Duration.between(b.time(), first),
                        null, null, null, null));
            }
        }
        return out;
    }

    /**
     * Participant feedback: every reader gets the ratings of all who answered, counted per statement; the comments of
     * all go to control and the evaluators, a delegation reads its own; the cell beside a comment only where
     * {@link Visibility#seesWhoAnswered} allows it.
     */
    public static List<FeedbackSummary> feedback(ExerciseState state, Visibility v, Actor reader) {
        List<FeedbackSummary> out = new ArrayList<>();
        for (Item.FeedbackRequest request : v.filter(reader, state.feedbackRequests())) {
            List<Item.FeedbackResponse> all = state.feedback().stream().filter(f -> f.request().equals(request.id())).toList();
            List<RatingLine> ratings = new ArrayList<>();
            for (var statement : org.spacettx.exercise.assess.FeedbackForm.RATINGS) {
                List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0, 0));
                double sum = 0;
                for (Item.FeedbackResponse f : all) {
                    Integer r = f.ratings().get(statement.id());
                    if (r != null) {
                        counts.set(r - 1, counts.get(r - 1) + 1);
                        sum += r;
                    }
                }
                int n = counts.stream().mapToInt(Integer::intValue).sum();
                ratings.add(new RatingLine(statement.id(), statement.text(), List.copyOf(counts), n == 0 ? Double.NaN : sum / n));
            }
            boolean everyComment = reader.isControl() || reader.role() == Actor.Role.OBSERVER;
            boolean attributed = v.seesWhoAnswered(reader, request);
            List<CommentLine> comments = new ArrayList<>();
            for (var question : org.spacettx.exercise.assess.FeedbackForm.COMMENTS) {
                for (Item.FeedbackResponse f : all) {
                    String text = f.comments().get(question.id());
                    if (text != null && (everyComment || v.canSee(reader, f))) {
                        comments.add(new CommentLine(question.text(), text, attributed ? f.cell() : ""));
                    }
                }
            }
            out.add(new FeedbackSummary(request.id(), request.scope(), request.anonymous(), all.size(), ratings, comments));
        }
        return out;
    }

    /** An answer as people read it: the number with its unit, or the chosen options' texts. */
    private static Text display(Question q, AnswerValue value) {
        return switch (value) {
            case AnswerValue.Number n -> {
                String s = formatNumber(n.value()) + switch (q.type()) {
                    case PROBABILITY -> " %";
                    case NUMBER -> q.unit().isEmpty() ? "" : " " + q.unit();
                    default -> "";
                };
                yield Text.of(s, s);
            }
            case AnswerValue.Choice c -> option(q, c.option());
            case AnswerValue.Choices c -> {
                List<Text> texts = c.options().stream().map(o -> option(q, o)).toList();
                yield Text.of(texts.stream().map(Text::en).collect(Collectors.joining("; ")),
                        texts.stream().map(t -> t.in("ko")).collect(Collectors.joining("; ")));
            }
            case AnswerValue.Free f -> Text.of(f.text(), f.text());
        };
    }

    private static Text option(Question q, String id) {
        return q.options().stream().filter(o -> o.id().equals(id)).map(Question.Option::text).findFirst()
                .orElse(Text.of(id, id));
    }

    private static String formatNumber(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
