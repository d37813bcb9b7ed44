package cl.redlocal.portal.demo;

import cl.redlocal.portal.mgc.network.control.ProtocolSnapshot;
import cl.redlocal.portal.mgc.network.entity.DeadlineUnit;
import cl.redlocal.portal.mgc.network.entity.Protocol;
import cl.redlocal.portal.mgc.network.entity.ProtocolStep;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Demo network work of the demo comuna's table (issue 18), on the sessions parts A-C produced: a suicide-risk
 * protocol (liceo → CESFAM → COSAM) approved in the latest held session and revised since (version 2), a draft
 * "vulneración grave" protocol on the next session's agenda, two critical knots (one open with its strategy and
 * an agreement, one resolved), the map of local actors (the offer map's providers plus seven others, ~15) and two
 * trainings in held sessions. Deterministic: no randomness, dates from the anchor. Nothing without a held session.
 */
public final class MgcDemoNetwork {

    private static final String BY = "cofacilitador.opd";

    private MgcDemoNetwork() {
    }

    public static void seed(EntityManager em, long comunaId, LocalDate anchor) {
        @SuppressWarnings("unchecked")
        List<Object> tables = em.createNativeQuery("SELECT id FROM mgc_table WHERE comuna_id = ?1 ORDER BY id LIMIT 1")
                .setParameter(1, comunaId).getResultList();
        if (tables.isEmpty()) {
            return;
        }
        long table = ((Number) tables.get(0)).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> held = em.createNativeQuery("SELECT id, starts_at FROM mgc_session WHERE table_id = ?1"
                + " AND state = 'HELD' ORDER BY starts_at").setParameter(1, table).getResultList();
        if (held.size() < 2) {
            return;
        }
        Object[] last = held.get(held.size() - 1);
        Object[] earlier = held.get(held.size() - 2);
        @SuppressWarnings("unchecked")
        List<Object> next = em.createNativeQuery("SELECT id FROM mgc_session WHERE table_id = ?1 AND state IN ('PLANNED',"
                + " 'CONVENED') ORDER BY starts_at LIMIT 1").setParameter(1, table).getResultList();

        actors(em, comunaId, table, anchor);
        Set<Long> suicidePrograms = programs(em, comunaId, "LICEO", "CESFAM", "COSAM");
        List<ProtocolStep> v1 = List.of(
                new ProtocolStep("Encargado/a de convivencia escolar del liceo", "Detecta la señal de riesgo, contiene y avisa a la familia", 24, DeadlineUnit.HOURS),
                new ProtocolStep("CESFAM (equipo de sector)", "Evalúa el riesgo suicida (médico o psicólogo) y define la urgencia", 48, DeadlineUnit.HOURS),
                new ProtocolStep("COSAM", "Ingresa al NNA a atención de salud mental y acuerda el plan con el liceo", 10, DeadlineUnit.DAYS));
        List<ProtocolStep> v2 = List.of(v1.get(0),
                new ProtocolStep("CESFAM (equipo de sector)", "Evalúa el riesgo suicida (médico o psicólogo) y define la urgencia", 24, DeadlineUnit.HOURS),
                v1.get(2),
                new ProtocolStep("OPD", "Hace seguimiento con el liceo y la familia e informa a la Mesa", 30, DeadlineUnit.DAYS));
        String purpose = "Abordaje coordinado de niños, niñas y adolescentes con riesgo suicida detectados en los"
                + " establecimientos educacionales, acordado por la Mesa con salud.";
        String contacts = "Liceo: encargada de convivencia escolar · CESFAM: SOME, anexo 210 · COSAM: admisión, anexo 12";
        LocalDate review = anchor.plusMonths(10);
        Protocol.Content c1 = new Protocol.Content("Riesgo suicida: colegio → CESFAM → COSAM", purpose, contacts, review,
                v1, suicidePrograms, Set.of());
        Protocol.Content c2 = new Protocol.Content("Riesgo suicida: colegio → CESFAM → COSAM", purpose, contacts, review,
                v2, suicidePrograms, Set.of());
        long lastSession = ((Number) last[0]).longValue();
        Instant approvedAt = ((Timestamp) toTimestamp(last[1])).toInstant().plusSeconds(3600);
        long suicide = protocol(em, comunaId, c2, "APPROVED", lastSession, lastSession, approvedAt, 2);
        version(em, suicide, 1, c1, "Aprobado en la sesión de la Mesa", lastSession, approvedAt);
        version(em, suicide, 2, c2, "Salud acorta la evaluación a 24 horas; se agrega el seguimiento de la OPD",
                null, approvedAt.plusSeconds(86_400 * 3L));

        Protocol.Content draft = new Protocol.Content("Vulneración grave: OPD → Tribunal de Familia",
                "Cómo la OPD lleva al Tribunal de Familia una vulneración grave de derechos y cómo se informa a la Mesa.",
                "OPD: abogada · Tribunal de Familia: consejo técnico", anchor.plusMonths(12), List.of(
                new ProtocolStep("OPD (dupla psicosocial)", "Evalúa la vulneración y reúne antecedentes", 3, DeadlineUnit.DAYS),
                new ProtocolStep("OPD (abogada)", "Presenta la medida de protección al Tribunal de Familia", 2, DeadlineUnit.DAYS),
                new ProtocolStep("Tribunal de Familia", "Cita a audiencia preparatoria", 15, DeadlineUnit.DAYS)),
                programs(em, comunaId, "OPD"), Set.of());
        protocol(em, comunaId, draft, "DRAFT", next.isEmpty() ? null : ((Number) next.get(0)).longValue(), null, null, 0);

        knots(em, comunaId, table, ((Number) earlier[0]).longValue(), day(earlier[1]), lastSession, day(last[1]));
        training(em, comunaId, table, ((Number) earlier[0]).longValue(), "Ley 21.430 de garantías de la niñez",
                "SELF", "Abogada de la OPD", 14);
        training(em, comunaId, table, lastSession, "Detección temprana del riesgo suicida en la escuela", "GUEST",
                "Psicóloga del COSAM (invitada)", 17);
        em.flush();
    }

    private static long protocol(EntityManager em, long comunaId, Protocol.Content c, String state, Long agendaSession,
                                 Long approvedSession, Instant approvedAt, int currentVersion) {
        long id = ((Number) em.createNativeQuery("INSERT INTO net_protocol (comuna_id, title, purpose, contacts, review_on,"
                        + " state, agenda_session_id, approved_session_id, approved_at, approved_by, current_version,"
                        + " created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS BIGINT), CAST(?8 AS BIGINT),"
                        + " CAST(?9 AS TIMESTAMPTZ), CAST(?10 AS VARCHAR), ?11, ?12, ?12) RETURNING id")
                .setParameter(1, comunaId).setParameter(2, c.title()).setParameter(3, c.purpose())
                .setParameter(4, c.contacts()).setParameter(5, Date.valueOf(c.reviewOn())).setParameter(6, state)
                .setParameter(7, agendaSession).setParameter(8, approvedSession)
                .setParameter(9, approvedAt == null ? null : Timestamp.from(approvedAt))
                .setParameter(10, approvedAt == null ? null : BY).setParameter(11, currentVersion).setParameter(12, BY)
                .getSingleResult()).longValue();
        for (int i = 0; i < c.steps().size(); i++) {
            ProtocolStep s = c.steps().get(i);
            em.createNativeQuery("INSERT INTO net_protocol_step (protocol_id, position, responsible, action, deadline_value,"
                            + " deadline_unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, id).setParameter(2, i)
                    .setParameter(3, s.getResponsible()).setParameter(4, s.getAction()).setParameter(5, s.getDeadlineValue())
                    .setParameter(6, s.getDeadlineUnit().name()).executeUpdate();
        }
        for (Long program : c.programIds()) {
            em.createNativeQuery("INSERT INTO net_protocol_program (protocol_id, program_id) VALUES (?1, ?2)")
                    .setParameter(1, id).setParameter(2, program).executeUpdate();
        }
        return id;
    }

    private static void version(EntityManager em, long protocol, int number, Protocol.Content c, String reason,
                                Long session, Instant at) {
        em.createNativeQuery("INSERT INTO net_protocol_version (protocol_id, number, content, reason, session_id, created_by,"
                        + " created_at) VALUES (?1, ?2, CAST(?3 AS JSONB), ?4, CAST(?5 AS BIGINT), ?6, ?7)")
                .setParameter(1, protocol).setParameter(2, number).setParameter(3, ProtocolSnapshot.toJson(c))
                .setParameter(4, reason).setParameter(5, session).setParameter(6, BY).setParameter(7, Timestamp.from(at))
                .executeUpdate();
    }

    private static void knots(EntityManager em, long comunaId, long table, long earlierSession, LocalDate earlierDay,
                              long lastSession, LocalDate lastDay) {
        long open = ((Number) em.createNativeQuery("INSERT INTO net_knot (comuna_id, table_id, title, description, evidence,"
                        + " evidence_link, strategy, state, detected_on, detected_session_id, created_by) VALUES (?1, ?2,"
                        + " 'La lista de espera de PIE supera los 60 días', 'Niños y niñas derivados a PIE esperan más de"
                        + " dos meses su ingreso.', 'Bloque de flujos de la sesión: la espera más antigua de PIE supera"
                        + " los 60 días.', ?3, 'Priorización conjunta en la Mesa y gestión de cupos adicionales con el"
                        + " Servicio.', 'IN_PROGRESS', ?4, ?5, ?6) RETURNING id")
                .setParameter(1, comunaId).setParameter(2, table)
                .setParameter(3, "/mgc/agenda.xhtml?session=" + earlierSession + "#flowsTitle")
                .setParameter(4, Date.valueOf(earlierDay)).setParameter(5, earlierSession).setParameter(6, BY)
                .getSingleResult()).longValue();
        em.createNativeQuery("INSERT INTO net_knot_agreement (knot_id, agreement_id) SELECT ?1, id FROM mgc_agreement"
                        + " WHERE table_id = ?2 AND session_id = ?3 ORDER BY id LIMIT 1")
                .setParameter(1, open).setParameter(2, table).setParameter(3, earlierSession).executeUpdate();
        em.createNativeQuery("INSERT INTO net_knot (comuna_id, table_id, title, description, strategy, state, detected_on,"
                        + " detected_session_id, resolved_on, resolution, created_by) VALUES (?1, ?2, 'Los colegios no"
                        + " derivan antes de expulsar', 'Dos expulsiones sin derivación previa a la red en el semestre.',"
                        + " 'Difundir el flujo de derivación a los establecimientos con la Dirección de Educación.',"
                        + " 'RESOLVED', ?3, ?4, ?5, 'Educación incorporó la derivación a la red en su protocolo de"
                        + " convivencia; sin expulsiones sin derivación desde entonces.', ?6)")
                .setParameter(1, comunaId).setParameter(2, table).setParameter(3, Date.valueOf(earlierDay.minusMonths(2)))
                .setParameter(4, earlierSession).setParameter(5, Date.valueOf(lastDay)).setParameter(6, BY).executeUpdate();
    }

    private static void actors(EntityManager em, long comunaId, long table, LocalDate anchor) {
        @SuppressWarnings("unchecked")
        List<Object[]> providers = em.createNativeQuery("SELECT id, name, kind FROM provider WHERE comuna_id = ?1 ORDER BY id")
                .setParameter(1, comunaId).getResultList();
        int i = 0;
        for (Object[] p : providers) {
            String kind = switch ((String) p[2]) {
                case "HEALTH" -> "HEALTH";
                case "EDUCATION" -> "SCHOOL";
                case "COURT" -> "COURT";
                case "POLICE" -> "POLICE";
                case "MUNICIPALITY" -> "MUNICIPAL";
                case "NGO", "STATE_SERVICE" -> "PROTECTION";
                default -> "OTHER";
            };
            actor(em, comunaId, (String) p[1], kind, ((Number) p[0]).longValue(), "Oferta del mapa comunal",
                    i % 2 == 0 ? table : null, anchor.minusDays(7L * (i + 1)));
            i++;
        }
        String[][] others = {
                {"3a Comisaría de Carabineros", "POLICE", "Lista PSI 24 Horas; procedimientos con NNA"},
                {"Tribunal de Familia", "COURT", "Medidas de protección e informes"},
                {"Liceo Bicentenario Comuna Demo", "SCHOOL", "Detecta y deriva; protocolo de riesgo suicida"},
                {"Escuela Básica Los Aromos", "SCHOOL", "Detecta y deriva"},
                {"Junta de Vecinos Villa Esperanza", "COMMUNITY", "Difusión y sensibilización en el barrio"},
                {"Fiscalía Local", "COURT", "Causas de vulneración grave"},
                {"Oficina Municipal de la Juventud", "MUNICIPAL", "Actividades para adolescentes"}};
        for (String[] o : others) {
            actor(em, comunaId, o[0], o[1], null, o[2], i % 3 == 0 ? table : null, anchor.minusDays(5L * (i + 1)));
            i++;
        }
    }

    private static void actor(EntityManager em, long comunaId, String name, String kind, Long provider, String role,
                              Long table, LocalDate lastContact) {
        em.createNativeQuery("INSERT INTO net_actor (comuna_id, name, kind, provider_id, network_role, contact_name,"
                        + " contact_email, table_id, last_contact_on, created_by) VALUES (?1, ?2, ?3, CAST(?4 AS BIGINT), ?5,"
                        + " ?6, ?7, CAST(?8 AS BIGINT), ?9, ?10) ON CONFLICT (comuna_id, name) DO NOTHING")
                .setParameter(1, comunaId).setParameter(2, name).setParameter(3, kind).setParameter(4, provider)
                .setParameter(5, role).setParameter(6, "Contacto " + name)
                .setParameter(7, "contacto@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".demo.cl")
                .setParameter(8, table).setParameter(9, Date.valueOf(lastContact)).setParameter(10, BY).executeUpdate();
    }

    private static void training(EntityManager em, long comunaId, long table, long session, String subject, String kind,
                                 String givenBy, int attendees) {
        em.createNativeQuery("INSERT INTO net_training (comuna_id, table_id, session_id, agenda_item_id, subject, kind,"
                        + " given_by, attendees, created_by) VALUES (?1, ?2, ?3, (SELECT min(id) FROM mgc_agenda_item WHERE"
                        + " session_id = ?3 AND block = 'TOPICS'), ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, comunaId).setParameter(2, table).setParameter(3, session).setParameter(4, subject)
                .setParameter(5, kind).setParameter(6, givenBy).setParameter(7, attendees).setParameter(8, BY).executeUpdate();
    }

    private static Set<Long> programs(EntityManager em, long comunaId, String... acronyms) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String a : acronyms) {
            @SuppressWarnings("unchecked")
            List<Object> found = em.createNativeQuery("SELECT id FROM program WHERE comuna_id = ?1 AND acronym = ?2")
                    .setParameter(1, comunaId).setParameter(2, a).getResultList();
            found.forEach(f -> ids.add(((Number) f).longValue()));
        }
        return ids;
    }

    private static Object toTimestamp(Object value) {
        return value instanceof Timestamp ? value : Timestamp.from(cl.redlocal.portal.platform.SqlValues.instant(value));
    }

    private static LocalDate day(Object timestamp) {
        return cl.redlocal.portal.platform.SqlValues.instant(timestamp).atZone(java.time.ZoneId.of("America/Santiago"))
                .toLocalDate();
    }
}
