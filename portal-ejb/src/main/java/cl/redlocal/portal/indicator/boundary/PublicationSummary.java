package cl.redlocal.portal.indicator.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One version of a published quarter: who published it and when, and why it was corrected. */
public record PublicationSummary(long id, int year, int quarter, String label, int versionNo, Instant publishedAt,
                                 String publishedByName, String correctionReason, boolean current)
        implements Serializable {
}
