package cl.redlocal.portal.mgc.minutes.control;

import cl.redlocal.portal.mgc.minutes.boundary.AgreementFilter;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementForm;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementRow;
import cl.redlocal.portal.mgc.minutes.entity.AgreementStatus;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * The agreements' SQL: the filtered, sorted and paged list within the caller's comunas (one count, one page),
 * an agreement's follow-up notes, the form's options (the comuna's programs and the people who may answer for
 * an agreement, the referrals of the cases a session analysed). The boundary checks roles and audits.
 */
@Dependent
public class AgreementQuery {

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalClock clock;

    public long count(SqlWhere where) {
        return ((Number) where.bind(em.createNativeQuery("SELECT count(*)" + FROM + where.sql())).getSingleResult())
                .longValue();
    }

    static final String FROM = " FROM mgc_agreement a JOIN fact_agreement fa ON fa.agreement_id = a.id"
            + " JOIN mgc_session s ON s.id = a.session_id"
            + " JOIN mgc_table t ON t.id = a.table_id JOIN comuna co ON co.id = a.comuna_id"
            + " LEFT JOIN app_user ru ON ru.id = a.responsible_user_id";

    /** A page of agreements as rows; {@code me} decides which the caller may update. */
    public List<AgreementRow> rows(SqlWhere where, String order, int first, int size, CallerProfile me) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery("SELECT a.id, a.version, co.name, t.name, a.session_id,"
                        + " s.starts_at, a.description, a.responsible_institution, a.responsible_name,"
                        + " COALESCE(a.responsible_email, ru.email), a.due_on, a.status, a.done_on, (SELECT"
                        + " string_agg(cf.code, ', ' ORDER BY cf.code) FROM mgc_agreement_case ac JOIN case_file cf"
                        + " ON cf.id = ac.case_id WHERE ac.agreement_id = a.id), a.responsible_user_id,"
                        + " a.responsible_program_id, a.comuna_id" + FROM + where.sql() + order))
                .setFirstResult(first).setMaxResults(size).getResultList();
        LocalDate today = clock.today();
        return rows.stream().map(r -> {
            LocalDate due = SqlValues.localDate(r[10]);
            AgreementStatus status = AgreementStatus.valueOf((String) r[11]);
            Long user = r[14] == null ? null : ((Number) r[14]).longValue();
            Long program = r[15] == null ? null : ((Number) r[15]).longValue();
            boolean ownComuna = ((Number) r[16]).longValue() == me.comunaId();
            boolean updatable = ownComuna && (me.role() == Role.COFACILITADOR || (me.role() == Role.PROFESIONAL
                    && ((user != null && user == me.userId()) || (program != null && program.equals(me.programId())))));
            return new AgreementRow(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3], ((Number) r[4]).longValue(), clock.dayOf(SqlValues.instant(r[5])), (String) r[6],
                    (String) r[7], (String) r[8], (String) r[9], due, status, AgreementStatus.shown(status, due, today),
                    SqlValues.localDate(r[12]), (String) r[13], updatable);
        }).toList();
    }

    /** The list's filter within the caller's comunas. */
    public SqlWhere where(AgreementFilter f, CallerProfile me) {
        SqlWhere where = new SqlWhere().and("a.comuna_id = ANY (CAST(? AS BIGINT[]))", MgcScope.comunaArray(me));
        LocalDate today = clock.today();
        if (f.getStatus() != null && !f.getStatus().isBlank()) {
            AgreementStatus status = AgreementStatus.valueOf(f.getStatus());
            switch (status) {
                case OVERDUE -> where.and("fa.is_open AND a.due_on < CAST(? AS DATE)", today);
                case PENDING, IN_PROGRESS -> where.and("a.status = ? AND a.due_on >= CAST(? AS DATE)", status.name(), today);
                default -> where.and("a.status = ?", status.name());
            }
        }
        if (f.getInstitution() != null && !f.getInstitution().isBlank()) {
            where.and("a.responsible_institution ILIKE ?", "%" + like(f.getInstitution().strip()) + "%");
        }
        if (f.getDueFrom() != null) {
            where.and("a.due_on >= CAST(? AS DATE)", f.getDueFrom());
        }
        if (f.getDueTo() != null) {
            where.and("a.due_on <= CAST(? AS DATE)", f.getDueTo());
        }
        if (f.getSessionId() != null) {
            where.and("a.session_id = ?", f.getSessionId());
        }
        if (f.getCaseCode() != null && !f.getCaseCode().isBlank()) {
            where.and("EXISTS (SELECT 1 FROM mgc_agreement_case fc JOIN case_file fcf ON fcf.id = fc.case_id"
                    + " WHERE fc.agreement_id = a.id AND upper(fcf.code) = upper(?))", f.getCaseCode().strip());
        }
        return where;
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** An agreement's follow-up notes: written at, by, status from, status to, note, the session's start. */
    public List<Object[]> notes(long agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT n.written_at, n.written_by, n.status_from, n.status_to, n.note,"
                        + " s.starts_at FROM mgc_agreement_note n LEFT JOIN mgc_session s ON s.id = n.session_id"
                        + " WHERE n.agreement_id = ?1 ORDER BY n.written_at, n.id")
                .setParameter(1, agreementId).getResultList();
        return rows;
    }

    /** The comuna's programs: id, acronym, name. */
    public List<Object[]> programs(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> programs = em.createNativeQuery("SELECT id, acronym, name FROM program WHERE comuna_id = ?1"
                + " ORDER BY acronym").setParameter(1, comunaId).getResultList();
        return programs;
    }

    /** The comuna's enabled professionals and co-facilitators: id, full name, program acronym. */
    public List<Object[]> responsibleUsers(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> users = em.createNativeQuery("SELECT u.id, u.full_name, p.acronym FROM app_user u LEFT JOIN program p"
                + " ON p.id = u.program_id WHERE u.comuna_id = ?1 AND u.enabled AND u.role IN ('PROFESIONAL', 'COFACILITADOR')"
                + " ORDER BY u.full_name").setParameter(1, comunaId).getResultList();
        return users;
    }

    /** The referrals of the cases a session analysed: id, case code, sender, target, state. */
    public List<Object[]> referralsOfSessionCases(long comunaId, long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, cf.code, COALESCE(fp.acronym, r.from_institution, '–'),"
                        + " tp.acronym, r.state FROM referral r JOIN case_file cf ON cf.id = r.case_id"
                        + " JOIN program tp ON tp.id = r.to_program_id LEFT JOIN program fp ON fp.id = r.from_program_id"
                        + " WHERE r.comuna_id = ?1 AND r.case_id IN (SELECT case_id FROM mgc_case_item WHERE session_id = ?2)"
                        + " ORDER BY cf.code, r.sent_at DESC")
                .setParameter(1, comunaId).setParameter(2, sessionId).getResultList();
        return rows;
    }

    /** The agreement's links: case id, referral id (null: a case without a referral). */
    public List<Object[]> links(long agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> links = em.createNativeQuery("SELECT case_id, referral_id FROM mgc_agreement_case"
                + " WHERE agreement_id = ?1 ORDER BY case_id").setParameter(1, agreementId).getResultList();
        return links;
    }

    public void unlink(long agreementId) {
        em.createNativeQuery("DELETE FROM mgc_agreement_case WHERE agreement_id = ?1").setParameter(1, agreementId)
                .executeUpdate();
    }

    public void linkCase(long agreementId, long caseId) {
        em.createNativeQuery("INSERT INTO mgc_agreement_case (agreement_id, case_id) VALUES (?1, ?2)"
                + " ON CONFLICT DO NOTHING").setParameter(1, agreementId).setParameter(2, caseId).executeUpdate();
    }

    public void linkReferral(long agreementId, long caseId, long referralId) {
        em.createNativeQuery("INSERT INTO mgc_agreement_case (agreement_id, case_id, referral_id) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (agreement_id, case_id) DO UPDATE SET referral_id = EXCLUDED.referral_id")
                .setParameter(1, agreementId).setParameter(2, caseId)
                .setParameter(3, referralId).executeUpdate();
    }

    public long caseOfItem(long caseItemId) {
        return ((Number) em.createNativeQuery("SELECT case_id FROM mgc_case_item WHERE id = ?1")
                .setParameter(1, caseItemId).getSingleResult()).longValue();
    }

    /** The case of a referral of the comuna (empty: none). */
    public List<Object> caseOfReferral(long referralId, long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object> caseOf = em.createNativeQuery("SELECT case_id FROM referral WHERE id = ?1 AND comuna_id = ?2")
                .setParameter(1, referralId).setParameter(2, comunaId).getResultList();
        return caseOf;
    }

    /** The session of the comuna with its minutes' state: id, table, comuna, starts_at, minutes state, state. */
    public List<Object[]> session(long sessionId, long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.table_id, s.comuna_id, s.starts_at, m.state, s.state"
                        + " FROM mgc_session s LEFT JOIN mgc_minutes m ON m.session_id = s.id WHERE s.id = ?1"
                        + " AND s.comuna_id = ?2")
                .setParameter(1, sessionId).setParameter(2, comunaId).getResultList();
        return rows;
    }

    /** A count with positional parameters (existence checks). */
    public long count(String sql, Object... parameters) {
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The form's references belong to the session and the comuna, and the due day is not before the session. */
    public void check(AgreementForm form, LocalDate sessionDay, long sessionId, long comunaId) {
        if (form.dueOn().isBefore(sessionDay)) {
            throw new BusinessException("mgc.agreement.dueOn.beforeSession", sessionDay);
        }
        if (form.agendaItemId() != null && count("SELECT count(*) FROM mgc_agenda_item WHERE id = ?1 AND session_id = ?2",
                form.agendaItemId(), sessionId) == 0) {
            throw new BusinessException("mgc.agreement.item.other");
        }
        if (form.caseItemId() != null && count("SELECT count(*) FROM mgc_case_item WHERE id = ?1 AND session_id = ?2",
                form.caseItemId(), sessionId) == 0) {
            throw new BusinessException("mgc.agreement.item.other");
        }
        if (form.responsibleUserId() != null && count("SELECT count(*) FROM app_user WHERE id = ?1 AND comuna_id = ?2",
                form.responsibleUserId(), comunaId) == 0) {
            throw new BusinessException("mgc.agreement.user.other");
        }
        if (form.responsibleProgramId() != null && count("SELECT count(*) FROM program WHERE id = ?1 AND comuna_id = ?2",
                form.responsibleProgramId(), comunaId) == 0) {
            throw new BusinessException("mgc.agreement.program.other");
        }
    }

    public boolean caseOfComuna(long caseId, long comunaId) {
        return count("SELECT count(*) FROM case_file WHERE id = ?1 AND comuna_id = ?2", caseId, comunaId) > 0;
    }
}
