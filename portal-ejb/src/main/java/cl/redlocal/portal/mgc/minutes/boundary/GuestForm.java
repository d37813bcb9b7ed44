package cl.redlocal.portal.mgc.minutes.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A one-off guest recorded in the minutes (someone who came without being a member). */
public record GuestForm(@NotBlank(message = "{mgc.guest.name.required}") @Size(max = 150) String name,
                        @NotBlank(message = "{mgc.guest.institution.required}") @Size(max = 150) String institution,
                        @Email(message = "{mgc.guest.email.invalid}") @Size(max = 254) String email)
        implements Serializable {
}
