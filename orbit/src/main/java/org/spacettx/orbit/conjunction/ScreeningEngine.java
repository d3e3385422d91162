package org.spacettx.orbit.conjunction;

import java.util.List;
import java.util.Map;

import org.spacettx.orbit.catalog.ElementSet;

/**
 * Another place to run a screening than this process (found with {@link java.util.ServiceLoader}): the Spark module's
 * engine runs it on a cluster. Every engine finds exactly what {@link Screening#run} finds.
 */
public interface ScreeningEngine {

    /** The name the command line asks for it by ({@code --engine NAME}). */
    String name();

    /**
     * The approaches {@link Screening#run} would find, in its order; {@code options}: the engine's own settings
     * (for Spark: {@code master}, {@code tasks}), absent ones left to the engine.
     */
    List<Conjunction> run(List<ElementSet> catalog, Screening.Request request, Map<String, String> options);
}
