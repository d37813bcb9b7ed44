package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** A knot in the list (and on an agenda): its table, state, dates, evidence, strategy and agreements. */
public record KnotRow(long id, int version, long comunaId, String comuna, long tableId, String tableName, String title,
                      String description, String evidence, String evidenceLink, String strategy, String state,
                      LocalDate detectedOn, Long detectedSessionId, LocalDate resolvedOn, String resolution,
                      String agreements) implements Serializable {

    public boolean open() {
        return !"RESOLVED".equals(state);
    }
}
