package org.spacettx.app.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.OptionalDouble;

import org.spacettx.exercise.assess.AnswerValue;
import org.spacettx.exercise.assess.Divergence;
import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Exercise;
import org.spacettx.exercise.engine.ExerciseState;
import org.spacettx.exercise.engine.Item;
import org.spacettx.exercise.policy.Visibility;
import org.spacettx.exercise.scenario.Inject;
import org.spacettx.exercise.scenario.Question;
import org.spacettx.exercise.scenario.Scenario;

/** What one viewer sees of an exercise now: every item passes through the visibility policy. */
final class Feed {

    private Feed() {
    }

    /**
     * The feed of {@code viewer} at {@code wallNow}; {@code knownObject}: the space objects (by id) it knows of then, the
     * only ones a question's picture names to it; {@code ownToken}: the viewer's token for an anonymous feedback request.
     */
    static Map<String, Object> of(Exercise exercise, Actor viewer, java.time.Instant wallNow,
                                  java.util.function.Predicate<String> knownObject, java.util.function.UnaryOperator<String> ownToken) {
        Scenario s = exercise.scenario();
        ExerciseState state = exercise.state();
        Visibility v = exercise.visibility();
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("exercise", Map.of("id", s.id(), "title", s.title(), "banner", s.banner(), "start", s.start().toString(),
                "end", s.end().toString()));
        feed.put("viewer", Map.of("user", viewer.user(), "role", viewer.role().name().toLowerCase(java.util.Locale.ROOT),
                "cell", viewer.cell(), "nation", viewer.nation(),
                // each delegation's picture beside the truth: control's, and the evaluators' where they see everything
                "seesPictures", viewer.isControl() || viewer.role() == Actor.Role.OBSERVER && s.evaluatorsSeeAll()));
        feed.put("cells", s.cells());
        // what the viewer may mark a message or request with: the markings releasable to their own nation
        feed.put("markings", s.markings().stream().filter(m -> viewer.isControl() || m.releasableTo(viewer.nation()))
                .map(Object::toString).toList());
        if (viewer.isControl() || viewer.role() == Actor.Role.OBSERVER) {
            feed.put("objectives", s.objectives()); // what observers rate against
        }
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("scenarioTime", state.scenarioTimeAt(wallNow).toString());
        clock.put("running", state.running());
        clock.put("speed", state.speed());
        clock.put("move", state.currentMove());
        clock.put("started", state.started());
        clock.put("ended", state.ended());
        if (viewer.isControl()) {
            // what control's clock buttons offer: the pause set, and the next inject due at a time
            state.pauseAt().ifPresent(at -> clock.put("pauseAt", at.toString()));
            exercise.nextTimedInject(wallNow).ifPresent(n -> clock.put("nextInject", Map.of("number", n.number(), "at", n.at().toString())));
        }
        feed.put("clock", clock);
        s.move(state.currentMove()).ifPresent(m -> feed.put("move", Map.of("id", m.id(), "title", m.title(), "narrative", m.narrative())));
        List<Map<String, Object>> injects = new ArrayList<>();
        for (Item.ReleasedInject r : v.filter(viewer, List.copyOf(state.released().values()))) {
            injects.add(inject(r, viewer, state.files(r.inject().number())));
        }
        feed.put("injects", injects);
        feed.put("messages", v.filter(viewer, state.messages()));
        feed.put("tracks", v.filter(viewer, state.sharedTracks()));
        feed.put("rfis", v.filter(viewer, List.copyOf(state.rfis().values())));
        List<Item.SubmittedAnswer> answers = v.filter(viewer, state.answers());
        feed.put("answers", answers);
        Map<String, List<Double>> latestDivergences = new java.util.HashMap<>();
        feed.put("questions", questions(s, state, v, viewer, answers, wallNow, latestDivergences, knownObject));
        feed.put("moves", moves(s, latestDivergences));
        feed.put("observations", v.filter(viewer, state.observations()));
        feed.put("evaluations", v.filter(viewer, state.evaluations()));
        feed.put("actionItems", v.filter(viewer, List.copyOf(state.actionItems().values())));
        feed.put("statement", state.statement());
        feed.put("feedback", feedback(exercise, viewer, ownToken));
        feed.put("presentation", state.presentation()); // what the room's screen shows: everyone in the room sees it
        feed.put("lastSequence", state.lastSequence());
        return feed;
    }

    /**
     * The questions the policy shows this viewer now, with the open round, which rounds are revealed and the
     * divergence of each revealed round among the answers the viewer sees. The divergence of each question's latest
     * revealed round, where measured, is added to {@code latestByMove}.
     */
    private static List<Map<String, Object>> questions(Scenario s, ExerciseState state, Visibility v, Actor viewer,
                                                       List<Item.SubmittedAnswer> visible, java.time.Instant wallNow,
                                                       Map<String, List<Double>> latestByMove,
                                                       java.util.function.Predicate<String> knownObject) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Question q : s.questions()) {
            if (!v.canSee(viewer, q, state.moveHasStarted(q.move(), wallNow))) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", q.id());
            m.put("move", q.move());
            m.put("type", q.type());
            m.put("text", q.text());
            m.put("options", q.options());
            m.put("unit", q.unit());
            m.put("cells", q.cells());
            // the objects it is about that the viewer knows of (the console shows them as the viewer's picture holds them)
            m.put("picture", q.picture().stream().filter(knownObject).toList());
            m.put("round", state.round(q.id()));
            List<Map<String, Object>> rounds = new ArrayList<>();
            OptionalDouble latest = OptionalDouble.empty();
            for (int round = 1; round <= state.round(q.id()); round++) {
                if (!state.isRevealed(q.id(), round)) {
                    continue;
                }
                int r = round;
                List<AnswerValue> values = visible.stream()
                        .filter(a -> a.question().equals(q.id()) && a.round() == r && a.revealed())
                        .map(Item.SubmittedAnswer::value).toList();
                Map<String, Object> revealed = new LinkedHashMap<>();
                revealed.put("round", round);
                OptionalDouble d = Divergence.of(q, values);
                revealed.put("divergence", d.isPresent() ? d.getAsDouble() : null);
                rounds.add(revealed);
                latest = d;
            }
            if (latest.isPresent()) {
                latestByMove.computeIfAbsent(q.move(), k -> new ArrayList<>()).add(latest.getAsDouble());
            }
            m.put("revealedRounds", rounds);
            out.add(m);
        }
        return out;
    }

    /** The moves, each with its unified-understanding index from the latest revealed divergences (null until one). */
    /**
     * Participant feedback as the viewer may read it: the form, and each request with whether the viewer has
     * answered, how many have, the ratings counted per statement and the comments the viewer may read (the report's
     * rules, {@link org.spacettx.exercise.report.AfterActionReport#feedback}).
     */
    private static Map<String, Object> feedback(Exercise exercise, Actor viewer, java.util.function.UnaryOperator<String> ownToken) {
        var state = exercise.state();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (var f : org.spacettx.exercise.report.AfterActionReport.feedback(state, exercise.visibility(), viewer)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", f.id());
            r.put("scope", f.scope());
            r.put("anonymous", f.anonymous());
            r.put("responses", f.responses());
            String responder = f.anonymous() ? ownToken.apply(f.id()) : viewer.user();
            r.put("answered", state.feedback().stream().anyMatch(x -> x.request().equals(f.id()) && x.responder().equals(responder)));
            r.put("ratings", f.ratings().stream().map(l -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", l.id());
                line.put("statement", l.statement());
                line.put("counts", l.counts());
                line.put("mean", Double.isNaN(l.mean()) ? null : l.mean());
                return line;
            }).toList());
            r.put("comments", f.comments());
            requests.add(r);
        }
        return Map.of("form", Map.of("ratings", org.spacettx.exercise.assess.FeedbackForm.RATINGS,
                "comments", org.spacettx.exercise.assess.FeedbackForm.COMMENTS), "requests", requests);
    }

    private static List<Map<String, Object>> moves(Scenario s, Map<String, List<Double>> latestByMove) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var move : s.moves()) {
            OptionalDouble index = Divergence.unifiedUnderstanding(latestByMove.getOrDefault(move.id(), List.of()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", move.id());
            m.put("title", move.title());
            m.put("start", move.start().toString());
            m.put("unifiedUnderstanding", index.isPresent() ? index.getAsDouble() : null);
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> inject(Item.ReleasedInject r, Actor viewer, List<org.spacettx.exercise.engine.AttachedFile> files) {
        Inject i = r.inject();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", i.number());
        m.put("move", i.move());
        m.put("from", i.sender());
        m.put("to", i.recipients());
        m.put("channel", i.channel());
        m.put("marking", i.marking().toString());
        m.put("subject", i.subject());
        m.put("body", i.body());
        m.put("releasedAt", r.scenarioTime().toString());
        if (org.spacettx.exercise.policy.EventVisibility.seesReasons(viewer)) {
            m.put("reason", r.reason()); // a trigger may name an object or a cell's answer the viewer does not know
        }
        m.put("acknowledgedBy", r.acknowledgedBy());
        m.put("attachments", i.attachments());
        m.put("files", files); // documents attached: opened at /api/exercises/{id}/files/{sha256}
        if (viewer.isControl() || viewer.role() == Actor.Role.OBSERVER) {
            m.put("expectedAction", i.expectedAction());
            m.put("objectives", i.objectives());
        }
        return m;
    }
}
