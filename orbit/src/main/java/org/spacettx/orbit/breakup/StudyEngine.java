package org.spacettx.orbit.breakup;

import java.util.List;
import java.util.Map;

import org.spacettx.orbit.catalog.ElementSet;

/**
 * Another place to run a breakup study's realisations than this process (found with {@link java.util.ServiceLoader}):
 * the Spark module's engine runs one task per seed. Every engine gives what {@link BreakupStudy#realise} gives for each
 * seed, in seed and asset order.
 */
public interface StudyEngine {

    /** The name the command line asks for it by ({@code --engine NAME}). */
    String name();

    /** The realisations of {@code seeds}; {@code options}: the engine's own settings (for Spark: master, tasks). */
    List<BreakupStudy.Exposure> run(BreakupStudy.Spec spec, List<ElementSet> assets, List<Long> seeds, Map<String, String> options);
}
