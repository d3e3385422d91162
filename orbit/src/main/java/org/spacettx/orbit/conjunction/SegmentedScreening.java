package org.spacettx.orbit.conjunction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;

/**
 * Screening of objects whose element sets change during the span (an object that manoeuvres follows the set fitted
 * after each burn from the burn on): the span is cut at every change, each piece is screened with the sets then in
 * force, and the approaches are joined in time order. An approach whose closest point falls within a few seconds of
 * a cut (when one piece is closing and the next opening) has no interior minimum in either piece and is not
 * reported; a burn during an approach is rare enough to accept that.
 */
public final class SegmentedScreening {

    private SegmentedScreening() {
    }

    /**
     * @param objects each object's element sets: the first in force until the second's epoch, each later one from
     *                its own epoch on
     */
    public static List<Conjunction> run(List<List<ElementSet>> objects, Screening.Request request, OrekitData data) {
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(request.from());
        cuts.add(request.to());
        for (List<ElementSet> sets : objects) {
            for (int i = 1; i < sets.size(); i++) {
                Instant t = sets.get(i).epoch();
                if (t.isAfter(request.from()) && t.isBefore(request.to())) {
                    cuts.add(t);
                }
            }
        }
        List<Conjunction> out = new ArrayList<>();
        Instant from = null;
        for (Instant to : cuts) {
            if (from != null) {
                List<ElementSet> inForce = new ArrayList<>();
                for (List<ElementSet> sets : objects) {
                    inForce.add(ElementSet.inForce(sets, from));
                }
                out.addAll(Screening.run(inForce, request.over(from, to), data, null).conjunctions());
            }
            from = to;
        }
        out.sort(Comparator.comparing(Conjunction::tca));
        return out;
    }
}
