package cl.redlocal.portal.demo;

import cl.redlocal.portal.mgc.minutes.boundary.MinutesContent;
import cl.redlocal.portal.mgc.minutes.control.MinutesReader;
import cl.redlocal.portal.mgc.minutes.control.MinutesSnapshot;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo minutes and agreements (issue 6, part C), on what parts A and B produced for the demo comuna: for
 * every held session, attendance, notes per agenda item, each analysed case's discussion, decisions and a
 * few agreements (about 40 in all, in every status, some overdue, linked to the cases analysed); every
 * held session's minutes approved by the next session but the last, which stays a draft; one approved
 * with corrections and one corrected afterwards (version 2). Does nothing where there is no held session.
 */
public final class MgcDemoMinutes {

    private static final ZoneId ZONE = ZoneId.of("America/Santiago");
    private static final String BY = "cofacilitador.opd";

    private static final String[] NOTES = {
            "Se da la bienvenida; se presentan las personas nuevas.",
            "Se lee el acta anterior; no hay observaciones.",
            "Se revisan los acuerdos abiertos; se informan avances y nuevos plazos.",
            "Se revisan los flujos de derivación y las listas de espera del período; preocupa la espera en PIE.",
            "Se comparte el protocolo de riesgo suicida acordado con salud.",
            "Se analizan los casos de la pauta."};
    private static final String[] DISCUSSIONS = {
            "La mesa acuerda una visita conjunta y un plan único con un responsable de caso.",
            "Se constata sobre-intervención: se define qué programa lidera y cuáles se retiran.",
            "Se pide al establecimiento informar la asistencia; se revisará en la próxima sesión.",
            "Se deriva a tratamiento de consumo con acompañamiento de la dupla.",
            "El plan no avanza: se ajustan metas y se fija revisión en 30 días."};
    private static final String[] AGREEMENTS = {
            "Realizar visita domiciliaria conjunta", "Enviar informe de avance a la mesa",
            "Coordinar cupo en programa especializado", "Actualizar el plan de intervención unificado",
            "Gestionar hora de salud mental", "Informar asistencia escolar del último mes",
            "Presentar el caso en la próxima sesión", "Difundir el protocolo de derivación a los establecimientos"};

    private MgcDemoMinutes() {
    }

    public static void seed(EntityManager em, long comunaId, LocalDate anchor) {
        Random random = new Random(6_003L);
        @SuppressWarnings("unchecked")
        List<Object> tables = em.createNativeQuery("SELECT id FROM mgc_table WHERE comuna_id = ?1 ORDER BY id")
                .setParameter(1, comunaId).getResultList();
        int agreementsLeft = 40;
        for (Object t : tables) {
            long table = ((Number) t).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> held = em.createNativeQuery("SELECT id, starts_at FROM mgc_session WHERE table_id = ?1"
                    + " AND state = 'HELD' ORDER BY starts_at").setParameter(1, table).getResultList();
            if (held.isEmpty()) {
                continue;
            }
            int perSession = Math.max(2, (agreementsLeft + held.size() - 1) / held.size());
            List<Long> sessions = new ArrayList<>();
            for (Object[] h : held) {
                long session = ((Number) h[0]).longValue();
                LocalDate day = day(h[1]);
                sessions.add(session);
                minutes(em, random, table, session, day);
                int count = Math.min(perSession, Math.max(0, agreementsLeft));
                agreementsLeft -= agreements(em, random, table, comunaId, session, day, anchor, count);
            }
            approvals(em, table, sessions);
        }
        em.flush();
    }

    private static void minutes(EntityManager em, Random random, long table, long session, LocalDate day) {
        Number participants = (Number) em.createNativeQuery("SELECT count(*) FROM mgc_participant WHERE session_id = ?1")
                .setParameter(1, session).getSingleResult();
        if (participants.longValue() == 0) {
            em.createNativeQuery("INSERT INTO mgc_participant (session_id, member_id, rsvp_token) SELECT ?1, id,"
                            + " md5(random()::text || id::text || ?1::text) FROM mgc_member WHERE table_id = ?2 AND kind = 'PERMANENT'"
                            + " AND joined_on <= CAST(?3 AS DATE) AND (left_on IS NULL OR left_on >= CAST(?3 AS DATE))")
                    .setParameter(1, session).setParameter(2, table).setParameter(3, day).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object> people = em.createNativeQuery("SELECT id FROM mgc_participant WHERE session_id = ?1 AND attendance"
                + " IS NULL ORDER BY id").setParameter(1, session).getResultList();
        for (Object p : people) {
            int roll = random.nextInt(10);
            em.createNativeQuery("UPDATE mgc_participant SET attendance = ?1 WHERE id = ?2")
                    .setParameter(1, roll < 8 ? "PRESENT" : roll == 8 ? "EXCUSED" : "ABSENT")
                    .setParameter(2, ((Number) p).longValue()).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> items = em.createNativeQuery("SELECT id, block FROM mgc_agenda_item WHERE session_id = ?1"
                + " AND notes IS NULL ORDER BY position").setParameter(1, session).getResultList();
        for (Object[] i : items) {
            String note = switch ((String) i[1]) {
                case "WELCOME" -> NOTES[0];
                case "MINUTES_APPROVAL" -> NOTES[1];
                case "AGREEMENTS" -> NOTES[2];
                case "FLOWS" -> NOTES[3];
                case "TOPICS" -> NOTES[4];
                default -> NOTES[5];
            };
            em.createNativeQuery("UPDATE mgc_agenda_item SET notes = ?1 WHERE id = ?2").setParameter(1, note)
                    .setParameter(2, ((Number) i[0]).longValue()).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object> cases = em.createNativeQuery("SELECT id FROM mgc_case_item WHERE session_id = ?1 AND state = 'PICKED'"
                + " AND discussion IS NULL ORDER BY position, id").setParameter(1, session).getResultList();
        for (Object c : cases) {
            em.createNativeQuery("UPDATE mgc_case_item SET discussion = ?1 WHERE id = ?2")
                    .setParameter(1, DISCUSSIONS[random.nextInt(DISCUSSIONS.length)])
                    .setParameter(2, ((Number) c).longValue()).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO mgc_minutes (session_id, decisions, updated_by) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (session_id) DO NOTHING")
                .setParameter(1, session).setParameter(2, "Se priorizan los casos con sobre-intervención y se"
                        + " refuerza el seguimiento de los acuerdos atrasados.").setParameter(3, BY).executeUpdate();
    }

    private static int agreements(EntityManager em, Random random, long table, long comuna, long session, LocalDate day,
                                  LocalDate anchor, int count) {
        @SuppressWarnings("unchecked")
        List<Object[]> members = em.createNativeQuery("SELECT institution, person_name, email, user_id, program_id"
                + " FROM mgc_member WHERE table_id = ?1 ORDER BY id").setParameter(1, table).getResultList();
        if (members.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> caseItems = em.createNativeQuery("SELECT ci.case_id, ai.id FROM mgc_case_item ci LEFT JOIN"
                        + " mgc_agenda_item ai ON ai.session_id = ci.session_id AND ai.block = 'CASES'"
                        + " WHERE ci.session_id = ?1 AND ci.state = 'PICKED' ORDER BY ci.position, ci.id")
                .setParameter(1, session).getResultList();
        for (int k = 0; k < count; k++) {
            Object[] m = members.get(random.nextInt(members.size()));
            // the last sessions before the anchor agree on things due in the coming months, so a demo run
            // some weeks later still shows open agreements on time beside the overdue ones
            LocalDate due = day.isAfter(anchor.minusDays(70)) ? anchor.plusDays(30 + random.nextInt(90))
                    : day.plusDays(10 + random.nextInt(50));
            String status;
            LocalDate done = null;
            int roll = random.nextInt(10);
            if (due.isBefore(anchor)) {
                status = roll < 6 ? "DONE" : roll < 7 ? "CANCELLED" : roll < 9 ? "IN_PROGRESS" : "PENDING";
            } else {
                status = roll < 5 ? "PENDING" : roll < 8 ? "IN_PROGRESS" : "DONE";
            }
            if ("DONE".equals(status)) {
                done = due.minusDays(random.nextInt(8));
                if (done.isAfter(anchor)) {
                    done = anchor;
                }
            }
            Object[] caseItem = caseItems.isEmpty() || k % 3 == 2 ? null : caseItems.get(k % caseItems.size());
            long id = ((Number) em.createNativeQuery("INSERT INTO mgc_agreement (table_id, comuna_id, session_id,"
                            + " agenda_item_id, description, responsible_institution, responsible_name, responsible_email,"
                            + " responsible_user_id, responsible_program_id, due_on, status, done_on, created_by)"
                            + " VALUES (?1, ?2, ?3, CAST(?4 AS BIGINT), ?5, ?6, ?7, ?8, CAST(?9 AS BIGINT),"
                            + " CAST(?10 AS BIGINT), CAST(?11 AS DATE), ?12, CAST(?13 AS DATE), ?14) RETURNING id")
                    .setParameter(1, table).setParameter(2, comuna).setParameter(3, session)
                    .setParameter(4, caseItem == null ? null : caseItem[1])
                    .setParameter(5, AGREEMENTS[random.nextInt(AGREEMENTS.length)]).setParameter(6, m[0])
                    .setParameter(7, m[1]).setParameter(8, m[2]).setParameter(9, m[3]).setParameter(10, m[4])
                    .setParameter(11, due).setParameter(12, status).setParameter(13, done).setParameter(14, BY)
                    .getSingleResult()).longValue();
            if (caseItem != null) {
                em.createNativeQuery("INSERT INTO mgc_agreement_case (agreement_id, case_id) VALUES (?1, ?2)")
                        .setParameter(1, id).setParameter(2, ((Number) caseItem[0]).longValue()).executeUpdate();
            }
            if (!"PENDING".equals(status)) {
                em.createNativeQuery("INSERT INTO mgc_agreement_note (agreement_id, status_from, status_to, note,"
                                + " written_by, written_at) VALUES (?1, 'PENDING', ?2, ?3, ?4, CAST(?5 AS TIMESTAMPTZ))")
                        .setParameter(1, id).setParameter(2, status)
                        .setParameter(3, "DONE".equals(status) ? "Cumplido e informado a la mesa."
                                : "CANCELLED".equals(status) ? "Se anula: el caso egresó del programa."
                                : "En curso; se informará en la próxima sesión.")
                        .setParameter(4, BY).setParameter(5, (done != null ? done : day.plusDays(7)).atTime(12, 0)
                                .atZone(ZONE).toOffsetDateTime().toString()).executeUpdate();
            }
        }
        return count;
    }

    /** Every held session's minutes approved by the next session but the last; one with corrections, one corrected. */
    private static void approvals(EntityManager em, long table, List<Long> held) {
        for (int i = 0; i < held.size() - 1; i++) {
            long session = held.get(i);
            @SuppressWarnings("unchecked")
            List<Object[]> next = em.createNativeQuery("SELECT id, starts_at FROM mgc_session WHERE table_id = ?1"
                            + " AND state <> 'CANCELLED' AND starts_at > (SELECT starts_at FROM mgc_session WHERE id = ?2)"
                            + " ORDER BY starts_at LIMIT 1").setParameter(1, table).setParameter(2, session).getResultList();
            if (next.isEmpty()) {
                continue;
            }
            long by = ((Number) next.get(0)[0]).longValue();
            LocalDate byDay = day(next.get(0)[1]);
            String corrections = i == 1 ? "Se corrige el nombre de la institución de salud en la asistencia." : null;
            em.createNativeQuery("UPDATE mgc_minutes SET state = 'APPROVED', approved_at = (SELECT starts_at FROM"
                            + " mgc_session WHERE id = ?1) + INTERVAL '2 hours', approved_by = ?2, approved_in_session_id = ?1,"
                            + " approval_corrections = ?3, current_version = 1 WHERE session_id = ?4")
                    .setParameter(1, by).setParameter(2, BY).setParameter(3, corrections).setParameter(4, session)
                    .executeUpdate();
            version(em, session, 1, corrections == null ? "Aprobada sin correcciones en la sesión del " + byDay
                    : "Aprobada con correcciones en la sesión del " + byDay + ": " + corrections, byDay);
            if (i == 2) {
                em.createNativeQuery("UPDATE mgc_minutes SET decisions = decisions || ' Se agrega: la OPD coordinará la"
                        + " capacitación en buen trato.', current_version = 2 WHERE session_id = ?1")
                        .setParameter(1, session).executeUpdate();
                version(em, session, 2, "Corrección: faltaba una decisión sobre la capacitación en buen trato.",
                        byDay.plusDays(3));
            }
        }
    }

    private static void version(EntityManager em, long session, int number, String reason, LocalDate day) {
        String decisions = (String) em.createNativeQuery("SELECT decisions FROM mgc_minutes WHERE session_id = ?1")
                .setParameter(1, session).getSingleResult();
        MinutesContent content = MinutesReader.content(em, session, decisions, day);
        em.createNativeQuery("INSERT INTO mgc_minutes_version (minutes_id, number, content, reason, created_by, created_at)"
                        + " SELECT id, ?1, CAST(?2 AS JSONB), ?3, ?4, CAST(?5 AS TIMESTAMPTZ) FROM mgc_minutes"
                        + " WHERE session_id = ?6")
                .setParameter(1, number).setParameter(2, MinutesSnapshot.toJson(content)).setParameter(3, reason)
                .setParameter(4, BY).setParameter(5, day.atTime(12, 0).atZone(ZONE).toOffsetDateTime().toString())
                .setParameter(6, session).executeUpdate();
    }

    private static LocalDate day(Object startsAt) {
        return LocalDate.ofInstant(cl.redlocal.portal.platform.SqlValues.instant(startsAt), ZONE);
    }
}
