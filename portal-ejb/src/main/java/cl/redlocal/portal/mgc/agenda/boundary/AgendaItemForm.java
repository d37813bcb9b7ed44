package cl.redlocal.portal.mgc.agenda.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** The title and description of an agenda item, as a co-facilitator writes them. */
public record AgendaItemForm(@NotBlank(message = "{mgc.agenda.title.required}") @Size(max = 300, message = "{mgc.agenda.title.size}") String title,
                             @Size(max = 4000, message = "{mgc.agenda.description.size}") String description) implements Serializable {
}
