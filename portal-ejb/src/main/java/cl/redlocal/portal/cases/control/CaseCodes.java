package cl.redlocal.portal.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * A comuna's own numbering of cases (C-2026-0153) and families (F-2026-0042): the next number after the
 * highest of the year in that comuna. A transaction-scoped advisory lock per comuna serialises two intakes
 * numbering at once (the unique keys of V5 would refuse the second anyway).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseCodes {

    private static final int CASE_LOCK = 4_401;
    private static final int FAMILY_LOCK = 4_402;

    @PersistenceContext
    EntityManager em;

    public String nextCaseCode(long comunaId, LocalDate today) {
        return next(CASE_LOCK, "case_file", "C-" + today.getYear() + "-", comunaId);
    }

    public String nextFamilyCode(long comunaId, LocalDate today) {
        return next(FAMILY_LOCK, "family", "F-" + today.getYear() + "-", comunaId);
    }

    private String next(int lock, String table, String prefix, long comunaId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, ?2)").setParameter(1, lock)
                .setParameter(2, (int) comunaId).getSingleResult();
        Number max = (Number) em.createNativeQuery("SELECT max(CAST(substring(code FROM ?1) AS INTEGER)) FROM " + table
                        + " WHERE comuna_id = ?2 AND code ~ ?3")
                .setParameter(1, "^" + prefix + "([0-9]+)$").setParameter(2, comunaId)
                .setParameter(3, "^" + prefix + "[0-9]+$").getSingleResult();
        return prefix + "%04d".formatted(max == null ? 1 : max.intValue() + 1);
    }
}
