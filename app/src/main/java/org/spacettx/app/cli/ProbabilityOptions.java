package org.spacettx.app.cli;

import org.spacettx.orbit.conjunction.CollisionProbability;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Option;

/** An assumed probability of collision (Foster 2-D): the commands that screen share these options. */
public final class ProbabilityOptions {

    @Option(names = "--pc-hbr-m", paramLabel = "METRES", description = "Combined hard-body radius: adds a probability of collision.")
    Double hardBodyRadiusM;

    @Option(names = "--pc-sigma-km", paramLabel = "R,I,C", defaultValue = "0.1,0.5,0.1",
            description = "Assumed 1-sigma position uncertainty of each object, radial, in-track, cross-track, km (default ${DEFAULT-VALUE}).")
    String sigmas;

    /** The assumption asked for, or null when no hard-body radius was given. */
    public CollisionProbability probability() {
        if (hardBodyRadiusM == null) {
            return null;
        }
        String[] parts = sigmas.split(",");
        if (parts.length != 3) {
            throw new InputException(null, "--pc-sigma-km", "'" + sigmas + "' is not three numbers R,I,C");
        }
        double[] v = new double[3];
        for (int k = 0; k < 3; k++) {
            try {
                v[k] = Double.parseDouble(parts[k].trim());
            } catch (NumberFormatException e) {
                throw new InputException(null, "--pc-sigma-km", "'" + parts[k].trim() + "' is not a number");
            }
        }
        try {
            return new CollisionProbability(hardBodyRadiusM / 1000.0, v[0], v[1], v[2]);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--pc-hbr-m/--pc-sigma-km", e.getMessage());
        }
    }

    /** The assumption in words, for stderr. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "Foster 2-D, hard-body radius %.1f m, assumed 1-sigma %s km (R,I,C) for every object",
                hardBodyRadiusM, sigmas);
    }
}
