package cl.redlocal.portal.security.boundary;

import cl.redlocal.portal.security.control.PasswordHasher;
import cl.redlocal.portal.security.entity.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.Set;

/** An administrator's request to create a user in their comuna. */
public record NewUser(
        @NotBlank @Size(min = 3, max = 60) @Pattern(regexp = "[a-z0-9._-]+", message = "{user.username.pattern}")
        String username,
        @NotBlank @Size(max = 150) String fullName,
        @NotBlank @Email @Size(max = 200) String email,
        @NotNull Role role,
        Long programId,
        Set<Long> supportedComunaIds,
        @NotNull @Size(min = PasswordHasher.MIN_LENGTH, max = 200, message = "{user.password.size}")
        String initialPassword) implements Serializable {
}
