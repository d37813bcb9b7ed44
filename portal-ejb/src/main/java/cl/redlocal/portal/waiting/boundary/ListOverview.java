package cl.redlocal.portal.waiting.boundary;

import java.io.Serializable;
import java.math.BigDecimal;

/** One program's list in the comuna's overview: its length and how long its cases wait (days). */
public record ListOverview(long programId, String acronym, String programName, long length, Long oldestDays,
                           BigDecimal medianDays) implements Serializable {
}
