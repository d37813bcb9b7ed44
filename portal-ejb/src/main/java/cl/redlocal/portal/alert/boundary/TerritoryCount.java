package cl.redlocal.portal.alert.boundary;

import java.io.Serializable;

/** Alerts of one comuna, kind and severity: counts only, no case, child or person. */
public record TerritoryCount(String comuna, String kind, String severity, long open, long acknowledged,
                             long resolved) implements Serializable {
}
