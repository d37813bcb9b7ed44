package cl.redlocal.portal.cases.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import java.io.Serializable;

/**
 * An intake: a child (an existing one picked from the duplicate search, or a new one with its family) and the
 * access request to the caller's program. {@code notADuplicate}: the person saw the candidates the duplicate
 * search offered and says this is another child (a same RUN is never accepted).
 */
public record IntakeCommand(Long existingChildId, @Valid ChildForm child, @Valid FamilyForm family,
                            @NotNull @Valid AccessForm access, boolean notADuplicate) implements Serializable {

    @AssertTrue(message = "{access.child.required}")
    public boolean isChildGiven() {
        return existingChildId != null || (child != null && family != null);
    }
}
