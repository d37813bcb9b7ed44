package cl.redlocal.portal.mgc.network.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A protocol as drafted or revised: title, purpose, contacts, review date (not in the past: the service checks
 * it again against the portal's clock), its steps (at least one, each with a responsible), and the programs
 * and institutions it binds.
 */
public record ProtocolForm(
        @NotBlank(message = "{net.protocol.title.required}") @Size(max = 200) String title,
        @NotBlank(message = "{net.protocol.purpose.required}") @Size(max = 4000) String purpose,
        @Size(max = 2000) String contacts,
        @FutureOrPresent(message = "{net.protocol.reviewOn.past}") LocalDate reviewOn,
        @NotEmpty(message = "{net.protocol.steps.required}") List<@Valid StepForm> steps,
        List<Long> programIds,
        List<Long> actorIds) implements Serializable {

    public ProtocolForm {
        steps = steps == null ? List.of() : List.copyOf(steps);
        programIds = programIds == null ? List.of() : List.copyOf(programIds);
        actorIds = actorIds == null ? List.of() : List.copyOf(actorIds);
    }
}
