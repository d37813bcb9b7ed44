package cl.redlocal.portal.security.boundary;

import cl.redlocal.portal.security.entity.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.Set;

/** An administrator's edit of a user, with the version the form was loaded at. */
public record UserChange(
        long id,
        int version,
        @NotBlank @Size(max = 150) String fullName,
        @NotBlank @Email @Size(max = 200) String email,
        @NotNull Role role,
        Long programId,
        Set<Long> supportedComunaIds) implements Serializable {
}
