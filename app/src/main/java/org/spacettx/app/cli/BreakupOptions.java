package org.spacettx.app.cli;

import java.time.Instant;

import org.spacettx.orbit.breakup.BreakupModel;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** What breaks up and how, by the NASA Standard Breakup Model: the commands that break objects up share these options. */
public final class BreakupOptions {

    @Option(names = "--time", required = true, paramLabel = "ISO", description = "When it breaks up, UTC.")
    Instant time;

    static final class Kind {
        @Option(names = "--explosion", description = "An explosion (the model's scale S: --scale).")
        boolean explosion;
        @Option(names = "--impactor-mass-kg", paramLabel = "KG", description = "A collision with an impactor of this mass...")
        Double impactorMassKg;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    @Option(names = "--impact-speed-km-s", paramLabel = "KM/S", description = "...at this relative speed (collisions).")
    Double impactSpeedKmS;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S", description = "The explosion's scale factor S (default 1).")
    double scale;

    @Option(names = "--parent-mass-kg", required = true, paramLabel = "KG", description = "The parent's mass.")
    double parentMassKg;

    @Option(names = "--parent-length-m", paramLabel = "M", description = "The parent's characteristic length (the largest fragment).")
    Double parentLengthM;

    @Option(names = "--rocket-body", description = "The parent is a rocket body (the model's rocket-body area-to-mass law).")
    boolean rocketBody;

    @Option(names = "--min-size-m", required = true, paramLabel = "M", description = "The smallest fragment written, m.")
    double minSizeM;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "The random seed (default 1).")
    long seed;

    @Option(names = "--first-norad", defaultValue = "200000", paramLabel = "ID",
            description = "Catalog number of the first fragment (default ${DEFAULT-VALUE}; alpha-5 numbers reach 339999).")
    int firstNorad;

    /** The event asked for, on a parent of the stated mass and length. */
    public BreakupModel.Event event() {
        double length = parentLengthM != null ? parentLengthM : BreakupModel.Parent.lengthFromMass(parentMassKg);
        try {
            BreakupModel.Parent p = new BreakupModel.Parent(parentMassKg, length, rocketBody);
            if (kind.explosion) {
                return new BreakupModel.Explosion(p, scale);
            }
            if (impactSpeedKmS == null || !(impactSpeedKmS > 0) || !(kind.impactorMassKg > 0)) {
                throw new IllegalArgumentException("a collision needs --impactor-mass-kg and --impact-speed-km-s, both positive");
            }
            return new BreakupModel.Collision(p, kind.impactorMassKg, impactSpeedKmS);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "breakup", e.getMessage());
        }
    }
}
