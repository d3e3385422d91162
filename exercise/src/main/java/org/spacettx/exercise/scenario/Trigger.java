package org.spacettx.exercise.scenario;

import java.time.Duration;
import java.time.Instant;

/** What releases an inject. */
public sealed interface Trigger {

    /** The trigger's key in the scenario file ({@code at}, {@code pass}, {@code after_inject}...). */
    default String kind() {
        return switch (this) {
            case AtTime t -> "at";
            case Manual t -> "manual";
            case FirstOverflight t -> "first_overflight";
            case Pass t -> "pass";
            case Launch t -> "launch";
            case CloseApproach t -> "close_approach";
            case Conjunction t -> "conjunction";
            case ManeuverBurn t -> "maneuver";
            case BreakupEvent t -> "breakup";
            case DebrisApproach t -> "debris_approach";
            case DebrisRisk t -> "debris_risk";
            case EffectWindow t -> "effect";
            case Detected t -> "detected";
            case CustodyLost t -> "custody_lost";
            case AfterInject t -> "after_inject";
            case OnAnswer t -> "on_answer";
        };
    }

    /**
     * Whether the orbital engine computes its time (a launch, a pass, an overflight, an approach, a conjunction, a
     * manoeuvre, a breakup and what its debris does).
     */
    default boolean orbital() {
        return !(this instanceof AtTime || this instanceof Manual || this instanceof AfterInject || this instanceof OnAnswer);
    }

    /** At a scenario time. */
    record AtTime(Instant time) implements Trigger {
    }

    /** When control releases it. */
    record Manual() implements Trigger {
    }

    /** The first time after {@code after} that {@code object} can image {@code place} under its sensor model. */
    record FirstOverflight(String object, String place, Instant after) implements Trigger {
    }

    /** The rise of the first pass of {@code object} over {@code site} above {@code minElevationDeg} after {@code after}. */
    record Pass(String object, String site, double minElevationDeg, Instant after) implements Trigger {
    }

    /** The launch of a launched object. */
    record Launch(String object) implements Trigger {
    }

    /** The first time after {@code after} that two objects come closer than {@code belowKm}. */
    record CloseApproach(String object, String other, double belowKm, Instant after) implements Trigger {
    }

    /**
     * A predicted conjunction, released {@code lead} before its time of closest approach (and not before
     * {@code after}): the first close approach after {@code after} closer than {@code belowKm} between
     * {@code object} and {@code with}, or any other object of the scenario when {@code with} is empty, found by
     * screening the scenario's objects.
     */
    record Conjunction(String object, String with, double belowKm, Duration lead, Instant after) implements Trigger {
    }

    /** The first burn of a manoeuvre (of the scenario's {@code maneuvers}). */
    record ManeuverBurn(String maneuver) implements Trigger {
    }

    /** A breakup (of the scenario's {@code breakups}). */
    record BreakupEvent(String breakup) implements Trigger {
    }

    /** The first time after {@code after} that a fragment of {@code breakup} comes within {@code belowKm} of {@code object}. */
    record DebrisApproach(String breakup, String object, double belowKm, Instant after) implements Trigger {
    }

    /**
     * When the cumulative probability that a fragment of {@code breakup} hits {@code object}, summed over its close
     * approaches from the breakup on, first exceeds {@code above} (and not before {@code after}). Each approach's
     * probability is Foster's 2-D integral under stated assumptions (element sets carry no covariance): a combined
     * hard-body radius of {@code hardBodyM} and a 1-sigma position uncertainty of {@code sigmaKm} in every
     * direction for each of the two objects.
     */
    record DebrisRisk(String breakup, String object, double above, double hardBodyM, double sigmaKm, Instant after)
            implements Trigger {
        public static final double DEFAULT_HARD_BODY_M = 5;
        public static final double DEFAULT_SIGMA_KM = 0.2;
    }

    /**
     * The first time after {@code after} that an effect bites: a ground jammer switched on, an uplink jammer in its
     * satellite's beam, a laser site imaged by its satellite (within the effect's active span).
     */
    record EffectWindow(String effect, Instant after) implements Trigger {
    }

    /** The first time after {@code after} that one of {@code cell}'s own sensors observes {@code object}. */
    record Detected(String cell, String object, Instant after) implements Trigger {
    }

    /**
     * The first time after {@code after} that {@code cell} loses custody of {@code object}: its sensors find it away from
     * where its element set predicts (a manoeuvre it had not seen), or have not seen it for too long.
     */
    record CustodyLost(String cell, String object, Instant after) implements Trigger {
    }

    /** A delay after another inject is released. */
    record AfterInject(int inject, Duration delay) implements Trigger {
    }

    /** When a cell's answer to a question meets a condition ({@code >= 60}, {@code == b}, {@code contains c}). */
    record OnAnswer(String question, String cell, String condition) implements Trigger {
    }
}
