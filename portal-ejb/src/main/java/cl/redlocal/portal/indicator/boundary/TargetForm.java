package cl.redlocal.portal.indicator.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.io.Serializable;
import java.math.BigDecimal;

/** The coordinator's commitment for one indicator and year; the range is checked against the unit's. */
public record TargetForm(@NotBlank(message = "{indicator.target.code.required}") String code,
                         @Min(2000) @Max(2100) int year,
                         @NotNull(message = "{indicator.target.required}") BigDecimal target,
                         Integer expectedVersion) implements Serializable {
}
