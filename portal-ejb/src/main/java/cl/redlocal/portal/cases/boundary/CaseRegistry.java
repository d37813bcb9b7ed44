package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.cases.entity.AccessMode;
import cl.redlocal.portal.cases.entity.AccessSource;
import cl.redlocal.portal.cases.entity.Admissibility;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The registry section of a case page: the child, the case's access requests with their decisions (the ones
 * the caller's program must decide marked so) and the risk signals recorded at access.
 */
public record CaseRegistry(long caseId, String caseCode, ChildRecord child, List<Access> requests,
                           List<Signal> signals) implements Serializable {

    public record Access(long id, int version, long programId, String programAcronym, AccessMode mode,
                         AccessSource source, String sourceDetail, LocalDate requestedOn, String reason,
                         String broughtBy, boolean courtOrdered, Admissibility decision, String decisionReason,
                         LocalDate decidedOn, String decidedBy, String importBatch, boolean mine, boolean decidable,
                         List<FittingProgram> offers) implements Serializable {

        public boolean isPending() {
            return decision == Admissibility.PENDING;
        }

        /** The caller's program said no: the fitting programs are offered. */
        public boolean isOffering() {
            return mine && (decision == Admissibility.NOT_ADMISSIBLE || decision == Admissibility.REFER_ELSEWHERE);
        }
    }

    public record Signal(String kind, String severity, String state, String description, Instant raisedAt)
            implements Serializable {
    }
}
