package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;
import java.math.BigDecimal;

/** A dimension's average score in one diagnosis (null when none of its items was scored). */
public record DimensionScore(String code, String name, BigDecimal average, int scored) implements Serializable {
}
