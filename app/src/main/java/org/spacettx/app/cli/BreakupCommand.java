package org.spacettx.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.spacettx.orbit.breakup.BreakupModel;
import org.spacettx.orbit.breakup.FragmentElements;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx breakup}: the fragments of an explosion or a collision by the NASA Standard Breakup Model. */
@Command(name = "breakup", mixinStandardHelpOptions = true, description = {
        "Break an object up by the NASA Standard Breakup Model (explosion, or collision with an impactor) and write every",
        "fragment at least --min-size-m long that stays in orbit as an element set (OMM CSV, which every catalog reader",
        "here takes). Reproducible by --seed. Without --parent-length-m the parent's length follows from its mass by the",
        "model's density law."})
public final class BreakupCommand implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;

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

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FRAGMENTS.csv", description = "Where to write the fragments.")
    Path output;

    @Override
    public Integer call() {
        List<ElementSet> selected = objects.selected();
        if (selected.size() != 1) {
            throw new InputException(null, "--norad", "name exactly one object to break up (" + selected.size() + " selected)");
        }
        ElementSet parent = selected.get(0);
        double length = parentLengthM != null ? parentLengthM : BreakupModel.Parent.lengthFromMass(parentMassKg);
        BreakupModel.Event event;
        try {
            BreakupModel.Parent p = new BreakupModel.Parent(parentMassKg, length, rocketBody);
            if (kind.explosion) {
                event = new BreakupModel.Explosion(p, scale);
            } else {
                if (impactSpeedKmS == null || !(impactSpeedKmS > 0) || !(kind.impactorMassKg > 0)) {
                    throw new IllegalArgumentException("a collision needs --impactor-mass-kg and --impact-speed-km-s, both positive");
                }
                event = new BreakupModel.Collision(p, kind.impactorMassKg, impactSpeedKmS);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "breakup", e.getMessage());
        }
        BreakupModel.Cloud cloud;
        try {
            cloud = BreakupModel.breakUp(event, minSizeM, seed);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--min-size-m", e.getMessage());
        }
        FragmentElements.Result result = FragmentElements.of(parent, time, cloud, firstNorad, OrekitData.standard());
        CliFiles.write(output, OmmCsv.of(result.elementSets()));
        System.out.printf(Locale.ROOT, "%s of %s (%d) at %s%s%n", event instanceof BreakupModel.Explosion ? "explosion" : "collision",
                parent.name().strip(), parent.noradId(), time, event instanceof BreakupModel.Collision c
                        ? String.format(Locale.ROOT, ": %.1f J/g, %s", c.specificEnergyJPerG(), c.catastrophic() ? "catastrophic" : "not catastrophic") : "");
        System.out.printf(Locale.ROOT, "fragments of at least %s m: %d made, %d in orbit written to %s, %d not in orbit%n", minSizeM,
                cloud.fragments().size(), result.elementSets().size(), output, result.notInOrbit());
        System.out.printf(Locale.ROOT, "mass: %.1f kg broken up, %.1f kg in these fragments, %.1f kg in smaller ones%n",
                cloud.massBrokenKg(), cloud.fragmentMassKg(), cloud.massBelowMinimumKg());
        return 0;
    }
}
