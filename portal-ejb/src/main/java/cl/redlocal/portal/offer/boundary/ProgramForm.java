package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ProgramDescription;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.List;

/** A program as the coordinator writes it (new or edited), checked before anything is saved. */
public record ProgramForm(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-zÑñ0-9][A-Za-zÑñ0-9 .-]*", message = "{offer.program.acronym}")
        String acronym,
        @NotBlank @Size(max = 200) String name,
        @NotNull Sector sector,
        Long providerId,
        @Size(max = 2000) String description,
        @Min(value = 0, message = "{offer.program.age}") @Max(value = 29, message = "{offer.program.age}") Integer minAge,
        @Min(value = 0, message = "{offer.program.age}") @Max(value = 29, message = "{offer.program.age}") Integer maxAge,
        @Size(max = 1000) String targetProfile,
        @Size(max = 2000) String eligibility,
        @Size(max = 200) String territory,
        boolean courtOrderRequired,
        boolean acceptsSpontaneous,
        boolean acceptsReferral,
        boolean acceptsActiveSearch,
        @Size(max = 1000) String referralDocuments,
        @Size(max = 150) String contactName,
        @Size(max = 40) String contactPhone,
        @Email @Size(max = 200) String contactEmail,
        @Size(max = 300) String openingHours,
        @NotNull ProgramStatus status,
        @NotNull List<@Valid LocationForm> locations) implements Serializable {

    @AssertTrue(message = "{offer.program.ageRange}")
    public boolean isAgeRangeOrdered() {
        return minAge == null || maxAge == null || minAge <= maxAge;
    }

    @AssertTrue(message = "{offer.program.accessMode}")
    public boolean isReachable() {
        return acceptsSpontaneous || acceptsReferral || acceptsActiveSearch;
    }

    /** What the entity is described with; public for the import, which checks the entity rules on a probe. */
    public ProgramDescription toDescription() {
        return new ProgramDescription(acronym.trim().toUpperCase(java.util.Locale.ROOT), name.trim(), sector,
                description, minAge, maxAge, targetProfile, eligibility, territory, courtOrderRequired,
                acceptsSpontaneous, acceptsReferral, acceptsActiveSearch, referralDocuments, contactName,
                contactPhone, contactEmail, openingHours);
    }
}
