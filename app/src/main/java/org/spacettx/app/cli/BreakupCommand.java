package org.spacettx.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.spacettx.orbit.breakup.BreakupModel;
import org.spacettx.orbit.breakup.FragmentElements;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx breakup}: the fragments of an explosion or a collision by the NASA Standard Breakup Model. */
@Command(name = "breakup", mixinStandardHelpOptions = true, description = "Break an object up by the NASA Standard Breakup Model (explosion, or collision with an impactor) and write every "
        + "fragment at least --min-size-m long that stays in orbit as an element set (OMM CSV, which every catalog reader "
        + "here takes). Reproducible by --seed. Without --parent-length-m the parent's length follows from its mass by the "
        + "model's density law.")
public final class BreakupCommand implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;

    @Mixin
    BreakupOptions breakup;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FRAGMENTS.csv", description = "Where to write the fragments.")
    Path output;

    @Option(names = "--count-factor", defaultValue = "1", paramLabel = "F", description = "Scale the model's count by F (0 to 10, "
            + "default 1) to match a known event: the law makes about a quarter of Fengyun-1C's catalogued debris (3.2 "
            + "matches the 2,656 still listed in 2022) and Cosmos 1408's within about 20 %%.")
    double countFactor;

    @Override
    public Integer call() {
        List<ElementSet> selected = objects.selected();
        if (selected.size() != 1) {
            throw new InputException(null, "--norad", "name exactly one object to break up (" + selected.size() + " selected)");
        }
        ElementSet parent = selected.get(0);
        BreakupModel.Event event = breakup.event();
        if (!(countFactor > 0) || countFactor > BreakupModel.MAX_COUNT_FACTOR) {
            throw new InputException(null, "--count-factor", "a count factor is above 0 and at most " + BreakupModel.MAX_COUNT_FACTOR);
        }
        BreakupModel.Cloud cloud;
        try {
            cloud = BreakupModel.breakUp(event, breakup.minSizeM, breakup.seed, countFactor);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--min-size-m", e.getMessage());
        }
        FragmentElements.Result result = FragmentElements.of(parent, breakup.time, cloud, breakup.firstNorad, OrekitData.standard());
        // a target that survives (a collision that is not catastrophic) keeps its number and its orbit, first in the file
        List<ElementSet> written = new java.util.ArrayList<>();
        if (cloud.survivorKg() > 0) {
            written.add(parent);
        }
        written.addAll(result.elementSets());
        CliFiles.write(output, OmmCsv.of(written));
        System.out.printf(Locale.ROOT, "%s of %s (%d) at %s%s%n", event instanceof BreakupModel.Explosion ? "explosion" : "collision",
                parent.name().strip(), parent.noradId(), breakup.time, event instanceof BreakupModel.Collision c
                        ? String.format(Locale.ROOT, ": %.1f J/g, %s", c.specificEnergyJPerG(), c.catastrophic() ? "catastrophic" : "not catastrophic") : "");
        System.out.printf(Locale.ROOT, "fragments of at least %s m: %d made, %d in orbit written to %s, %d not in orbit%n", breakup.minSizeM,
                cloud.fragments().size(), result.elementSets().size(), output, result.notInOrbit());
        if (cloud.survivorKg() > 0) {
            System.out.printf(Locale.ROOT, "not catastrophic: %s is cratered and survives as one body of %.1f kg (written first, "
                    + "as %d, on its own orbit); the crater's ejecta, the model's M (impactor mass × impact speed², kg·(km/s)²), "
                    + "are %.1f kg: %.1f kg in these fragments, %.1f kg in smaller ones%n", parent.name().strip(), cloud.survivorKg(),
                    parent.noradId(), cloud.massBrokenKg(), cloud.fragmentMassKg(), cloud.massBelowMinimumKg());
        } else {
            System.out.printf(Locale.ROOT, "mass: %.1f kg broken up, %.1f kg in these fragments, %.1f kg in smaller ones%n",
                    cloud.massBrokenKg(), cloud.fragmentMassKg(), cloud.massBelowMinimumKg());
        }
        return 0;
    }
}
