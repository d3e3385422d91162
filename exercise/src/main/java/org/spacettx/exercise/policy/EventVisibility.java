package org.spacettx.exercise.policy;

import java.util.Optional;

import org.spacettx.exercise.engine.Actor;
import org.spacettx.exercise.engine.Event;
import org.spacettx.exercise.engine.ExerciseState;
import org.spacettx.exercise.engine.Item;

/**
 * Which recorded events a viewer may receive on the live stream: an event about an item is visible exactly when the
 * item is ({@link Visibility}), an event about a question when the question is, its move having started when the
 * event happened; clock, move, action-item, statement and exercise events concern everyone; an inject written
 * during play, like the rest of the MSEL, is control's until it is released; a release's reason is control's and the
 * evaluators' ({@link #asSeenBy}). Hidden
 * events are left out, never replaced by placeholders, so their timing does not leak either.
 */
public final class EventVisibility {

    private final Visibility items;

    public EventVisibility(Visibility items) {
        this.items = items;
    }

    public boolean canSee(Actor viewer, Event.Recorded recorded, ExerciseState state) {
        if (viewer.isControl()) {
            return true;
        }
        return switch (recorded.event()) {
            case Event.InjectReleased e -> inject(viewer, state, e.number());
            // the MSEL is control's: an inject written during play reaches others only when it is released
            case Event.InjectWritten e -> false;
            case Event.FeedbackGiven e -> recorded.actor().user().equals(viewer.user());
            case Event.InjectWithdrawn e -> state.inject(e.number())
                    .map(i -> items.canSee(viewer, new Item.ReleasedInject(i, recorded.scenarioTime(), "", java.util.Set.of())))
                    .orElse(false);
            case Event.InjectAcknowledged e -> inject(viewer, state, e.number());
            // a document on an inject: whoever reads the inject (control alone before it is released)
            case Event.FileAttached e -> inject(viewer, state, e.number());
            case Event.MessagePosted e -> items.canSee(viewer, new Item.Message(e.id(), e.fromCell(), e.toCell(), e.body(),
                    e.marking(), recorded.scenarioTime()));
            case Event.TrackShared e -> items.canSee(viewer, new Item.SharedTrack(e.id(), e.fromCell(), e.toCell(), e.object(),
                    e.observedAt(), e.sensor(), e.marking(), recorded.scenarioTime()));
            case Event.RfiRequested e -> items.canSee(viewer, new Item.Rfi(e.id(), e.cell(), e.question(), e.marking(), null));
            case Event.RfiAnswered e -> Optional.ofNullable(state.rfis().get(e.id())).map(r -> items.canSee(viewer, r)).orElse(false);
            case Event.AnswerSubmitted e -> items.canSee(viewer, new Item.SubmittedAnswer(e.question(), e.cell(), e.round(),
                    e.value(), e.confidence(), e.rationale(), false, recorded.scenarioTime()));
            case Event.QuestionRevealed e -> question(viewer, state, e.question(), recorded);
            case Event.RoundOpened e -> question(viewer, state, e.question(), recorded);
            case Event.ObservationRecorded e -> viewer.role() == Actor.Role.OBSERVER;
            case Event.ObjectiveEvaluated e -> viewer.role() == Actor.Role.OBSERVER;
            // when the clock will pause tells when the next inject is due: control's, and the evaluators' who read the MSEL
            case Event.PauseScheduled e -> viewer.isControl() || viewer.role() == Actor.Role.OBSERVER && state.scenario().evaluatorsSeeMsel();
            // what concerns everyone: the exercise, its clock and moves, the feedback asked for, the working group's
            // items and statement, and the room's screen. No default: a new kind of event is a compile error here
            // until this policy decides who sees it.
            case Event.ExerciseStarted e -> true;
            case Event.ExerciseEnded e -> true;
            case Event.ClockStarted e -> true;
            case Event.ClockPaused e -> true;
            case Event.SpeedSet e -> true;
            case Event.ClockJumped e -> true;
            case Event.MoveStarted e -> true;
            case Event.FeedbackRequested e -> true;
            case Event.ActionItemSaved e -> true;
            case Event.StatementDrafted e -> true;
            case Event.StatementAgreed e -> true;
            case Event.DissentNoted e -> true;
            case Event.PresentationFocused e -> true;
        };
    }

    /**
     * A visible event as the viewer receives it: why an inject was released (a trigger may name an object the viewer
     * does not know, or a cell's blind answer) is for control and the evaluators; a delegation and the room get the
     * release without it.
     */
    public Event.Recorded asSeenBy(Actor viewer, Event.Recorded recorded) {
        if (recorded.event() instanceof Event.InjectReleased e && !seesReasons(viewer)) {
            return new Event.Recorded(recorded.sequence(), recorded.scenarioTime(), recorded.wallTime(), recorded.actor(),
                    new Event.InjectReleased(e.number(), e.at(), ""));
        }
        return recorded;
    }

    /** Whether the viewer reads why injects were released: control and the evaluators. */
    public static boolean seesReasons(Actor viewer) {
        return viewer.isControl() || viewer.role() == Actor.Role.OBSERVER;
    }

    /** A question's events: for those the question is shown to, once its move had started when the event happened. */
    private boolean question(Actor viewer, ExerciseState state, String id, Event.Recorded recorded) {
        return state.scenario().question(id)
                .map(q -> items.canSee(viewer, q, state.scenario().moveStarted(q.move(), recorded.scenarioTime()))).orElse(false);
    }

    private boolean inject(Actor viewer, ExerciseState state, int number) {
        Item.ReleasedInject r = state.released().get(number);
        return r != null && items.canSee(viewer, r);
    }
}
