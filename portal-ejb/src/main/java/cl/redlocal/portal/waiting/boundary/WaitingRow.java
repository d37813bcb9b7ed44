package cl.redlocal.portal.waiting.boundary;

import cl.redlocal.portal.referral.entity.Urgency;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An entry of a waiting list at its position (1 = the next to be admitted), with the explanation of its
 * score. {@code initials} is null for the coordinator, who sees no identities (DOMAIN.md).
 */
public record WaitingRow(long entryId, int entryVersion, int position, long caseId, String caseCode, String initials,
                         Instant enteredAt, long daysWaiting, BigDecimal score, Urgency urgency, boolean courtOrdered,
                         PositionOverride override, List<CriterionLine> explanation) implements Serializable {

    public boolean isOverridden() {
        return override != null;
    }
}
