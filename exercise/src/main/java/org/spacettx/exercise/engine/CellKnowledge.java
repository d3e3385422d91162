package org.spacettx.exercise.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.spacettx.exercise.policy.Knowledge;
import org.spacettx.exercise.scenario.SpaceObject;

/**
 * What each delegation knows of each space object at a scenario time: its own sensors' custody of it
 * ({@link Detections}) and the tracks allies have shared with it. A delegation's picture shows an object where the
 * newest element set it holds puts it (from its latest fix: its own observation, a shared one, or for an object in the
 * public catalog before the exercise the catalog's, current up to its epoch), with a position uncertainty that grows from that fix by a stated
 * model: {@value #SIGMA_AT_FIX_KM} km at the observation, {@value #SIGMA_GROWTH_KM_PER_DAY} km more each day (the order
 * of the along-track error of an SGP4 element set in low orbit). A manoeuvre the delegation has not observed is not in
 * its picture: the object is shown where it would have been without it, until a fix after it.
 */
public final class CellKnowledge implements Knowledge {

    public static final double SIGMA_AT_FIX_KM = 1;
    public static final double SIGMA_GROWTH_KM_PER_DAY = 2;
    /** A track not refreshed for this long is stale; after {@link Detections#LOST_AFTER} it is lost. */
    public static final Duration STALE_AFTER = Duration.ofHours(24);

    /**
     * A delegation's estimate of an object at a time: the object as it knows it (its manoeuvres observed by its latest
     * fix, a breakup once it has happened), the time and source of that fix ("catalog", "sensor:ID" or "shared:CELL"),
     * the custody ("tracked", "stale" or "lost") and the position uncertainty (1 sigma, km).
     */
    public record Estimate(SpaceObject asKnown, Instant observed, String source, String custody, double sigmaKm) {
    }

    private final Detections sensors;
    private final List<Item.SharedTrack> shares;

    public CellKnowledge(Detections sensors, List<Item.SharedTrack> shares) {
        this.sensors = sensors;
        this.shares = List.copyOf(shares);
    }

    @Override
    public boolean hasSensors(String cell) {
        return sensors.hasSensors(cell);
    }

    @Override
    public Optional<Instant> firstKnown(String cell, String object, Instant from) {
        Optional<Instant> own = sensors.firstDetection(cell, object, from);
        Optional<Instant> given = shares.stream().filter(s -> s.toCell().equals(cell) && s.object().equals(object))
                .map(Item.SharedTrack::scenarioTime).filter(t -> !t.isBefore(from)).min(Comparator.naturalOrder());
        return own.isEmpty() ? given : given.isEmpty() ? own : Optional.of(own.get().isBefore(given.get()) ? own.get() : given.get());
    }

    @Override
    public Optional<Instant> firstKnownBreakup(String cell, String breakup) {
        return sensors.firstDebrisDetection(cell, breakup);
    }

    /**
     * The estimate of {@code o} that {@code cell} holds at {@code t}; empty when the cell has no sensors of its own (it
     * follows what happens, as before sensors were modelled) or holds no element set of the object yet.
     */
    public Optional<Estimate> estimate(String cell, SpaceObject o, Instant t) {
        if (!sensors.hasSensors(cell)) {
            return Optional.empty();
        }
        Instant best = null;
        String source = null;
        if (o.inOrbitFrom() == null) { // the public catalog's element set, current until its epoch
            best = o.elements().epoch().isAfter(t) ? t : o.elements().epoch();
            source = "catalog";
        }
        Detections.Track track = sensors.track(cell, o);
        Optional<Detections.Fix> own = track.latestBy(t);
        if (own.isPresent() && (best == null || own.get().latestBy(t).isAfter(best))) {
            best = own.get().latestBy(t);
            source = "sensor:" + own.get().sensor();
        }
        for (Item.SharedTrack s : shares) {
            if (s.toCell().equals(cell) && s.object().equals(o.id()) && !s.scenarioTime().isAfter(t)
                    && (best == null || s.observedAt().isAfter(best))) {
                best = s.observedAt();
                source = "shared:" + s.fromCell();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Instant fix = best;
        Duration age = Duration.between(fix, t).isNegative() ? Duration.ZERO : Duration.between(fix, t);
        boolean lostSince = track.losses().stream().anyMatch(l -> l.time().isAfter(fix) && !l.time().isAfter(t));
        String custody = lostSince || age.compareTo(Detections.LOST_AFTER) > 0 ? "lost"
                : age.compareTo(STALE_AFTER) > 0 ? "stale" : "tracked";
        double sigma = SIGMA_AT_FIX_KM + SIGMA_GROWTH_KM_PER_DAY * age.toMillis() / 86_400_000.0;
        return Optional.of(new Estimate(o.asTrackedAt(fix, t), fix, source, custody, sigma));
    }

    /**
     * The estimate the room's screen shows: the one with the oldest fix among the delegations' (what every delegation
     * holds at least); empty when a delegation has no sensors or holds nothing of it.
     */
    public Optional<Estimate> common(List<String> cells, SpaceObject o, Instant t) {
        Estimate oldest = null;
        for (String cell : cells) {
            Optional<Estimate> e = estimate(cell, o, t);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            if (oldest == null || e.get().observed().isBefore(oldest.observed())) {
                oldest = e.get();
            }
        }
        return Optional.ofNullable(oldest);
    }
}
