package org.spacettx.exercise.scenario;

import java.time.Duration;
import java.util.Locale;

/**
 * How much work one scenario may ask of a server, declared once: every check that enforces a limit names it by its
 * setting, so that whoever meets it knows what to shorten or whom to ask. A server takes its limits from its options
 * ({@code --max-scenario-days}, {@code --max-sky-samples}, {@code --max-schedule-samples}, {@code
 * --max-compute-seconds}); the command line applies the same defaults.
 *
 * @param span            the longest scenario (start to end): every object is sampled over the whole span
 * @param skySamples      the most states of the scenario's sky (its objects every 60 s over the span), which a
 *                        running exercise keeps in memory (48 bytes each)
 * @param scheduleSamples the most propagated states (object × grid point, every 60 s) that computing a scenario's
 *                        schedule may take: its sky, its conjunction screenings and its debris clouds
 *                        ({@code TriggerSchedule.work} counts them before computing anything)
 * @param computeTime     the longest a scenario's schedule may take to compute (its validation, publication, import
 *                        or a server's start); past it the computation is stopped
 */
public record Limits(Duration span, long skySamples, long scheduleSamples, Duration computeTime) {

    /**
     * The defaults: 60 days; 20 million states of sky (under 1 GB: 230 objects over 60 days); 300 million states of
     * computing (the demo takes 14 million, in about 6 s here; over 59 days, 243 million); 5 minutes.
     */
    public static final Limits DEFAULT = new Limits(Duration.ofDays(60), 20_000_000L, 300_000_000L, Duration.ofMinutes(5));

    /** The settings' names, as the server's options and the errors give them. */
    public static final String SPAN = "max-scenario-days";
    public static final String SKY = "max-sky-samples";
    public static final String SAMPLES = "max-schedule-samples";
    public static final String TIME = "max-compute-seconds";

    public Limits {
        if (!span.isPositive() || skySamples <= 0 || scheduleSamples <= 0 || !computeTime.isPositive()) {
            throw new IllegalArgumentException("limits are positive");
        }
    }

    /** These limits from the settings' values (days, states, states, seconds). */
    public static Limits of(double spanDays, long skySamples, long scheduleSamples, long computeSeconds) {
        if (!(spanDays > 0) || spanDays > 3660 || skySamples <= 0 || scheduleSamples <= 0 || computeSeconds <= 0) {
            throw new IllegalArgumentException("--" + SPAN + " is more than 0 and at most 3660 days; --" + SKY + ", --" + SAMPLES
                    + " and --" + TIME + " are more than 0");
        }
        return new Limits(Duration.ofSeconds(Math.round(spanDays * 86_400)), skySamples, scheduleSamples,
                Duration.ofSeconds(computeSeconds));
    }

    /** The same limits with another time limit. */
    public Limits withComputeTime(Duration time) {
        return new Limits(span, skySamples, scheduleSamples, time);
    }

    /** The same limits with other budgets of states. */
    public Limits withSamples(long sky, long schedule) {
        return new Limits(span, sky, schedule, computeTime);
    }

    /** The same limits with another longest span. */
    public Limits withSpan(Duration longest) {
        return new Limits(longest, skySamples, scheduleSamples, computeTime);
    }

    /** What is wrong with a scenario from {@code start} to {@code end} under these limits: a span too long, or nothing. */
    public java.util.Optional<String> spanProblem(java.time.Instant start, java.time.Instant end) {
        Duration asked = Duration.between(start, end);
        if (asked.compareTo(span) <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the scenario spans " + days(asked) + " days; at most " + spanDays() + " days are allowed ("
                + SPAN + "): every object is computed over the whole span");
    }

    /** The span in days, as the setting gives it. */
    public String spanDays() {
        return days(span);
    }

    /** A duration in days, whole or to two decimals. */
    public static String days(Duration d) {
        double days = d.toSeconds() / 86_400.0;
        return days == Math.rint(days) ? Long.toString((long) days) : String.format(Locale.ROOT, "%.2f", days);
    }

    /** A limit met: which (its setting's name), what was asked and what is allowed, in one sentence. */
    public static final class Exceeded extends RuntimeException {
        private final String limit;

        public Exceeded(String limit, String message) {
            super(message, null, false, false);
            this.limit = limit;
        }

        /** The setting's name ({@link #SPAN}, {@link #SAMPLES} or {@link #TIME}). */
        public String limit() {
            return limit;
        }
    }
}
