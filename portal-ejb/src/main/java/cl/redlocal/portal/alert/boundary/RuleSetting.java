package cl.redlocal.portal.alert.boundary;

import cl.redlocal.portal.alert.entity.AlertRule;

import java.io.Serializable;

/** A rule of the caller's comuna: on or off, its threshold, and the row version (0 before any change). */
public record RuleSetting(AlertRule rule, boolean enabled, int threshold, int version) implements Serializable {
}
