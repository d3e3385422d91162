package org.spacettx.orbit.breakup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.catalog.CatalogReader;
import org.spacettx.orbit.catalog.ElementSet;
import org.spacettx.orbit.data.OrekitData;
import org.spacettx.orbit.propagate.CartesianState;
import org.spacettx.orbit.propagate.Sgp4;

/**
 * The fragments' element sets fly the states the model gave them: propagated by SGP4 (an independent run of the
 * propagator on the written elements) to the breakup time, each fragment is where its parent was and moves at the
 * parent's velocity plus its Δv, to the fixed-point fit's accuracy (well under a metre and a millimetre per second).
 */
class FragmentElementsTest {

    @Test
    void eachFragmentStartsAtItsParentWithItsDeltaV() {
        OrekitData data = OrekitData.standard();
        List<ElementSet> stations = CatalogReader.strict(data)
                .read(List.of(SharedData.path("catalog/celestrak-groups-2026-05-30/stations.tle"))).elementSets();
        ElementSet parent = stations.stream().filter(e -> e.noradId() == 25544).findFirst().orElseThrow();
        Instant time = Instant.parse("2026-06-01T00:00:00Z");
        BreakupModel.Cloud cloud = BreakupModel.breakUp(new BreakupModel.Explosion(new BreakupModel.Parent(420_000, 30.0, false), 1.0),
                0.2, 99);
        FragmentElements.Result result = FragmentElements.of(parent, time, cloud, 90_000, data);
        assertThat(result.elementSets().size() + result.notInOrbit()).isEqualTo(cloud.fragments().size());
        assertThat(result.elementSets()).hasSizeGreaterThan(50);

        CartesianState p = Sgp4.of(parent, data).teme(time);
        int k = 0;
        int checked = 0;
        for (BreakupModel.Fragment f : cloud.fragments()) {
            Vector3D v = new Vector3D(p.vxKmS(), p.vyKmS(), p.vzKmS()).add(f.deltaV().scalarMultiply(0.001));
            ElementSet e = result.elementSets().get(k);
            CartesianState s = Sgp4.of(e, data).teme(time);
            // the fragments kept are those in orbit, in order: match by the velocity they should have
            if (new Vector3D(s.vxKmS(), s.vyKmS(), s.vzKmS()).distance(v) > 1e-3) {
                continue; // this fragment left orbit; the next one kept is e
            }
            assertThat(Math.hypot(Math.hypot(s.xKm() - p.xKm(), s.yKm() - p.yKm()), s.zKm() - p.zKm())).isLessThan(1e-3);
            assertThat(e.epoch()).isEqualTo(time);
            assertThat(e.name()).isEqualTo(parent.name().strip() + " DEB");
            assertThat(e.noradId()).isEqualTo(90_000 + k);
            assertThat(e.bstar()).isCloseTo(2.2 * f.areaToMass() * 0.15696615 / 2, org.assertj.core.api.Assertions.within(1e-4 * e.bstar() + 1e-9));
            k++;
            checked++;
        }
        assertThat(checked).isEqualTo(result.elementSets().size());
    }
}
