package cl.redlocal.portal.web.indicators;

import java.io.Serializable;

/** A column of the comparison: a comuna, a region or the country. */
public record CompareUnit(String level, String code, String name) implements Serializable {
}
