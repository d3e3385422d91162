package org.spacettx.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.Ephemerides;
import org.spacettx.orbit.propagate.PropagationException;
import org.spacettx.orbit.propagate.Sgp4;

/** Samples the selected objects over a span for the access commands, reporting objects SGP4 cannot start. */
final class Skies {

    static final Duration GRID_STEP = Duration.ofSeconds(60);

    private Skies() {
    }

    static Ephemerides sample(List<ElementSet> elements, Times.Span span, OrekitData data) {
        List<Sgp4> objects = new ArrayList<>();
        for (ElementSet e : elements) {
            try {
                objects.add(Sgp4.of(e, data));
            } catch (PropagationException ex) {
                System.err.println("spacettx: left out " + ex.getMessage());
            }
        }
        Ephemerides sky = Ephemerides.sample(objects, span.from(), span.to(), GRID_STEP,
                Runtime.getRuntime().availableProcessors(), data);
        sky.objects().stream().filter(o -> o.stop() != null)
                .forEach(o -> System.err.println("spacettx: " + o.stop().getMessage() + "; nothing after that time"));
        return sky;
    }
}
