package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ProviderKind;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** An institution as the coordinator writes it. */
public record ProviderForm(
        @NotBlank @Size(max = 200) String name,
        @NotNull ProviderKind kind,
        @Size(max = 1000) String description,
        @Email @Size(max = 200) String email,
        @Size(max = 40) String phone,
        @Size(max = 300) String website) implements Serializable {
}
