package org.spacettx.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntFunction;

import org.spacettx.orbit.access.Sensor;
import org.spacettx.orbit.access.SensorAnnotations;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Option;

/** The sensor model: one for all objects, and per-object ones from an annotation file. */
public final class SensorOptions {

    @Option(names = "--sensor", required = true, paramLabel = "SPEC",
            description = "e.g. optical:off-nadir=30,sun=10 | radar:off-nadir=45 | elevation:10")
    String spec;

    @Option(names = "--sensors", paramLabel = "FILE", description = "Per-object sensors: lines of NORAD,SPEC (# comments).")
    Path annotations;

    public IntFunction<Sensor> sensors() {
        Sensor fallback;
        try {
            fallback = Sensor.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new InputException(null, "--sensor", e.getMessage());
        }
        Map<Integer, Sensor> perObject = annotations == null ? Map.of() : SensorAnnotations.read(annotations);
        return norad -> perObject.getOrDefault(norad, fallback);
    }
}
