package cl.redlocal.portal.referral.control;

import cl.redlocal.portal.platform.PortalClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The day a receiving program must have answered by: the sent day in the portal's time zone plus
 * portal.referrals.answer-days working days (default 10), skipping weekends, national holidays
 * (holiday rows without comuna) and the comuna's own.
 */
@ApplicationScoped
public class ReferralDeadline {

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalClock clock;

    @Inject
    @ConfigProperty(name = "portal.referrals.answer-days", defaultValue = "10")
    int answerDays;

    public int answerDays() {
        return answerDays;
    }

    public LocalDate dueOn(long comunaId, Instant sentAt) {
        return dueOn(comunaId, clock.dayOf(sentAt), answerDays);
    }

    public LocalDate dueOn(long comunaId, LocalDate sentOn, int days) {
        return WorkingDays.add(sentOn, days, holidays(comunaId, sentOn, sentOn.plusDays(WorkingDays.window(days))));
    }

    /** Holidays of the comuna (national and its own) between two days, both included. */
    public Set<LocalDate> holidays(long comunaId, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object> days = em.createNativeQuery("SELECT day FROM holiday WHERE day BETWEEN ?1 AND ?2"
                        + " AND (comuna_id IS NULL OR comuna_id = ?3)")
                .setParameter(1, from).setParameter(2, to).setParameter(3, comunaId).getResultList();
        Set<LocalDate> result = new HashSet<>();
        for (Object d : days) {
            result.add(d instanceof Date sql ? sql.toLocalDate() : (LocalDate) d);
        }
        return result;
    }
}
