package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.boundary.MapLocation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * The markers as offer-map.js reads them from the page (a data attribute: no inline script under the
 * CSP): one per location that has coordinates, with what its popup shows and its colour category.
 */
public final class MapMarkers {

    private MapMarkers() {
    }

    public static String json(List<MapLocation> locations) {
        JsonArrayBuilder markers = Json.createArrayBuilder();
        for (MapLocation l : locations) {
            if (!l.mapped()) {
                continue;
            }
            JsonObjectBuilder m = Json.createObjectBuilder()
                    .add("id", l.locationId())
                    .add("programId", l.programId())
                    .add("acronym", l.acronym())
                    .add("name", l.programName())
                    .add("lat", l.latitude())
                    .add("lng", l.longitude())
                    .add("vacancies", l.vacancies())
                    .add("waiting", l.waiting())
                    .add("availability", l.availability().name());
            text(m, "place", l.locationName());
            text(m, "address", l.address());
            markers.add(m);
        }
        return markers.build().toString();
    }

    private static void text(JsonObjectBuilder m, String name, String value) {
        if (value == null) {
            m.addNull(name);
        } else {
            m.add(name, value);
        }
    }
}
