package org.spacettx.exercise.export;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.spacettx.exercise.scenario.Text;

/**
 * The space picture at one time as KML 2.2, for Google Earth and other KML viewers: the scenario's sites and areas,
 * each object in orbit at its position and altitude, its ground track and its sensor footprint, each breakup's
 * fragments (one placemark a cloud, a point a fragment) and the counterspace effects then active (in control's
 * picture alone: each site, a ground jammer's denied area). Built from the
 * picture's JSON-ready form ({@code SpacePicture.at}), so it shows exactly what the console's map shows.
 */
public final class SpaceKml {

    private static final String KML = "http://www.opengis.net/kml/2.2";

    private SpaceKml() {
    }

    /** The picture as a KML document titled {@code title}, names in {@code language} ("en" or "ko"). */
    @SuppressWarnings("unchecked")
    public static String of(Map<String, Object> picture, Text title, String language) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("kml");
            x.writeDefaultNamespace(KML);
            x.writeStartElement("Document");
            element(x, "name", title.in(language) + " — " + picture.get("time"));
            style(x, "place", "ff3a7a1f", "403a7a1f");
            style(x, "satellite", "ff3333aa", "303333aa");
            style(x, "effect", "ff2e3ab0", "462e3ab0");
            x.writeStartElement("Style");
            x.writeAttribute("id", "fragment");
            x.writeStartElement("IconStyle");
            element(x, "color", "ff606060");
            element(x, "scale", "0.3");
            x.writeEndElement();
            x.writeStartElement("LabelStyle");
            element(x, "scale", "0");
            x.writeEndElement();
            x.writeEndElement();
            x.writeStartElement("Folder");
            element(x, "name", "ko".equals(language) ? "장소" : "Places");
            for (Map<String, Object> p : (List<Map<String, Object>>) picture.get("places")) {
                x.writeStartElement("Placemark");
                element(x, "name", ((Text) p.get("name")).in(language));
                element(x, "styleUrl", "#place");
                if ("site".equals(p.get("kind"))) {
                    double[] point = (double[]) p.get("point");
                    x.writeStartElement("Point");
                    element(x, "coordinates", coordinate(point[0], point[1], 0));
                    x.writeEndElement();
                } else {
                    x.writeStartElement("MultiGeometry");
                    for (List<double[]> ring : (List<List<double[]>>) p.get("rings")) {
                        polygon(x, ring);
                    }
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeStartElement("Folder");
            element(x, "name", "ko".equals(language) ? "위성" : "Satellites");
            for (Map<String, Object> o : (List<Map<String, Object>>) picture.get("objects")) {
                if (!Boolean.TRUE.equals(o.get("inOrbit")) || o.get("position") == null) {
                    continue;
                }
                String name = ((Text) o.get("name")).in(language);
                Map<String, Object> position = (Map<String, Object>) o.get("position");
                x.writeStartElement("Placemark");
                element(x, "name", name);
                element(x, "description", o.get("nation") + " · NORAD " + o.get("norad") + " · " + position.get("altKm") + " km"
                        + (o.get("sensor").toString().isEmpty() ? "" : " · " + o.get("sensor")));
                element(x, "styleUrl", "#satellite");
                x.writeStartElement("Point");
                element(x, "altitudeMode", "absolute");
                element(x, "coordinates", coordinate((Double) position.get("lon"), (Double) position.get("lat"),
                        ((Double) position.get("altKm")) * 1000));
                x.writeEndElement();
                x.writeEndElement();
                x.writeStartElement("Placemark");
                element(x, "name", name + ("ko".equals(language) ? " 지상 궤적" : " ground track"));
                element(x, "styleUrl", "#satellite");
                x.writeStartElement("LineString");
                element(x, "tessellate", "1");
                StringBuilder track = new StringBuilder();
                for (double[] lonLat : (List<double[]>) o.get("track")) {
                    track.append(track.isEmpty() ? "" : " ").append(coordinate(lonLat[0], lonLat[1], 0));
                }
                element(x, "coordinates", track.toString());
                x.writeEndElement();
                x.writeEndElement();
                if (o.get("footprint") != null) {
                    x.writeStartElement("Placemark");
                    element(x, "name", name + ("ko".equals(language) ? " 센서 범위" : " sensor footprint"));
                    element(x, "styleUrl", "#satellite");
                    polygon(x, (List<double[]>) o.get("footprint"));
                    x.writeEndElement();
                }
            }
            x.writeEndElement();
            debris(x, (List<Map<String, Object>>) picture.getOrDefault("debris", List.of()), language);
            effects(x, (List<Map<String, Object>>) picture.getOrDefault("effects", List.of()), language);
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("KML could not be written", e);
        }
        return text + "\n";
    }

    /** Each breakup's cloud as one placemark: every fragment a point at its altitude. */
    @SuppressWarnings("unchecked")
    private static void debris(XMLStreamWriter x, List<Map<String, Object>> clouds, String language) throws XMLStreamException {
        if (clouds.isEmpty()) {
            return;
        }
        boolean ko = "ko".equals(language);
        x.writeStartElement("Folder");
        element(x, "name", ko ? "파편" : "Debris");
        for (Map<String, Object> cloud : clouds) {
            List<double[]> points = (List<double[]>) cloud.get("points");
            x.writeStartElement("Placemark");
            element(x, "name", ((Text) cloud.get("name")).in(language));
            element(x, "description", (ko ? "파편 " : "") + points.size() + (ko ? "개, " : " fragments of at least ") + cloud.get("minSizeM")
                    + " m" + (ko ? " 이상 · 파괴 " : " · breakup ") + cloud.get("time"));
            element(x, "styleUrl", "#fragment");
            x.writeStartElement("MultiGeometry");
            for (double[] p : points) {
                x.writeStartElement("Point");
                element(x, "altitudeMode", "absolute");
                element(x, "coordinates", coordinate(p[0], p[1], p[2] * 1000));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** The effects active at the picture's time (control's picture alone has them): each site, a ground jammer's denied area. */
    @SuppressWarnings("unchecked")
    private static void effects(XMLStreamWriter x, List<Map<String, Object>> effects, String language) throws XMLStreamException {
        if (effects.isEmpty()) {
            return;
        }
        x.writeStartElement("Folder");
        element(x, "name", "ko".equals(language) ? "대우주 효과" : "Counterspace effects");
        for (Map<String, Object> e : effects) {
            double[] point = (double[]) e.get("point");
            x.writeStartElement("Placemark");
            element(x, "name", ((Text) e.get("name")).in(language));
            element(x, "description", e.get("kind") + (e.get("radiusKm") != null ? " · " + e.get("radiusKm") + " km" : "")
                    + (e.get("object") != null ? " · " + e.get("object") : "") + " · " + e.get("from") + " – " + e.get("to"));
            element(x, "styleUrl", "#effect");
            x.writeStartElement("MultiGeometry");
            x.writeStartElement("Point");
            element(x, "coordinates", coordinate(point[0], point[1], 0));
            x.writeEndElement();
            if (e.get("ring") != null) {
                polygon(x, (List<double[]>) e.get("ring"));
            }
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void polygon(XMLStreamWriter x, List<double[]> ring) throws XMLStreamException {
        x.writeStartElement("Polygon");
        element(x, "tessellate", "1");
        x.writeStartElement("outerBoundaryIs");
        x.writeStartElement("LinearRing");
        StringBuilder c = new StringBuilder();
        for (double[] lonLat : ring) {
            c.append(c.isEmpty() ? "" : " ").append(coordinate(lonLat[0], lonLat[1], 0));
        }
        element(x, "coordinates", c.toString());
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void style(XMLStreamWriter x, String id, String line, String fill) throws XMLStreamException {
        x.writeStartElement("Style");
        x.writeAttribute("id", id);
        x.writeStartElement("LineStyle");
        element(x, "color", line);
        element(x, "width", "1.5");
        x.writeEndElement();
        x.writeStartElement("PolyStyle");
        element(x, "color", fill);
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    /** KML's "lon,lat,alt" (degrees, degrees, metres). */
    private static String coordinate(double lon, double lat, double altitudeM) {
        return String.format(Locale.ROOT, "%.5f,%.5f,%.0f", lon, lat, altitudeM);
    }
}
