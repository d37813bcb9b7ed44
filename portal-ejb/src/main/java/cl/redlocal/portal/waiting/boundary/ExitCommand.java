package cl.redlocal.portal.waiting.boundary;

import cl.redlocal.portal.waiting.entity.WaitingExitReason;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** An entry leaves its list without a slot, for one of the recorded reasons (admission has its own action). */
public record ExitCommand(@NotNull(message = "{waiting.exit.reason}") WaitingExitReason reason,
                          @Size(max = 1000) String note) implements Serializable {

    @AssertTrue(message = "{waiting.exit.reason}")
    public boolean isNotAdmission() {
        return reason != WaitingExitReason.ADMITTED;
    }
}
