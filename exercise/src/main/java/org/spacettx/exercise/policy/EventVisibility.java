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
 * during play, like the rest of the MSEL, is control's until it is released. Hidden
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
            default -> true;
        };
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
