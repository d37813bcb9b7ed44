package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** A protocol in a list: the comuna it belongs to, its state and version, review date and where it stands. */
public record ProtocolRow(long id, long comunaId, String comuna, String title, String state, int currentVersion,
                          LocalDate reviewOn, boolean reviewDue, LocalDate agendaDay, LocalDate approvedDay,
                          String programs) implements Serializable {
}
