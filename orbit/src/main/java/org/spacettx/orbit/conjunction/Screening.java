package org.spacettx.orbit.conjunction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.parallel.Parallel;
import org.spacettx.orbit.parallel.WorkLimit;
import org.spacettx.orbit.propagate.BatchSgp4;

/**
 * Conjunction screening of a catalog over a time span: every local minimum of the distance between two objects
 * that is below a threshold, all-vs-all or for a set of primaries against the rest.
 *
 * <p>The span is cut into intervals of {@code step} seconds; all objects are propagated to the interval ends
 * (TEME, SGP4). Within one interval an object stays within a sphere around the midpoint of its chord: half the
 * chord plus the sagitta bound {@code A·step²/8}, where {@code A} bounds its acceleration (gravity at its lowest
 * possible radius, with 5 % for J2 and drag). The chain of filters, each conservative, so that no approach below
 * the threshold can be lost:
 * <ol>
 * <li>a spatial grid of those spheres (cell = largest diameter + threshold): only objects in neighbouring cells
 * can pass the next test. The grid is kept as columns (all cells of one x, y), each column's objects laid out
 * together sorted by z cell, so that the three cells of a neighbouring column next to a cell are one run of the
 * cell-ordered arrays, found by walking, and a cell's objects are tested against each run in one call: a hash
 * lookup per column instead of thirteen per cell (measured: the whole catalog over a week 85–98 s → 57 s). The few
 * objects faster than LEO (eccentric orbits near perigee) are kept out of the grid and tested against every cell
 * within their reach, so that they do not coarsen it;</li>
 * <li>sphere against sphere: centres farther apart than both radii plus the threshold cannot approach;</li>
 * <li>relative motion against its chord: the relative position departs from the straight line between its end
 * values by at most the sum of both sagittas, so a chord that stays farther than threshold + sagittas is
 * rejected;</li>
 * <li>for what is left, the range rate {@code d·ḋ} on cubic Hermite interpolation of both objects' states (eight
 * sub-steps per interval) is searched for a change of sign from approaching to receding, the root found by
 * bisection, then polished on exact SGP4 states by the secant method to 1 µs; the miss distance at that time
 * decides.</li>
 * </ol>
 * Only interior minima are reported: an approach still closing at the end of the span (or already opening at its
 * start) has no time of closest approach inside it; nor are pairs moving together (see
 * {@link #MIN_RELATIVE_SPEED_KM_S}).
 */
public final class Screening {

    /** Gravitational parameter (WGS-72, as SGP4), km³/s². */
    private static final double MU = 398600.8;
    /** Margin on the acceleration bound for J2 (1e-3 of gravity), drag and SGP4's periodic terms. */
    private static final double ACCELERATION_MARGIN = 1.05;
    /** Lowest radius assumed below the mean perigee, km: short-period terms and decay over the span. */
    private static final double PERIGEE_MARGIN_KM = 50;
    /**
     * Highest radius accepted above the mean apogee at epoch, km (or 5 % of the semi-major axis if more). Drag only
     * lowers an orbit; SGP4 of a heavily dragged element set far past its epoch runs its drag polynomial through
     * zero and returns states millions of km out while the reference raises no error (seen: 30642, B* = 0.12,
     * eight days after epoch). Such states are dropped as decayed.
     */
    private static final double APOGEE_MARGIN_KM = 100;
    private static final int SUB_STEPS = 8;
    /**
     * Pairs moving together (docked, or catalogued twice with the same elements) have a constant distance whose
     * range rate is rounding noise: below this relative speed at the minimum, km/s (1 mm/s), no closest approach is
     * reported. Slow real approaches are far above it (the demo's co-orbital one: 1.6 m/s).
     */
    static final double MIN_RELATIVE_SPEED_KM_S = 1e-6;
    /**
     * Below this relative speed (km/s) the time of closest approach is refined on positions alone, to where the
     * distance is least ({@link Worker#leastDistance}); above it the range rate's zero stands for it (at kilometres per
     * second the two differ by far less than a millisecond).
     */
    static final double SLOW_KM_S = 0.2;
    /** How far (s) from the range rate's zero the least distance of a slow encounter is looked for. */
    static final double SLOW_WINDOW_S = 2;
    /** Whether the sphere test runs on SIMD lanes (as the batch kernel does: the incubating module is there). */
    private static final boolean SIMD = BatchSgp4.simd();
    /** Intervals propagated and screened together by one thread. */
    private static final int CHUNK = 30;

    public enum Propagator {
        /** The batch kernel: near-Earth objects on SIMD lanes, deep-space ones (SDP4) on its scalar path. */
        FAST,
        /** Every object through the Orekit path: the reference. */
        OREKIT
    }

    /**
     * @param primaries   catalog numbers screened against everything else; empty for all-vs-all
     * @param stepSeconds interval length; 60 s suits LEO (Hermite interpolation good to about a metre)
     * @param probability assumptions for a probability of collision, or null for none
     * @param crossOnly   primaries screened only against the other objects, not against each other (a debris cloud
     *                    against a catalog: the fragments' approaches to one another are not wanted, and skipping
     *                    them is what makes a cloud of 100,000 affordable)
     */
    public record Request(Instant from, Instant to, double thresholdKm, Set<Integer> primaries, double stepSeconds,
                          int threads, Propagator propagator, CollisionProbability probability, boolean crossOnly)
            implements java.io.Serializable {

        /** Primaries (if any) against everything, each other included. */
        public Request(Instant from, Instant to, double thresholdKm, Set<Integer> primaries, double stepSeconds,
                       int threads, Propagator propagator, CollisionProbability probability) {
            this(from, to, thresholdKm, primaries, stepSeconds, threads, propagator, probability, false);
        }

        /** The same request over another span. */
        public Request over(Instant spanFrom, Instant spanTo) {
            return new Request(spanFrom, spanTo, thresholdKm, primaries, stepSeconds, threads, propagator, probability, crossOnly);
        }

        public Request {
            if (crossOnly && primaries.isEmpty()) {
                throw new IllegalArgumentException("screening primaries against the others alone needs primaries");
            }
            primaries = Set.copyOf(primaries);
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("the span must end after it starts");
            }
            if (!(thresholdKm > 0)) {
                throw new IllegalArgumentException("the threshold must be positive");
            }
            if (!(stepSeconds > 0) || stepSeconds > 600) {
                throw new IllegalArgumentException("the step must be between 0 and 600 seconds");
            }
        }
    }

    /** What a run did, for the bench and for progress reports. */
    /**
     * @param droppedObjects objects left out of part of the span because SGP4 failed or left their orbit there
     */
    public record Stats(int objects, int intervals, long propagations, long sphereCandidates, long chordCandidates,
                        long minimaRefined, int droppedObjects, double seconds) {
    }

    public record Result(List<Conjunction> conjunctions, Stats stats) {
    }

    /** Told after each finished chunk of intervals. */
    public interface Progress {
        void update(int intervalsDone, int intervals);
    }

    private final BatchSgp4 kernel;
    private final Request request;
    private final int n;
    private final double[] accelerationBound;
    private final double[] perigeeBoundKm;
    private final double[] apogeeBoundKm;
    private final boolean[] primary;
    private final boolean[] droppedAnywhere;
    private final boolean allVsAll;
    private final boolean crossOnly;
    private final int intervals;
    private final double dt;
    private final double startMinutes;
    /**
     * Largest sphere radius of the objects put in the grid: what an object on a near-circular LEO orbit reaches in
     * one interval (8.2 km/s, above circular speed at 200 km). Faster objects are checked against the cells they
     * reach instead, so a few eccentric orbits near perigee do not coarsen the grid for everyone.
     */
    private final double capRadius;
    private final AtomicLong sphereCandidates = new AtomicLong();
    private final AtomicLong chordCandidates = new AtomicLong();
    private final AtomicLong minimaRefined = new AtomicLong();

    private Screening(List<ElementSet> catalog, Request request, OrekitData data) {
        this.request = request;
        this.kernel = request.propagator() == Propagator.FAST ? BatchSgp4.of(catalog, data)
                : BatchSgp4.orekitPath(catalog, data);
        this.n = catalog.size();
        this.accelerationBound = new double[n];
        this.perigeeBoundKm = new double[n];
        this.apogeeBoundKm = new double[n];
        this.primary = new boolean[n];
        this.droppedAnywhere = new boolean[n];
        this.allVsAll = request.primaries().isEmpty();
        this.crossOnly = request.crossOnly();
        for (int i = 0; i < n; i++) {
            ElementSet e = catalog.get(i);
            double meanMotion = e.meanMotion() * 2 * Math.PI / 86400.0;
            double a = Math.cbrt(MU / (meanMotion * meanMotion));
            perigeeBoundKm[i] = Math.max(1000.0, a * (1 - e.eccentricity()) - PERIGEE_MARGIN_KM);
            apogeeBoundKm[i] = a * (1 + e.eccentricity()) + Math.max(APOGEE_MARGIN_KM, 0.05 * a);
            primary[i] = request.primaries().contains(e.noradId());
        }
        double spanSeconds = (request.to().toEpochMilli() - request.from().toEpochMilli()) / 1000.0;
        this.intervals = Math.max(1, (int) Math.ceil(spanSeconds / request.stepSeconds() - 1e-9));
        this.dt = spanSeconds / intervals;
        this.startMinutes = kernel.minutesAt(request.from());
        this.capRadius = 8.2 * dt / 2 + ACCELERATION_MARGIN * MU / (6478.0 * 6478.0) * dt * dt / 8;
        for (int i = 0; i < n; i++) {
            accelerationBound[i] = ACCELERATION_MARGIN * MU / (perigeeBoundKm[i] * perigeeBoundKm[i]);
        }
    }

    /** Screens {@code catalog} as asked; {@code progress} may be null. */
    public static Result run(List<ElementSet> catalog, Request request, OrekitData data, Progress progress) {
        long begin = System.nanoTime();
        Screening s = new Screening(catalog, request, data);
        List<Conjunction> found = s.screen(progress, 0, s.chunkCount());
        Stats stats = new Stats(s.n, s.intervals, (long) s.n * (s.intervals + (s.intervals + CHUNK - 1) / CHUNK),
                s.sphereCandidates.get(), s.chordCandidates.get(), s.minimaRefined.get(), s.droppedCount(),
                (System.nanoTime() - begin) / 1e9);
        return new Result(found, stats);
    }

    /**
     * How many chunks of intervals {@code request} is screened in: the units of work a cluster shares out
     * ({@link #runChunks}).
     */
    public static int chunkCount(Request request) {
        double spanSeconds = (request.to().toEpochMilli() - request.from().toEpochMilli()) / 1000.0;
        int intervals = Math.max(1, (int) Math.ceil(spanSeconds / request.stepSeconds() - 1e-9));
        return (intervals + CHUNK - 1) / CHUNK;
    }

    /**
     * The conjunctions whose intervals lie in chunks {@code fromChunk} (inclusive) to {@code toChunk} (exclusive) of
     * {@code request}'s span, on the same grid as {@link #run}: the runs of chunk ranges that cover every chunk once find
     * together exactly what one run finds (each interval is screened on its own).
     */
    public static List<Conjunction> runChunks(List<ElementSet> catalog, Request request, OrekitData data, int fromChunk, int toChunk) {
        Screening s = new Screening(catalog, request, data);
        if (fromChunk < 0 || toChunk > s.chunkCount() || fromChunk > toChunk) {
            throw new IllegalArgumentException("chunks " + fromChunk + " to " + toChunk + " of " + s.chunkCount());
        }
        return s.screen(null, fromChunk, toChunk);
    }

    private int chunkCount() {
        return (intervals + CHUNK - 1) / CHUNK;
    }

    private int droppedCount() {
        int count = 0;
        for (boolean d : droppedAnywhere) {
            count += d ? 1 : 0;
        }
        return count;
    }

    private List<Conjunction> screen(Progress progress, int fromChunk, int chunks) {
        AtomicInteger next = new AtomicInteger(fromChunk);
        AtomicInteger done = new AtomicInteger();
        int threads = Math.max(1, Math.min(request.threads(), chunks - fromChunk));
        List<Integer> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(w);
        }
        List<List<Conjunction>> parts = Parallel.map(workers, threads, w -> {
            Worker worker = new Worker();
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                WorkLimit.checkpoint();
                worker.chunk(c);
                int finished = done.addAndGet(Math.min(CHUNK, intervals - c * CHUNK));
                if (progress != null) {
                    progress.update(finished, intervals);
                }
            }
            sphereCandidates.addAndGet(worker.sphereCount + worker.spheres[0]);
            chordCandidates.addAndGet(worker.chordCount);
            minimaRefined.addAndGet(worker.refinedCount);
            synchronized (droppedAnywhere) {
                for (int i = 0; i < n; i++) {
                    droppedAnywhere[i] |= worker.dropped[i];
                }
            }
            return worker.found;
        });
        List<Conjunction> all = new ArrayList<>();
        parts.forEach(all::addAll);
        all.sort(Comparator.comparing(Conjunction::tca).thenComparingInt(Conjunction::noradA)
                .thenComparingInt(Conjunction::noradB));
        return List.copyOf(all);
    }

    private double minutes(double secondsFromStart) {
        return startMinutes + secondsFromStart / 60.0;
    }

    /** One thread's buffers: the states of a chunk, the grid, and what it found. */
    private final class Worker {
        final BatchSgp4.States[] states = new BatchSgp4.States[CHUNK + 1];
        /**
         * Per object, its interval's sphere in one cache line: centre (x, y, z), radius, half chord (x, y, z) and
         * sagitta; laying the grid out gathers them by object, one line each instead of one per array.
         */
        final double[] sphere = new double[SPHERE * n];
        final int[] valid = new int[n];
        final int[] big = new int[n];
        // Cell-ordered copies of the grid's objects: index, centre, radius + threshold, primary, half chord, sagitta.
        final int[] order = new int[n];
        final double[] px = new double[n];
        final double[] py = new double[n];
        final double[] pz = new double[n];
        final double[] pr = new double[n];
        final boolean[] pp = new boolean[n];
        final double[] hx = new double[n];
        final double[] hy = new double[n];
        final double[] hz = new double[n];
        final double[] ps = new double[n];
        /** Objects whose SGP4 states left their orbit (see APOGEE_MARGIN_KM) somewhere in this worker's chunks. */
        final boolean[] dropped = new boolean[n];
        // The grid as columns: a column is every cell of one (x, y), found by hashing; its objects lie together in
        // the cell-ordered arrays, sorted by z cell (within a cell, primaries first), so that three cells of a
        // column that neighbour a cell are one run of positions and the grid needs a lookup per column, not per cell.
        final int capacity = Integer.highestOneBit(Math.max(16, 2 * n)) * 2;
        final long[] columnKeys = new long[capacity];
        final int[] stamps = new int[capacity];
        final int[] columnCount = new int[capacity];
        final int[] columnStart = new int[capacity];
        /** Occupied column slots, in the order their objects are laid out. */
        final int[] columns = new int[n];
        /** Per grid object: its column's slot, and its sort key in the column (z cell, then primaries first). */
        final int[] columnOf = new int[n];
        final long[] sortKey = new long[n];
        /** Objects in column order before each column is sorted. */
        final int[] byColumn = new int[n];
        /** Per position: its z cell, and where the non-primaries of its cell start. */
        final int[] zAt = new int[n];
        final int[] midAt = new int[n];
        /** The walk through the four neighbouring columns: each one's run beside the current cell, and its end. */
        final int[] lo = new int[4];
        final int[] hi = new int[4];
        final int[] last = new int[4];
        /** Positions that pass both tests against one object, from {@link VectorSpheres}. */
        final int[] hitsA = new int[n];
        final int[] hitsB = new int[n];
        /** Those whose spheres met, counted by {@link VectorSpheres}. */
        final long[] spheres = new long[1];
        /** 1 where {@code pp} is true: the same, as lanes read it. */
        final double[] ppLanes = new double[n];
        final VectorSpheres.Packed lanes = SIMD ? new VectorSpheres.Packed(px, py, pz, pr, hx, hy, hz, ps, ppLanes) : null;
        int stamp;
        final List<Conjunction> found = new ArrayList<>();
        /** Counters kept per thread (shared atomic counters cost more than the tests they count). */
        long sphereCount;
        long chordCount;
        long refinedCount;
        final double[] sa = new double[6];
        final double[] sb = new double[6];

        Worker() {
            for (int k = 0; k <= CHUNK; k++) {
                states[k] = new BatchSgp4.States(n);
            }
        }

        void chunk(int c) {
            int first = c * CHUNK;
            int last = Math.min(intervals, first + CHUNK);
            double[] times = new double[last - first + 1];
            for (int k = first; k <= last; k++) {
                times[k - first] = minutes(k * dt);
            }
            kernel.propagate(times, 0, n, states);
            for (int k = first; k < last; k++) {
                interval(k, states[k - first], states[k + 1 - first]);
            }
        }

        void interval(int k, BatchSgp4.States s0, BatchSgp4.States s1) {
            int count = 0;
            int bigCount = 0;
            double largest = 0;
            for (int i = 0; i < n; i++) {
                if (s0.status[i] != BatchSgp4.OK || s1.status[i] != BatchSgp4.OK) {
                    dropped[i] = true;
                    continue;
                }
                double r0 = Math.sqrt(s0.x[i] * s0.x[i] + s0.y[i] * s0.y[i] + s0.z[i] * s0.z[i]);
                double r1 = Math.sqrt(s1.x[i] * s1.x[i] + s1.y[i] * s1.y[i] + s1.z[i] * s1.z[i]);
                if (Math.max(r0, r1) > apogeeBoundKm[i]) {
                    dropped[i] = true;
                    continue;
                }
                double rMin = Math.min(perigeeBoundKm[i], Math.min(r0, r1));
                double acceleration = Math.max(accelerationBound[i], ACCELERATION_MARGIN * MU / (rMin * rMin));
                double dx = s1.x[i] - s0.x[i];
                double dy = s1.y[i] - s0.y[i];
                double dz = s1.z[i] - s0.z[i];
                int line = SPHERE * i;
                double sagitta = acceleration * dt * dt / 8;
                double radius = 0.5 * Math.sqrt(dx * dx + dy * dy + dz * dz) + sagitta;
                sphere[line] = 0.5 * (s0.x[i] + s1.x[i]);
                sphere[line + 1] = 0.5 * (s0.y[i] + s1.y[i]);
                sphere[line + 2] = 0.5 * (s0.z[i] + s1.z[i]);
                sphere[line + 3] = radius;
                sphere[line + 4] = 0.5 * dx;
                sphere[line + 5] = 0.5 * dy;
                sphere[line + 6] = 0.5 * dz;
                sphere[line + 7] = sagitta;
                if (radius > capRadius) {
                    big[bigCount++] = i;
                } else {
                    largest = Math.max(largest, radius);
                    valid[count++] = i;
                }
            }
            double threshold = request.thresholdKm();
            double cell = 2 * largest + threshold;
            int columnsUsed = layOut(count, cell, threshold);
            for (int o = 0; o < columnsUsed; o++) {
                int slot = columns[o];
                long key = columnKeys[slot];
                int x = (int) (key >> 32);
                int y = (int) key;
                int start = columnStart[slot];
                int end = start + columnCount[slot];
                // the column's own cells: each against itself and the next z cell up; then the columns at (x, y + 1)
                // and (x + 1, y - 1 .. y + 1), each cell against the three z cells beside it there: every pair of
                // neighbouring cells once
                for (int d = 0; d < 4; d++) {
                    int other = find(columnKey(x + (d == 0 ? 0 : 1), y + (d == 0 ? 1 : d - 2)));
                    lo[d] = other < 0 ? 0 : columnStart[other];
                    hi[d] = lo[d];
                    last[d] = other < 0 ? 0 : lo[d] + columnCount[other];
                }
                for (int r0 = start; r0 < end; ) {
                    int z = zAt[r0];
                    int r1 = r0 + 1;
                    while (r1 < end && zAt[r1] == z) {
                        r1++;
                    }
                    int r2 = r1;
                    while (r2 < end && zAt[r2] == z + 1) {
                        r2++;
                    }
                    if (crossOnly) {
                        int mid = midAt[r0];
                        pairs(r0, mid, mid, r1, k, s0, s1);
                        if (r2 > r1) {
                            crossPairs(r0, mid, r1, r1, r2, k, s0, s1);
                        }
                    } else {
                        pairs(r0, r1, r0, r2, true, k, s0, s1);
                    }
                    for (int d = 0; d < 4; d++) {
                        while (lo[d] < last[d] && zAt[lo[d]] < z - 1) {
                            lo[d]++;
                        }
                        if (hi[d] < lo[d]) {
                            hi[d] = lo[d];
                        }
                        while (hi[d] < last[d] && zAt[hi[d]] <= z + 1) {
                            hi[d]++;
                        }
                        if (hi[d] > lo[d]) {
                            if (crossOnly) {
                                crossPairs(r0, midAt[r0], r1, lo[d], hi[d], k, s0, s1);
                            } else {
                                pairs(r0, r1, lo[d], hi[d], k, s0, s1);
                            }
                        }
                    }
                    r0 = r1;
                }
            }
            // Fast objects (eccentric orbits near perigee) against every cell their reach overlaps, and each other
            // (consider leaves out the pairs not screened).
            for (int b = 0; b < bigCount; b++) {
                int i = big[b];
                double reach = sphere[SPHERE * i + 3] + largest + threshold;
                int x0 = cell(sphere[SPHERE * i] - reach, cell);
                int x1 = cell(sphere[SPHERE * i] + reach, cell);
                int y0 = cell(sphere[SPHERE * i + 1] - reach, cell);
                int y1 = cell(sphere[SPHERE * i + 1] + reach, cell);
                int z0 = cell(sphere[SPHERE * i + 2] - reach, cell);
                int z1 = cell(sphere[SPHERE * i + 2] + reach, cell);
                for (int x = x0; x <= x1; x++) {
                    for (int y = y0; y <= y1; y++) {
                        int slot = find(columnKey(x, y));
                        if (slot < 0) {
                            continue;
                        }
                        int end = columnStart[slot] + columnCount[slot];
                        for (int b2 = columnStart[slot]; b2 < end && zAt[b2] <= z1; b2++) {
                            if (zAt[b2] >= z0) {
                                consider(i, order[b2], k, s0, s1);
                            }
                        }
                    }
                }
            }
            if (crossOnly) {
                int primaries = 0;
                for (int b = 0; b < bigCount; b++) {
                    if (primary[big[b]]) {
                        int swap = big[primaries];
                        big[primaries++] = big[b];
                        big[b] = swap;
                    }
                }
                for (int b = 0; b < primaries; b++) {
                    for (int c = primaries; c < bigCount; c++) {
                        consider(big[b], big[c], k, s0, s1);
                    }
                }
            } else {
                for (int b = 0; b < bigCount; b++) {
                    for (int c = b + 1; c < bigCount; c++) {
                        consider(big[b], big[c], k, s0, s1);
                    }
                }
            }
        }

        /**
         * The grid objects {@code valid[0..count)} in the cell-ordered arrays, column after column, each column by
         * z cell, within a cell its primaries first; how many columns.
         */
        int layOut(int count, double cell, double threshold) {
            stamp++;
            int used = 0;
            for (int v = 0; v < count; v++) {
                int i = valid[v];
                long key = columnKey(cell(sphere[SPHERE * i], cell), cell(sphere[SPHERE * i + 1], cell));
                int slot = slot(key);
                if (stamps[slot] != stamp) {
                    stamps[slot] = stamp;
                    columnKeys[slot] = key;
                    columnCount[slot] = 0;
                    columns[used++] = slot;
                }
                columnCount[slot]++;
                columnOf[i] = slot;
                // z cell in the high bits (offset to keep negative ones in order; cells beyond ±2^20, which a
                // catalog never reaches, share the last: more pairs tested, none lost), then 0 for a primary, then i
                long z = Math.max(-Z_CELLS + 1, Math.min(Z_CELLS - 1, cell(sphere[SPHERE * i + 2], cell))) + Z_CELLS;
                sortKey[i] = z << 33 | (long) (allVsAll || !primary[i] ? 1 : 0) << 32 | i;
            }
            int p = 0;
            for (int o = 0; o < used; o++) {
                int slot = columns[o];
                columnStart[slot] = p;
                p += columnCount[slot];
            }
            for (int v = 0; v < count; v++) {
                int i = valid[v];
                byColumn[columnStart[columnOf[i]]++] = i;
            }
            p = 0;
            for (int o = 0; o < used; o++) {
                int slot = columns[o];
                int start = p;
                int end = columnStart[slot];
                columnStart[slot] = start;
                sortColumn(start, end);
                for (int q = start; q < end; q++) {
                    int i = byColumn[q];
                    zAt[q] = (int) ((sortKey[i] >>> 33) - Z_CELLS);
                    place(i, q, threshold);
                }
                for (int q = start; q < end; ) {
                    int r = q;
                    int mid = q;
                    while (r < end && zAt[r] == zAt[q]) {
                        mid += primary[order[r]] && !allVsAll ? 1 : 0;
                        r++;
                    }
                    for (int m = q; m < r; m++) {
                        midAt[m] = mid;
                    }
                    q = r;
                }
                p = end;
            }
            return used;
        }

        /** Sorts {@code byColumn[from, to)} by sort key: insertion sort, columns being short. */
        void sortColumn(int from, int to) {
            for (int q = from + 1; q < to; q++) {
                int i = byColumn[q];
                long key = sortKey[i];
                int r = q - 1;
                while (r >= from && sortKey[byColumn[r]] > key) {
                    byColumn[r + 1] = byColumn[r];
                    r--;
                }
                byColumn[r + 1] = i;
            }
        }

        /**
         * Screening primaries against the others alone: the primaries [a0, aMid) and the others [aMid, a1) of one
         * cell against the others and the primaries of the cells in positions [b0, b1).
         */
        void crossPairs(int a0, int aMid, int a1, int b0, int b1, int k, BatchSgp4.States s0, BatchSgp4.States s1) {
            for (int q = b0; q < b1; ) {
                int mid = midAt[q];
                int r = q;
                while (r < b1 && zAt[r] == zAt[q]) {
                    r++;
                }
                pairs(a0, aMid, mid, r, k, s0, s1);
                pairs(aMid, a1, q, mid, k, s0, s1);
                q = r;
            }
        }

        /** Copies object {@code i} to position {@code p} of the cell-ordered arrays. */
        void place(int i, int p, double threshold) {
            int line = SPHERE * i;
            order[p] = i;
            px[p] = sphere[line];
            py[p] = sphere[line + 1];
            pz[p] = sphere[line + 2];
            pr[p] = sphere[line + 3] + threshold;
            hx[p] = sphere[line + 4];
            hy[p] = sphere[line + 5];
            hz[p] = sphere[line + 6];
            ps[p] = sphere[line + 7];
            pp[p] = allVsAll || primary[i];
            ppLanes[p] = pp[p] ? 1 : 0;
        }

        /**
         * Every pair of a position in [aFrom, aTo) with one in [bFrom, bTo) of the cell-ordered arrays: the sphere
         * and chord tests on SIMD lanes ({@link VectorSpheres}) where they may run, else {@link #packed}.
         */
        void pairs(int aFrom, int aTo, int bFrom, int bTo, int k, BatchSgp4.States s0, BatchSgp4.States s1) {
            if (aTo - aFrom > bTo - bFrom) {
                // the tests are symmetric: the longer run on the lanes
                pairs(bFrom, bTo, aFrom, aTo, false, k, s0, s1);
            } else {
                pairs(aFrom, aTo, bFrom, bTo, false, k, s0, s1);
            }
        }

        /**
         * The pairs of a position in [aFrom, aTo) and one in [bFrom, bTo), or with {@code triangle} only those whose
         * second position comes after the first (a run against itself and what follows it).
         */
        void pairs(int aFrom, int aTo, int bFrom, int bTo, boolean triangle, int k, BatchSgp4.States s0, BatchSgp4.States s1) {
            if (aFrom >= aTo || bFrom >= bTo) {
                return;
            }
            if (SIMD) {
                // as many a's a call as the hit buffers hold whatever passes
                int block = Math.max(1, hitsA.length / (bTo - bFrom));
                for (int a0 = aFrom; a0 < aTo; a0 += block) {
                    int count = VectorSpheres.candidates(lanes, a0, Math.min(aTo, a0 + block), bFrom, bTo, triangle,
                            request.thresholdKm(), hitsA, hitsB, spheres);
                    chordCount += count;
                    for (int h = 0; h < count; h++) {
                        refine(order[hitsA[h]], order[hitsB[h]], k, s0, s1);
                    }
                }
                return;
            }
            for (int a = aFrom; a < aTo; a++) {
                for (int b = triangle ? Math.max(bFrom, a + 1) : bFrom; b < bTo; b++) {
                    packed(a, b, k, s0, s1);
                }
            }
        }

        int slot(long key) {
            int h = hash(key);
            while (stamps[h] == stamp && columnKeys[h] != key) {
                h = (h + 1) & (capacity - 1);
            }
            return h;
        }

        int find(long key) {
            int h = hash(key);
            while (stamps[h] == stamp) {
                if (columnKeys[h] == key) {
                    return h;
                }
                h = (h + 1) & (capacity - 1);
            }
            return -1;
        }

        int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & (capacity - 1);
        }

        /** The sphere test on the cell-ordered copies, then {@link #spheresMeet}. */
        void packed(int a, int b, int k, BatchSgp4.States s0, BatchSgp4.States s1) {
            double dcx = px[b] - px[a];
            double dcy = py[b] - py[a];
            double dcz = pz[b] - pz[a];
            double reach = pr[b] + (pr[a] - request.thresholdKm());
            if (dcx * dcx + dcy * dcy + dcz * dcz <= reach * reach) {
                spheresMeet(a, b, k, s0, s1);
            }
        }

        /** For two cell-ordered positions whose spheres meet: the pair if it is to be screened, its chord test. */
        void spheresMeet(int a, int b, int k, BatchSgp4.States s0, BatchSgp4.States s1) {
            if (!pp[a] && !pp[b]) {
                return;
            }
            sphereCount++;
            // The relative chord runs from (centres - half chords) to (centres + half chords).
            double ex = 2 * (hx[b] - hx[a]);
            double ey = 2 * (hy[b] - hy[a]);
            double ez = 2 * (hz[b] - hz[a]);
            if (closerThan(px[b] - px[a] - 0.5 * ex, py[b] - py[a] - 0.5 * ey, pz[b] - pz[a] - 0.5 * ez, ex, ey, ez,
                    request.thresholdKm() + ps[a] + ps[b])) {
                chordCount++;
                refine(order[a], order[b], k, s0, s1);
            }
        }

        void consider(int i, int j, int k, BatchSgp4.States s0, BatchSgp4.States s1) {
            if (!allVsAll && !primary[i] && !primary[j] || crossOnly && primary[i] && primary[j]) {
                return;
            }
            double threshold = request.thresholdKm();
            double dcx = sphere[SPHERE * j] - sphere[SPHERE * i];
            double dcy = sphere[SPHERE * j + 1] - sphere[SPHERE * i + 1];
            double dcz = sphere[SPHERE * j + 2] - sphere[SPHERE * i + 2];
            double reach = sphere[SPHERE * i + 3] + sphere[SPHERE * j + 3] + threshold;
            if (dcx * dcx + dcy * dcy + dcz * dcz > reach * reach) {
                return;
            }
            chord(i, j, k, s0, s1);
        }

        /** The relative chord test, then the search for minima. */
        void chord(int i, int j, int k, BatchSgp4.States s0, BatchSgp4.States s1) {
            sphereCount++;
            double d0x = s0.x[j] - s0.x[i];
            double d0y = s0.y[j] - s0.y[i];
            double d0z = s0.z[j] - s0.z[i];
            if (closerThan(d0x, d0y, d0z, s1.x[j] - s1.x[i] - d0x, s1.y[j] - s1.y[i] - d0y, s1.z[j] - s1.z[i] - d0z,
                    request.thresholdKm() + sphere[SPHERE * i + 7] + sphere[SPHERE * j + 7])) {
                chordCount++;
                refine(i, j, k, s0, s1);
            }
        }

        /** Range-rate roots in the interval on Hermite interpolation, then on exact states. */
        void refine(int i, int j, int k, BatchSgp4.States s0, BatchSgp4.States s1) {
            double previous = rangeRateHermite(i, j, s0, s1, 0);
            for (int q = 1; q <= SUB_STEPS; q++) {
                double u = (double) q / SUB_STEPS;
                double current = q == SUB_STEPS ? rangeRateExactNode(i, j, s1) : rangeRateHermite(i, j, s0, s1, u);
                if (previous < 0 && current >= 0) {
                    double lo = (double) (q - 1) / SUB_STEPS;
                    double hi = u;
                    for (int it = 0; it < 40 && (hi - lo) * dt > 1e-6; it++) {
                        double mid = 0.5 * (lo + hi);
                        if (rangeRateHermite(i, j, s0, s1, mid) < 0) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    refinedCount++;
                    polish(i, j, (k + 0.5 * (lo + hi)) * dt);
                }
                previous = current;
            }
        }

        double rangeRateExactNode(int i, int j, BatchSgp4.States s) {
            return (s.x[j] - s.x[i]) * (s.vx[j] - s.vx[i]) + (s.y[j] - s.y[i]) * (s.vy[j] - s.vy[i])
                    + (s.z[j] - s.z[i]) * (s.vz[j] - s.vz[i]);
        }

        /** d·ḋ at fraction {@code u} of the interval, from cubic Hermite interpolation of both objects. */
        double rangeRateHermite(int i, int j, BatchSgp4.States s0, BatchSgp4.States s1, double u) {
            double u2 = u * u;
            double u3 = u2 * u;
            double h00 = 2 * u3 - 3 * u2 + 1;
            double h10 = (u3 - 2 * u2 + u) * dt;
            double h01 = -2 * u3 + 3 * u2;
            double h11 = (u3 - u2) * dt;
            double g00 = (6 * u2 - 6 * u) / dt;
            double g10 = 3 * u2 - 4 * u + 1;
            double g01 = (-6 * u2 + 6 * u) / dt;
            double g11 = 3 * u2 - 2 * u;
            double px = h00 * (s0.x[j] - s0.x[i]) + h10 * (s0.vx[j] - s0.vx[i]) + h01 * (s1.x[j] - s1.x[i]) + h11 * (s1.vx[j] - s1.vx[i]);
            double py = h00 * (s0.y[j] - s0.y[i]) + h10 * (s0.vy[j] - s0.vy[i]) + h01 * (s1.y[j] - s1.y[i]) + h11 * (s1.vy[j] - s1.vy[i]);
            double pz = h00 * (s0.z[j] - s0.z[i]) + h10 * (s0.vz[j] - s0.vz[i]) + h01 * (s1.z[j] - s1.z[i]) + h11 * (s1.vz[j] - s1.vz[i]);
            double vx = g00 * (s0.x[j] - s0.x[i]) + g10 * (s0.vx[j] - s0.vx[i]) + g01 * (s1.x[j] - s1.x[i]) + g11 * (s1.vx[j] - s1.vx[i]);
            double vy = g00 * (s0.y[j] - s0.y[i]) + g10 * (s0.vy[j] - s0.vy[i]) + g01 * (s1.y[j] - s1.y[i]) + g11 * (s1.vy[j] - s1.vy[i]);
            double vz = g00 * (s0.z[j] - s0.z[i]) + g10 * (s0.vz[j] - s0.vz[i]) + g01 * (s1.z[j] - s1.z[i]) + g11 * (s1.vz[j] - s1.vz[i]);
            return px * vx + py * vy + pz * vz;
        }

        /** Exact range rate at {@code t} seconds from the start (states left in sa, sb); NaN if either fails. */
        double rangeRateExact(int i, int j, double t) {
            if (kernel.stateAt(i, minutes(t), sa) != BatchSgp4.OK || kernel.stateAt(j, minutes(t), sb) != BatchSgp4.OK
                    || sa[0] * sa[0] + sa[1] * sa[1] + sa[2] * sa[2] > apogeeBoundKm[i] * apogeeBoundKm[i]
                    || sb[0] * sb[0] + sb[1] * sb[1] + sb[2] * sb[2] > apogeeBoundKm[j] * apogeeBoundKm[j]) {
                return Double.NaN;
            }
            return (sb[0] - sa[0]) * (sb[3] - sa[3]) + (sb[1] - sa[1]) * (sb[4] - sa[4]) + (sb[2] - sa[2]) * (sb[5] - sa[5]);
        }

        /**
         * The secant method on the exact range rate f = d·ḋ from the interpolated root, its second point one Newton
         * step away (the derivative ḋ·ḋ + d·d̈ from the two states with two-body accelerations, good to about a
         * thousandth where the objects cross fast: three evaluations instead of five or six where the second point
         * was a millisecond on; objects drifting slowly apart, whose derivative that misses, still converge by the
         * secant), to a step under 1 µs; then the conjunction if close.
         */
        void polish(int i, int j, double t) {
            double t0 = t;
            double f0 = rangeRateExact(i, j, t0);
            if (Double.isNaN(f0)) {
                return;
            }
            double slope = rangeRateSlope(sa, sb);
            double t1 = slope > 0 && Math.abs(f0 / slope) < 1.0 ? t0 - f0 / slope : t0 + 1e-3;
            double f1 = rangeRateExact(i, j, t1);
            double best = t1;
            for (int it = 0; it < 8 && !Double.isNaN(f0) && !Double.isNaN(f1) && f1 != f0 && Math.abs(t1 - t0) >= 1e-6; it++) {
                double t2 = t1 - f1 * (t1 - t0) / (f1 - f0);
                if (Math.abs(t2 - t) > 1.0) {
                    break; // no convergence near the interpolated root: keep the last point
                }
                t0 = t1;
                f0 = f1;
                t1 = t2;
                f1 = rangeRateExact(i, j, t1);
                best = t1;
            }
            // sa and sb hold the states at best, the last time evaluated
            if (Double.isNaN(f1)) {
                return;
            }
            if (relativeSpeed(sa, sb) < SLOW_KM_S) {
                best = leastDistance(i, j, best); // sa and sb hold the states there
                if (Double.isNaN(best)) {
                    return;
                }
            }
            double mx = sb[0] - sa[0];
            double my = sb[1] - sa[1];
            double mz = sb[2] - sa[2];
            double miss = Math.sqrt(mx * mx + my * my + mz * mz);
            if (miss > request.thresholdKm() || relativeSpeed(sa, sb) < MIN_RELATIVE_SPEED_KM_S) {
                return;
            }
            ElementSet a = kernel.elements(i);
            ElementSet b = kernel.elements(j);
            boolean swap = allVsAll ? a.noradId() > b.noradId()
                    : (primary[j] && !primary[i]) || (primary[i] && primary[j] && a.noradId() > b.noradId());
            double[] pa = swap ? sb.clone() : sa.clone();
            double[] pb = swap ? sa.clone() : sb.clone();
            ElementSet first = swap ? b : a;
            ElementSet second = swap ? a : b;
            found.add(conjunction(first, second, pa, pb, best));
        }

        /**
         * The time within {@value #SLOW_WINDOW_S} s of {@code t} where the two positions are nearest (Brent's method on
         * positions alone, to 1 µs), the states left in sa and sb; NaN if a state fails there. For slow encounters:
         * SGP4's velocity is not the exact derivative of its position, and the zero of the range rate from it lies
         * milliseconds to tenths of a second from the distance's minimum when the objects close at metres per second.
         */
        double leastDistance(int i, int j, double t) {
            org.hipparchus.analysis.UnivariateFunction squared = x -> {
                if (kernel.stateAt(i, minutes(x), sa) != BatchSgp4.OK || kernel.stateAt(j, minutes(x), sb) != BatchSgp4.OK) {
                    return Double.MAX_VALUE;
                }
                double dx = sb[0] - sa[0];
                double dy = sb[1] - sa[1];
                double dz = sb[2] - sa[2];
                return dx * dx + dy * dy + dz * dz;
            };
            double at = new org.hipparchus.optim.univariate.BrentOptimizer(1e-12, 1e-6).optimize(
                    new org.hipparchus.optim.MaxEval(200), new org.hipparchus.optim.univariate.UnivariateObjectiveFunction(squared),
                    org.hipparchus.optim.nonlinear.scalar.GoalType.MINIMIZE,
                    new org.hipparchus.optim.univariate.SearchInterval(t - SLOW_WINDOW_S, t + SLOW_WINDOW_S, t)).getPoint();
            return squared.value(at) == Double.MAX_VALUE ? Double.NaN : at;
        }

        Conjunction conjunction(ElementSet a, ElementSet b, double[] pa, double[] pb, double t) {
            double[] r = {pa[0], pa[1], pa[2]};
            double rn = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
            double[] radial = {r[0] / rn, r[1] / rn, r[2] / rn};
            double hx = pa[1] * pa[5] - pa[2] * pa[4];
            double hy = pa[2] * pa[3] - pa[0] * pa[5];
            double hz = pa[0] * pa[4] - pa[1] * pa[3];
            double hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
            double[] cross = {hx / hn, hy / hn, hz / hn};
            double[] along = {cross[1] * radial[2] - cross[2] * radial[1], cross[2] * radial[0] - cross[0] * radial[2],
                    cross[0] * radial[1] - cross[1] * radial[0]};
            double[] d = {pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]};
            double[] w = {pb[3] - pa[3], pb[4] - pa[4], pb[5] - pa[5]};
            double miss = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            double speed = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
            double probability = request.probability() == null ? Double.NaN : request.probability().of(pa, pb);
            return new Conjunction(a.noradId(), a.name(), b.noradId(), b.name(), kernel.instantAt(minutes(t)), miss,
                    speed, dot(d, radial), dot(d, along), dot(d, cross), probability);
        }
    }

    /** The range rate's time derivative ḋ·ḋ + d·d̈ of two states (km, km/s), with two-body accelerations. */
    private static double rangeRateSlope(double[] a, double[] b) {
        double ra = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        double rb = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
        double ka = -MU / (ra * ra * ra);
        double kb = -MU / (rb * rb * rb);
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double dz = b[2] - a[2];
        double wx = b[3] - a[3];
        double wy = b[4] - a[4];
        double wz = b[5] - a[5];
        return wx * wx + wy * wy + wz * wz
                + dx * (kb * b[0] - ka * a[0]) + dy * (kb * b[1] - ka * a[1]) + dz * (kb * b[2] - ka * a[2]);
    }

    private static double relativeSpeed(double[] a, double[] b) {
        double vx = b[3] - a[3];
        double vy = b[4] - a[4];
        double vz = b[5] - a[5];
        return Math.sqrt(vx * vx + vy * vy + vz * vz);
    }

    /** Whether the segment from d0 to d0 + e comes within {@code limit} of the origin. */
    private static boolean closerThan(double d0x, double d0y, double d0z, double ex, double ey, double ez, double limit) {
        double ee = ex * ex + ey * ey + ez * ez;
        double f = ee > 0 ? Math.max(0, Math.min(1, -(d0x * ex + d0y * ey + d0z * ez) / ee)) : 0;
        double mx = d0x + f * ex;
        double my = d0y + f * ey;
        double mz = d0z + f * ez;
        return mx * mx + my * my + mz * mz <= limit * limit;
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static int cell(double coordinate, double size) {
        return (int) Math.floor(coordinate / size);
    }

    /** Doubles per object in a worker's sphere lines. */
    private static final int SPHERE = 8;

    /** Bound on the z cells kept apart in a column's sort key. */
    private static final long Z_CELLS = 1L << 20;

    /** A column's two cell indices packed into one key. */
    private static long columnKey(int x, int y) {
        return ((long) x << 32) | (y & 0xFFFFFFFFL);
    }
}
