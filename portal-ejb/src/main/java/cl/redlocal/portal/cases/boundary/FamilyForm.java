package cl.redlocal.portal.cases.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;

/**
 * The family of a new child: an existing family of the comuna by its code (a sibling is already registered),
 * or a new one (surname defaults to the child's surnames) with its adults of reference.
 */
public record FamilyForm(
        @Size(max = 20) String existingCode,
        @Size(max = 150) String surname,
        @NotNull List<@Valid AdultForm> adults) implements Serializable {

    public FamilyForm {
        adults = adults == null ? List.of() : List.copyOf(adults);
    }

    public static FamilyForm newFamily() {
        return new FamilyForm(null, null, List.of());
    }

    public boolean existing() {
        return existingCode != null && !existingCode.isBlank();
    }
}
