package cl.redlocal.portal.mgc.network.boundary;

import cl.redlocal.portal.mgc.network.entity.DeadlineUnit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** One step of a protocol as typed: who (required), does what, within how long. */
public record StepForm(
        @NotBlank(message = "{net.protocol.step.responsible.required}") @Size(max = 200) String responsible,
        @NotBlank(message = "{net.protocol.step.action.required}") @Size(max = 1000) String action,
        @NotNull(message = "{net.protocol.step.deadline.required}") @Min(value = 1, message = "{net.protocol.step.deadline.required}")
        @Max(value = 999, message = "{net.protocol.step.deadline.required}") Integer deadline,
        @NotNull(message = "{net.protocol.step.deadline.required}") DeadlineUnit unit) implements Serializable {
}
