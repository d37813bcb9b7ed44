package cl.redlocal.portal.mgc.minutes.control;

import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesContent;
import cl.redlocal.portal.mgc.minutes.entity.AgreementStatus;
import cl.redlocal.portal.platform.SqlValues;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads what minutes say from the session's rows (participants, agenda items, case items, agreements): the
 * live draft, and the content a version snapshots. Shared by the service and the demo data.
 */
public final class MinutesReader {

    private MinutesReader() {
    }

    /** The whole content of a session's live minutes, unfiltered (need-to-know is the caller's business). */
    public static MinutesContent content(EntityManager em, long sessionId, String decisions, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> people = em.createNativeQuery("SELECT p.id, p.version, COALESCE(mb.person_name, p.guest_name),"
                        + " COALESCE(mb.institution, p.guest_institution), p.member_id IS NULL, p.attendance"
                        + " FROM mgc_participant p LEFT JOIN mgc_member mb ON mb.id = p.member_id WHERE p.session_id = ?1"
                        + " ORDER BY p.member_id IS NULL, COALESCE(mb.institution, p.guest_institution),"
                        + " COALESCE(mb.person_name, p.guest_name), p.id")
                .setParameter(1, sessionId).getResultList();
        List<MinutesContent.Attendee> attendance = people.stream().map(r -> new MinutesContent.Attendee(
                ((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2], (String) r[3], (Boolean) r[4],
                (String) r[5])).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> agenda = em.createNativeQuery("SELECT id, version, position, block, title, notes FROM mgc_agenda_item"
                + " WHERE session_id = ?1 ORDER BY position, id").setParameter(1, sessionId).getResultList();
        List<MinutesContent.Item> items = agenda.stream().map(r -> new MinutesContent.Item(((Number) r[0]).longValue(),
                ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), (String) r[3], (String) r[4], (String) r[5]))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> caseRows = em.createNativeQuery("SELECT ci.id, ci.version, cf.id, cf.code, ch.given_names,"
                        + " ch.paternal_surname, ch.maternal_surname, ci.discussion FROM mgc_case_item ci"
                        + " JOIN case_file cf ON cf.id = ci.case_id JOIN child ch ON ch.id = cf.child_id"
                        + " WHERE ci.session_id = ?1 AND ci.state = 'PICKED' ORDER BY ci.position, ci.id")
                .setParameter(1, sessionId).getResultList();
        List<MinutesContent.CaseItem> cases = caseRows.stream().map(r -> new MinutesContent.CaseItem(
                ((Number) r[0]).longValue(), ((Number) r[1]).intValue(), ((Number) r[2]).longValue(), (String) r[3],
                Child.initialsOf((String) r[4], (String) r[5], (String) r[6]), (String) r[7], false, false)).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> agreementRows = em.createNativeQuery("SELECT a.id, a.description, a.responsible_institution,"
                        + " a.responsible_name, a.due_on, a.status, a.agenda_item_id, (SELECT string_agg(cf.code, ', '"
                        + " ORDER BY cf.code) FROM mgc_agreement_case ac JOIN case_file cf ON cf.id = ac.case_id"
                        + " WHERE ac.agreement_id = a.id) FROM mgc_agreement a WHERE a.session_id = ?1 ORDER BY a.id")
                .setParameter(1, sessionId).getResultList();
        List<MinutesContent.AgreementLine> agreements = agreementRows.stream().map(r -> {
            LocalDate due = SqlValues.localDate(r[4]);
            return new MinutesContent.AgreementLine(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    (String) r[3], due, AgreementStatus.shown(AgreementStatus.valueOf((String) r[5]), due, today).name(),
                    r[6] == null ? null : ((Number) r[6]).longValue(), (String) r[7]);
        }).toList();
        return new MinutesContent(attendance, items, cases, decisions, agreements);
    }

}
