package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.cases.entity.AccessMode;
import cl.redlocal.portal.cases.entity.AccessSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** How the request came to the program (modalidad de acceso), and the risk signals seen then. */
public record AccessForm(
        @NotNull AccessMode mode,
        @NotNull AccessSource source,
        @Size(max = 200) String sourceDetail,
        @NotNull @PastOrPresent(message = "{access.requestedOn.future}") LocalDate requestedOn,
        @NotBlank(message = "{access.reason.required}") @Size(max = 2000) String reason,
        @Size(max = 200) String broughtBy,
        boolean courtOrdered,
        @NotNull List<@Valid RiskSignalForm> signals) implements Serializable {

    public AccessForm {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
