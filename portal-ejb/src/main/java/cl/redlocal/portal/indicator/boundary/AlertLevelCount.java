package cl.redlocal.portal.indicator.boundary;

import java.io.Serializable;

/**
 * Alerts of one org unit (COMUNA, REGION or PAIS), kind and severity: open now and raised in the quarter.
 * Counts of 1 to 4 come as null with {@code small} set (shown "&lt;5").
 */
public record AlertLevelCount(String level, String unitName, String kind, String severity, Long open,
                              boolean openSmall, Long raised, boolean raisedSmall) implements Serializable {
}
