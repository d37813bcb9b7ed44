package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** Two versions side by side: the average per dimension before and after, and the items whose score changed. */
public record Comparison(DiagnosisVersion before, DiagnosisVersion after, List<DimensionChange> dimensions,
                         List<ItemChange> items) implements Serializable {

    public record DimensionChange(String code, String name, BigDecimal before, BigDecimal after) implements Serializable {

        public BigDecimal difference() {
            return before == null || after == null ? null : after.subtract(before);
        }
    }

    public record ItemChange(String dimensionName, String text, Integer before, Integer after) implements Serializable {
    }
}
