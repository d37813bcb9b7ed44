package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A diagnosis of a case as a version: number, state, which program and who made it, when. */
public record DiagnosisVersion(long id, int number, String state, String programAcronym, String authorName,
                               Instant completedAt, int instrumentNumber, int version) implements Serializable {

    public boolean current() {
        return "CURRENT".equals(state);
    }
}
