package org.spacettx.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.maneuver.Impulse;
import org.spacettx.orbit.maneuver.Rendezvous;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spacettx rpo}: the burns that bring a chaser within a range of a target at a time, and its elements after them. */
@Command(name = "rpo", mixinStandardHelpOptions = true, description = "Plan a proximity operation: the departure and arrival burns that bring --chaser to --range-km behind --target "
        + "(on the target's orbit) at --arrive and keep it there, in the SGP4 world: departures from 0.3 to 4 revolutions "
        + "before, each shot in SGP4 (from Lambert and from no burn) until it arrives within 10 m, ranked by the Δv flown. "
        + "Prints the burns; -o writes the chaser's element sets after each burn as OMM CSV; --trade every transfer tried.")
public final class RpoCommand implements Callable<Integer> {

    @Mixin
    ObjectOptions objects;
    @Option(names = "--chaser", required = true, paramLabel = "ID", description = "The chaser's catalog number.")
    int chaser;
    @Option(names = "--target", required = true, paramLabel = "ID", description = "The target's catalog number.")
    int target;
    @Option(names = "--arrive", required = true, paramLabel = "ISO", description = "When the chaser is to be there, UTC.")
    String arrive;
    @Option(names = "--range-km", required = true, paramLabel = "KM", description = "How far behind the target.")
    double rangeKm;
    @Option(names = "--max-dv-m-s", paramLabel = "M/S", description = "Refuse a plan that needs more Δv in all.")
    Double maxDv;
    @Option(names = {"-o", "--output"}, paramLabel = "CHASER.csv", description = "The chaser's element sets after each burn.")
    Path output;

    @Option(names = "--trade", paramLabel = "FILE.csv", description = "Every transfer tried: departure, transfer time, revolutions, "
            + "Δv flown and arrival error (a porkchop's data); the plan chosen is among them.")
    Path trade;

    @Override
    public Integer call() {
        var catalog = objects.loaded().catalog();
        ElementSet c = catalog.byNorad(chaser).orElseThrow(() -> new InputException(null, "--chaser", "no object " + chaser + " in the catalog"));
        ElementSet t = catalog.byNorad(target).orElseThrow(() -> new InputException(null, "--target", "no object " + target + " in the catalog"));
        if (!(rangeKm > 0)) {
            throw new InputException(null, "--range-km", "a range is positive");
        }
        Rendezvous.Plan plan;
        try {
            plan = Rendezvous.plan(c, t, Times.parse("--arrive", arrive), rangeKm, OrekitData.standard());
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "rpo", e.getMessage());
        }
        if (maxDv != null && plan.totalDvMS() > maxDv) {
            throw new InputException(null, "--max-dv-m-s", String.format(Locale.ROOT, "the plan needs %.2f m/s, more than %.2f", plan.totalDvMS(), maxDv));
        }
        for (Impulse burn : List.of(plan.departure(), plan.arrival())) {
            System.out.printf(Locale.ROOT, "%s  radial %8.3f  along-track %8.3f  cross-track %8.3f  m/s  (%.3f m/s)%n", burn.time(),
                    burn.radialMS(), burn.alongTrackMS(), burn.crossTrackMS(), burn.magnitudeMS());
        }
        System.out.printf(Locale.ROOT, "total %.3f m/s; %.1f km behind %s at %s (SGP4 on the fitted elements: %.1f m from the aim)%n",
                plan.totalDvMS(), rangeKm, t.name().strip(), arrive, plan.missM());
        if (output != null) {
            CliFiles.write(output, OmmCsv.of(List.of(plan.afterDeparture(), plan.afterArrival())));
        }
        if (trade != null) {
            StringBuilder csv = new StringBuilder("departure_utc,transfer_s,transfer_revs,revolutions,dv_m_s,arrival_error_m,chosen\n");
            double period = c.periodMinutes() * 60;
            for (Rendezvous.Transfer tried : plan.trade()) {
                csv.append(String.format(Locale.ROOT, "%s,%.3f,%.4f,%d,%s,%.3f,%s%n", tried.departure(), tried.transferSeconds(),
                        tried.transferSeconds() / period, tried.revolutions(), Double.isNaN(tried.dvMS()) ? "" : String.format(Locale.ROOT, "%.4f", tried.dvMS()),
                        tried.missM(), tried.departure().equals(plan.departure().time()) && Math.abs(tried.dvMS() - plan.totalDvMS()) < 1e-6 ? "yes" : ""));
            }
            CliFiles.write(trade, csv.toString());
        }
        return 0;
    }
}
