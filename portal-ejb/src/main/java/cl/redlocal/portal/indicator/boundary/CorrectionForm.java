package cl.redlocal.portal.indicator.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A correction of a published quarter: which quarter (2026-Q3) and why. */
public record CorrectionForm(@NotNull String quarter,
                             @NotBlank(message = "{indicator.correction.reason.required}")
                             @Size(max = 1000, message = "{indicator.correction.reason.size}") String reason)
        implements Serializable {
}
