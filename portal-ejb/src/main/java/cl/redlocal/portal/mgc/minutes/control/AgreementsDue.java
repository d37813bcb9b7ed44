package cl.redlocal.portal.mgc.minutes.control;

import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table's section of the daily digest: a comuna's open agreements due within
 * portal.mgc.agreement-reminder-days and those overdue, by responsible address (the agreement's e-mail,
 * else its portal user's; lower-cased, as responsibles may have no portal account). Cases by code only.
 */
@ApplicationScoped
public class AgreementsDue {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.mgc.agreement-reminder-days", defaultValue = "3")
    int reminderDays;

    /** The lines to remind on {@code day}, by lower-cased address. */
    public Map<String, List<String>> byAddress(long comunaId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT lower(COALESCE(a.responsible_email, u.email)), a.description,"
                        + " a.due_on, t.name, (SELECT string_agg(cf.code, ', ' ORDER BY cf.code) FROM mgc_agreement_case ac"
                        + " JOIN case_file cf ON cf.id = ac.case_id WHERE ac.agreement_id = a.id)"
                        + " FROM mgc_agreement a JOIN fact_agreement fa ON fa.agreement_id = a.id"
                        + " JOIN mgc_table t ON t.id = a.table_id LEFT JOIN app_user u ON u.id = a.responsible_user_id"
                        + " WHERE a.comuna_id = ?1 AND fa.is_open"
                        + " AND a.due_on <= CAST(?2 AS DATE) + ?3 AND COALESCE(a.responsible_email, u.email) IS NOT NULL"
                        + " ORDER BY 1, a.due_on, a.id")
                .setParameter(1, comunaId).setParameter(2, day).setParameter(3, reminderDays).getResultList();
        Map<String, List<String>> items = new LinkedHashMap<>();
        for (Object[] r : rows) {
            LocalDate due = SqlValues.localDate(r[2]);
            String when = due.isBefore(day) ? "ATRASADO, vencía el " + due : "vence el " + due;
            items.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r[1] + " (" + r[3] + "; " + when
                    + (r[4] == null ? "" : "; casos " + r[4]) + ")");
        }
        return items;
    }
}
