package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a program sees before diagnosing: the current diagnosis (null when there is none), whether a new
 * full one needs a reason (the current one is younger than the renewal period, until {@code renewalDue}),
 * and the published instrument a new diagnosis would use.
 */
public record StartInfo(long caseId, String caseCode, DiagnosisVersion current, boolean reasonRequired,
                        LocalDate renewalDue, int renewalMonths, InstrumentView instrument) implements Serializable {
}
