package cl.redlocal.portal.mgc.network.boundary;

import cl.redlocal.portal.mgc.network.entity.ActorKind;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/** A local actor as typed: name and kind required; provider of the offer map, role, contact, table, last contact. */
public record ActorForm(
        @NotBlank(message = "{net.actor.name.required}") @Size(max = 200) String name,
        @NotNull(message = "{net.actor.kind.required}") ActorKind kind,
        Long providerId,
        @Size(max = 1000) String networkRole,
        @Size(max = 150) String contactName,
        @Email(message = "{net.actor.email.invalid}") @Size(max = 254) String contactEmail,
        @Size(max = 40) String contactPhone,
        Long tableId,
        @PastOrPresent(message = "{net.actor.lastContact.future}") LocalDate lastContactOn) implements Serializable {
}
