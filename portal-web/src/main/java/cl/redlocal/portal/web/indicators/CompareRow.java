package cl.redlocal.portal.web.indicators;

import java.io.Serializable;
import java.util.List;

/** One indicator across the compared units (comunas, then their regions, then the country), written out. */
public record CompareRow(String code, String name, List<String> values, List<String> fractions) implements Serializable {
}
