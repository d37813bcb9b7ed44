package cl.redlocal.portal.waiting.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** The length of a list at the end of a day. */
public record HistoryPoint(LocalDate day, long length) implements Serializable {
}
