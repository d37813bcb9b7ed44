package cl.redlocal.portal.indicator.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * The cases behind one indicator's number in a quarter. {@code casesShown} is false for the coordinator,
 * who sees the counts only; {@code cases} are those the caller may see (a professional: their program's).
 */
public record DrillDown(String code, String name, String quarter, Long numerator, Long denominator,
                        boolean casesShown, List<DrillCase> cases) implements Serializable {
}
