package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A protocol as the caller may read it. {@code editable}: a co-facilitator of its comuna; {@code copyable}:
 * a territorial manager (who copies it as a draft into another comuna they support).
 */
public record ProtocolView(long id, int version, long comunaId, String comuna, String title, String purpose,
                           String contacts, LocalDate reviewOn, String state, int currentVersion,
                           Long agendaSessionId, LocalDate agendaDay, Long approvedSessionId, LocalDate approvedDay,
                           String approvedBy, Instant approvedAt, Long copiedFromId, List<StepLine> steps,
                           List<Choice> programs, List<Choice> actors, String documentName,
                           List<VersionLine> versions, boolean editable, boolean copyable) implements Serializable {

    public boolean draft() {
        return "DRAFT".equals(state);
    }

    public record VersionLine(int number, String reason, String createdBy, Instant createdAt, LocalDate sessionDay)
            implements Serializable {
    }
}
