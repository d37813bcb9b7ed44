package cl.redlocal.portal.privacy.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** The reason a data-rights action states (an export, a block, its lifting, a read of a blocked record). */
public record ReasonForm(
        @NotBlank(message = "{privacy.reason.required}") @Size(max = 250, message = "{privacy.reason.size}")
        String reason) implements Serializable {
}
