package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.cases.entity.Run;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** An adult of reference of a family. */
public record AdultForm(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Size(max = 60) String relationship,
        @Size(max = 12) String run,
        @Size(max = 40) String phone,
        @Email @Size(max = 200) String email,
        boolean livesWith) implements Serializable {

    @AssertTrue(message = "{child.run.format}")
    public boolean isRunWellFormed() {
        return run == null || run.isBlank() || Run.isWellFormed(run);
    }

    @AssertTrue(message = "{child.run.checkDigit}")
    public boolean isRunValid() {
        return run == null || run.isBlank() || !Run.isWellFormed(run) || Run.isValid(run);
    }
}
