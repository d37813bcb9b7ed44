package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.cases.entity.CaseStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the shared case table is filtered by; every field optional. {@code programId}: cases the program
 * works with now, or that wait for it or have a pending referral to it. {@code waitingBefore}: cases
 * waiting in some list since before that day.
 */
public record CaseTableFilter(@Size(max = 30) String code, Long programId, CaseStatus status,
                              BigDecimal minPriority, boolean withAlerts,
                              @Min(0) @Max(17) Integer minAge, @Min(0) @Max(17) Integer maxAge,
                              @Size(max = 100) String sector, LocalDate waitingBefore,
                              boolean overInterventionOnly) implements Serializable {

    public static CaseTableFilter none() {
        return new CaseTableFilter(null, null, null, null, false, null, null, null, null, false);
    }
}
