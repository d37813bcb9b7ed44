package cl.redlocal.portal.mgc.agenda.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The common template a case is presented with, filled from what the reader may see. */
public record Pauta(long itemId, int version, long sessionId, LocalDate sessionDay, long caseId, String code,
                    String initials, String origin, String state, String reasons, String question,
                    String presenterNotes, boolean editable, List<Program> programs, Diagnosis diagnosis,
                    PlanStatus plan, List<Alert> alerts) implements Serializable {

    public record Program(String acronym, String name, LocalDate since) implements Serializable {
    }

    public record Diagnosis(Instant completedAt, String author, String program, String summary,
                            List<Score> scores) implements Serializable {
    }

    public record Score(String dimension, double average, int max) implements Serializable {
    }

    public record PlanStatus(long goals, long open, long overdue, long done, List<String> goalLines) implements Serializable {
    }

    public record Alert(String kind, String severity, String state, Instant raisedAt) implements Serializable {
    }
}
