package org.spacettx.orbit.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spacettx.orbit.SharedData;
import org.spacettx.orbit.input.InputException;
import org.spacettx.orbit.input.SourceLocation;

class GeoJsonPlacesTest {

    static final SourceLocation AT = SourceLocation.of("places.geojson");

    @Test
    void pointsPolygonsMultiPolygonsAndCircles() {
        Places p = GeoJsonPlaces.parse("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"Osan AB","nation":"USA","kind":"air base","altitude_m":12},
                  "geometry":{"type":"Point","coordinates":[127.03,37.09]}},
                 {"type":"Feature","properties":{"name":"Guam","radius_km":40},"geometry":{"type":"Point","coordinates":[144.78,13.45]}},
                 {"type":"Feature","properties":{"name":"Box"},"geometry":{"type":"Polygon",
                  "coordinates":[[[126,37],[127,37],[127,38],[126,38],[126,37]],[[126.4,37.4],[126.6,37.4],[126.6,37.6],[126.4,37.6]]]}},
                 {"type":"Feature","properties":{"name":"Two"},"geometry":{"type":"MultiPolygon",
                  "coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[179.5,10],[-179.5,10],[-179.5,11],[179.5,11]]]]}}]}
                """, AT);
        assertThat(p.sites()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Osan AB");
            assertThat(s.altitudeM()).isEqualTo(12);
        });
        assertThat(p.areas()).hasSize(3);
        Area box = p.areas().get(1);
        assertThat(box.contains(new GeoPoint(37.2, 126.2))).isTrue();
        assertThat(box.contains(new GeoPoint(37.5, 126.5))).as("inside the hole").isFalse();
        assertThat(box.contains(new GeoPoint(38.5, 126.5))).isFalse();
        Area two = p.areas().get(2);
        assertThat(two.contains(new GeoPoint(10.5, 179.9))).as("across the antimeridian").isTrue();
        assertThat(two.contains(new GeoPoint(10.5, -179.9))).isTrue();
        assertThat(two.contains(new GeoPoint(10.5, 178))).isFalse();
        Area guam = p.areas().get(0);
        assertThat(guam.capRadiusDeg()).isCloseTo(40 / 111.19, within(0.001));
        assertThat(guam.samples(5).stream().allMatch(q -> guam.capCenter()
                .angleToDeg(q) <= guam.capRadiusDeg() + 1e-9)).isTrue();
    }

    @Test
    void samplesCoverTheAreaAtTheSpacing() {
        PolygonArea box = new PolygonArea("Box", List.of(List.of(List.of(new GeoPoint(37, 126), new GeoPoint(37, 127),
                new GeoPoint(38, 127), new GeoPoint(38, 126)))), "", "");
        List<GeoPoint> samples = box.samples(5);
        // ~111 x 89 km at 5 km spacing: a few hundred interior points plus the boundary.
        assertThat(samples.size()).isBetween(350, 600);
        assertThat(samples).allMatch(q -> q.latitudeDeg() >= 37 - 1e-9 && q.latitudeDeg() <= 38 + 1e-9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}}|feature 1: geometry type 'LineString' is not Point, Polygon or MultiPolygon",
            "{\"type\":\"Feature\",\"properties\":{\"name\":\"P\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}}|feature 1 (P): a polygon ring needs at least 3 distinct vertices",
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[\"x\",1]}}|feature 1: a position must be [longitude, latitude] in degrees, found [\"x\",1]",
            "{\"type\":\"Feature\",\"properties\":{\"radius_km\":-3},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,1]}}|feature 1: radius -3.0 km is outside (0, 5000)",
            "{\"type\":\"FeatureCollection\",\"features\":{}}|features: must be an array",
            "[1,2]|is not a GeoJSON object",
            "{\"type\":\"Feature\",|is not well-formed JSON"})
    void mistakesAreNamed(String json, String message) {
        assertThatThrownBy(() -> GeoJsonPlaces.parse(json, AT)).isInstanceOf(InputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theNaturalEarthCountriesLoadAsAreas() {
        Places world = GeoJsonPlaces.read(SharedData.path("geo/countries-110m.geojson"));
        assertThat(world.areas().size()).isGreaterThan(150);
        Area korea = world.areas().stream().filter(a -> a.name().equals("South Korea")).findFirst().orElseThrow();
        assertThat(korea.contains(new GeoPoint(37.535, 126.977))).isTrue();
        assertThat(korea.contains(new GeoPoint(39.039, 125.763))).as("Pyongyang").isFalse();
    }
}
