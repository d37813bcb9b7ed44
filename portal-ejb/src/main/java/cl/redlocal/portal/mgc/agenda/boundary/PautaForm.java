package cl.redlocal.portal.mgc.agenda.boundary;

import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** The question for the table and the presenter's notes of a case item. */
public record PautaForm(@Size(max = 2000, message = "{mgc.pauta.question.size}") String question,
                        @Size(max = 20000, message = "{mgc.pauta.notes.size}") String presenterNotes) implements Serializable {
}
