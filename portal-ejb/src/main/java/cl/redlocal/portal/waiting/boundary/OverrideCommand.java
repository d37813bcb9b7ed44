package cl.redlocal.portal.waiting.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A co-facilitator fixes an entry's position (null clears it); the reason is always required and kept. */
public record OverrideCommand(
        @Min(value = 1, message = "{waiting.override.position}") @Max(value = 10000, message = "{waiting.override.position}")
        Integer position,
        @NotBlank(message = "{waiting.override.reason}") @Size(max = 1000) String reason) implements Serializable {
}
