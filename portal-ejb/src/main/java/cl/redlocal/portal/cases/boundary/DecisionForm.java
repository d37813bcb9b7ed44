package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.cases.entity.Admissibility;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/** The receiving program's admissibility decision, with its reasons and date. */
public record DecisionForm(@NotNull Admissibility decision,
                           @NotBlank(message = "{access.decision.reasonRequired}") @Size(max = 2000) String reason,
                           @NotNull @PastOrPresent(message = "{access.decidedOn.future}") LocalDate decidedOn)
        implements Serializable {

    @AssertTrue(message = "{access.decision.required}")
    public boolean isDecided() {
        return decision != Admissibility.PENDING;
    }
}
