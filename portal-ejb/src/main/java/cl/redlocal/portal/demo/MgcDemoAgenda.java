package cl.redlocal.portal.demo;

import cl.redlocal.portal.mgc.agenda.entity.AgendaBlock;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo of issue 6, part B, on the sessions part A seeded: every held session gets its agenda (the standard
 * blocks, now and then a training or an intersector guest) and two or three analysed cases of the comuna
 * (by code only in every list); the comuna's next open session is left ready to prepare: no agenda yet, a
 * program's proposal waiting for the co-facilitators and two alerts sent "to the next session's agenda",
 * so preparing it shows the suggestions and takes the alerts up. Idempotent: a session with an agenda is
 * left alone. Native SQL only, as part B never maps the other parts' tables.
 */
public final class MgcDemoAgenda {

    private static final String[] TOPICS = {
            "Capacitación: protocolo de riesgo suicida acordado con CESFAM",
            "Invitado intersectorial: SENDA Previene presenta su oferta",
            "Mapa de actores locales: actualización de contactos",
            "Invitado intersectorial: Tribunal de Familia, medidas de protección",
            "Capacitación: uso de la priorización unificada de listas de espera"};

    private static final String[] QUESTIONS = {
            "¿Qué programa coordina el plan y cómo evitamos la sobre-intervención?",
            "¿Cómo aseguramos la continuidad escolar mientras espera cupo?",
            "¿Qué apoyo necesita la familia para sostener el plan?"};

    private MgcDemoAgenda() {
    }

    public static void seed(EntityManager em, long comunaId, LocalDate anchor) {
        Random random = new Random(6_000_002L);
        ZoneId zone = ZoneId.of("America/Santiago");
        @SuppressWarnings("unchecked")
        List<Object[]> sessions = em.createNativeQuery("SELECT s.id, s.state, s.starts_at FROM mgc_session s"
                        + " WHERE s.comuna_id = ?1 AND NOT EXISTS (SELECT 1 FROM mgc_agenda_item i WHERE i.session_id = s.id)"
                        + " ORDER BY s.starts_at, s.id")
                .setParameter(1, comunaId).getResultList();
        @SuppressWarnings("unchecked")
        List<Number> cases = em.createNativeQuery("SELECT id FROM case_file WHERE comuna_id = ?1 AND status = 'OPEN'"
                + " ORDER BY id").setParameter(1, comunaId).getResultList();
        if (cases.isEmpty()) {
            return;
        }
        int held = 0;
        for (Object[] s : sessions) {
            if (!"HELD".equals(s[1])) {
                continue;
            }
            long session = ((Number) s[0]).longValue();
            int position = 1;
            for (AgendaBlock block : AgendaBlock.STANDARD) {
                if (block == AgendaBlock.CASES && held % 3 == 1) {
                    item(em, session, position++, AgendaBlock.TOPICS, TOPICS[(held / 3) % TOPICS.length]);
                }
                item(em, session, position++, block, block.standardTitle());
            }
            List<Number> pool = new ArrayList<>(cases);
            int count = 2 + random.nextInt(2);
            for (int k = 0; k < count && !pool.isEmpty(); k++) {
                long caseId = pool.remove(random.nextInt(pool.size())).longValue();
                String origin = k == 0 ? "SUGGESTED" : k == 1 ? "PICKED" : "ALERT";
                String reasons = switch (origin) {
                    case "SUGGESTED" -> "Caso complejo: una alerta alta abierta";
                    case "PICKED" -> "Elegido por la co-facilitación";
                    default -> "Alerta enviada a la Mesa: alerta alta";
                };
                em.createNativeQuery("INSERT INTO mgc_case_item (session_id, case_id, origin, reasons, state, proposed_by,"
                                + " question, presenter_notes, position, created_at) VALUES (?1, ?2, ?3, ?4, 'PICKED',"
                                + " 'cofacilitador.opd', ?5, ?6, ?7, ?8)")
                        .setParameter(1, session).setParameter(2, caseId).setParameter(3, origin)
                        .setParameter(4, reasons).setParameter(5, QUESTIONS[random.nextInt(QUESTIONS.length)])
                        .setParameter(6, "Presenta la dupla del programa que sostiene el caso.")
                        .setParameter(7, k + 1).setParameter(8, s[2]).executeUpdate();
            }
            held++;
        }

        // the next open session from the anchor (or from today, for demos run later): ready to prepare
        LocalDate from = anchor.isAfter(LocalDate.now(zone)) ? anchor : LocalDate.now(zone);
        @SuppressWarnings("unchecked")
        List<Number> next = em.createNativeQuery("SELECT id FROM mgc_session WHERE comuna_id = ?1"
                        + " AND state IN ('PLANNED', 'CONVENED') AND starts_at >= ?2 ORDER BY starts_at, id LIMIT 1")
                .setParameter(1, comunaId).setParameter(2, Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .getResultList();
        if (next.isEmpty()) {
            return;
        }
        long nextSession = next.get(0).longValue();
        // a program proposes one of its cases (PPF, when the demo has it)
        em.createNativeQuery("""
                        INSERT INTO mgc_case_item (session_id, case_id, origin, reasons, state, proposed_by,
                                                   proposed_by_program_id, question, position)
                        SELECT ?1, i.case_id, 'PROPOSED', 'Propuesto por ' || p.acronym || ': la familia no adhiere al'
                               || ' plan y el colegio reporta ausentismo', 'PROPOSED', coalesce(u.username, 'demo'), p.id,
                               '¿Podemos coordinar con educación un plan de asistencia?', 1
                        FROM case_involvement i JOIN program p ON p.id = i.program_id
                        LEFT JOIN app_user u ON u.program_id = p.id AND u.role = 'PROFESIONAL'
                        WHERE i.comuna_id = ?2 AND i.ended_on IS NULL AND p.acronym = 'PPF'
                          AND NOT EXISTS (SELECT 1 FROM mgc_case_item c WHERE c.session_id = ?1
                                          AND (c.case_id = i.case_id OR c.origin = 'PROPOSED'))
                        ORDER BY i.case_id, u.username LIMIT 1""")
                .setParameter(1, nextSession).setParameter(2, comunaId).executeUpdate();
        // two open high alerts sent to "the next session's agenda" (taken up when the agenda is prepared)
        em.createNativeQuery("""
                        INSERT INTO session_agenda_request (comuna_id, case_id, alert_id, reason, requested_by, requested_at)
                        SELECT a.comuna_id, a.case_id, a.id, 'Alerta alta: enviada por la co-facilitación',
                               'cofacilitador.opd', ?2
                        FROM vulnerability_alert a JOIN case_file c ON c.id = a.case_id
                        WHERE a.comuna_id = ?1 AND a.state <> 'RESOLVED' AND c.status = 'OPEN'
                          AND NOT EXISTS (SELECT 1 FROM session_agenda_request r WHERE r.comuna_id = ?1
                                          AND r.session_id IS NULL)
                        ORDER BY a.severity = 'HIGH' DESC, a.id LIMIT 2
                        ON CONFLICT (alert_id) DO NOTHING""")
                .setParameter(1, comunaId)
                .setParameter(2, Timestamp.from(anchor.minusDays(2).atTime(11, 0).atZone(zone).toInstant()))
                .executeUpdate();
    }

    private static void item(EntityManager em, long session, int position, AgendaBlock block, String title) {
        em.createNativeQuery("INSERT INTO mgc_agenda_item (session_id, position, block, title) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, session).setParameter(2, position).setParameter(3, block.name()).setParameter(4, title)
                .executeUpdate();
    }
}
