package cl.redlocal.portal.indicator.boundary;

import cl.redlocal.portal.indicator.control.IndicatorValue;

import java.io.Serializable;

/**
 * One org unit's figure for one indicator in a comparison: a comuna (its published current version), a
 * region or the country (the sum of its comunas' numerators and denominators; percentiles do not add up and
 * stay empty there). Always suppressed: these views are outside any comuna.
 */
public record ComparisonCell(String level, String unitCode, String unitName, String regionName, String code,
                             IndicatorValue value) implements Serializable {
}
