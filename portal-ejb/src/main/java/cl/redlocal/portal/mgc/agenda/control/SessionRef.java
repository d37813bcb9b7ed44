package cl.redlocal.portal.mgc.agenda.control;

import java.io.Serializable;
import java.time.Instant;

/** A session as part B needs it (the session table belongs to part A and is read by native SQL). */
public record SessionRef(long id, long tableId, String tableName, long comunaId, Instant startsAt, String state)
        implements Serializable {

    public boolean open() {
        return "PLANNED".equals(state) || "CONVENED".equals(state);
    }
}
