package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.cases.entity.Sex;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A child's registry data as a person writes it (new child or correction). Either a RUN with a valid check
 * digit, or "sin RUN" with the reason (a migrant child, a newborn...) and, when there is one, another identifier.
 */
public record ChildForm(
        boolean noRun,
        @Size(max = 12) String run,
        @Size(max = 200) String noRunReason,
        @Size(max = 60) String otherIdentifier,
        @NotBlank @Size(max = 150) String givenNames,
        @NotBlank @Size(max = 100) String paternalSurname,
        @Size(max = 100) String maternalSurname,
        @Size(max = 150) String socialName,
        @NotNull(message = "{child.birthDate.required}") @PastOrPresent(message = "{child.birthDate.future}")
        LocalDate birthDate,
        @NotNull(message = "{child.sex.required}") Sex sex,
        @Size(max = 60) String gender,
        @NotBlank @Size(max = 60) String nationality,
        @Size(max = 200) String address,
        @Size(max = 100) String sector,
        @Size(max = 150) String school) implements Serializable {

    @AssertTrue(message = "{child.run.required}")
    public boolean isRunGiven() {
        return noRun || (run != null && !run.isBlank());
    }

    /** A format error ("abc", "1-1") is not a check-digit error: each gets its own message. */
    @AssertTrue(message = "{child.run.format}")
    public boolean isRunWellFormed() {
        return noRun || run == null || run.isBlank() || Run.isWellFormed(run);
    }

    @AssertTrue(message = "{child.run.checkDigit}")
    public boolean isRunValid() {
        return noRun || run == null || run.isBlank() || !Run.isWellFormed(run) || Run.isValid(run);
    }

    @AssertTrue(message = "{child.noRunReason.required}")
    public boolean isNoRunExplained() {
        return !noRun || (noRunReason != null && !noRunReason.isBlank());
    }

    /** The RUN in its normal form, or null for a child without RUN. */
    public String normalizedRun() {
        return noRun || run == null || run.isBlank() ? null : Run.normalize(run).orElse(null);
    }
}
