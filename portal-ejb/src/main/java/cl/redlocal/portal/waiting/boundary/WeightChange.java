package cl.redlocal.portal.waiting.boundary;

import cl.redlocal.portal.waiting.entity.PriorityCriterion;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.io.Serializable;
import java.math.BigDecimal;

/** A criterion's new weight, as loaded at {@code version}. */
public record WeightChange(
        @NotNull PriorityCriterion criterion,
        @NotNull(message = "{priority.weight.required}")
        @DecimalMin(value = "0", message = "{priority.weight.range}")
        @DecimalMax(value = "1000", message = "{priority.weight.range}")
        @Digits(integer = 4, fraction = 2, message = "{priority.weight.digits}")
        BigDecimal weight,
        int version) implements Serializable {
}
