package cl.redlocal.portal.audit.control;

import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The successful reads of one page render, written together: a case page's nine sections each record
 * their read, and nine INSERTs would cost more statements than the sections' own queries. The web tier
 * opens the batch for a Faces request and writes it in one statement when the page is rendered; a read
 * joins the batch only once its transaction has committed, so a rolled-back read leaves no row, as before.
 * Outside a Faces request (timers, REST, tests calling services) nothing is deferred.
 */
@RequestScoped
public class AuditBatch {

    /** One audit row as {@code audit_event} takes it. */
    public record Row(String username, String role, Long comunaId, String action, String entityType, String entityId,
                      String outcome, String detail, String clientIp) {
    }

    private boolean open;
    private final List<Row> rows = new ArrayList<>();

    public void open() {
        open = true;
    }

    public boolean isOpen() {
        return open;
    }

    public void add(Row row) {
        rows.add(row);
    }

    /** The rows collected so far, and an empty batch (still open) for what follows. */
    public List<Row> drain() {
        List<Row> taken = List.copyOf(rows);
        rows.clear();
        return taken;
    }
}
