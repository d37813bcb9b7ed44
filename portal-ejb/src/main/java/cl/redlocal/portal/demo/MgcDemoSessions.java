package cl.redlocal.portal.demo;

import cl.redlocal.portal.mgc.session.control.Recurrence;
import cl.redlocal.portal.mgc.session.entity.Frequency;
import cl.redlocal.portal.mgc.session.entity.MemberKind;
import cl.redlocal.portal.mgc.session.entity.MgcMember;
import cl.redlocal.portal.mgc.session.entity.MgcParticipant;
import cl.redlocal.portal.mgc.session.entity.MgcPlan;
import cl.redlocal.portal.mgc.session.entity.MgcSession;
import cl.redlocal.portal.mgc.session.entity.MgcTable;
import cl.redlocal.portal.mgc.session.entity.Rsvp;
import jakarta.persistence.EntityManager;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo comuna's Case Management Table (issue 6, part A): the table with its permanent members (the
 * 24 Horas offer, health, education, SENDA; one replaced mid-year) and eventual ones (police, courts),
 * an annual plan for 2026 and one for 2027 (second Wednesday, 09:30, three hours), the sessions before
 * the anchor HELD with their participants and answers, the rest PLANNED so a next session exists for
 * years of demo runs; one session moved and one cancelled with their reasons each year.
 */
public final class MgcDemoSessions {

    private static final ZoneId ZONE = ZoneId.of("America/Santiago");
    private static final String BY = "cofacilitador.opd";
    private static final String PLACE = "Sala de reuniones OPD, Municipalidad de Comuna Demo";

    private MgcDemoSessions() {
    }

    public static void seed(EntityManager em, long comunaId, LocalDate anchor) {
        Random random = new Random(6_001L);
        MgcTable table = new MgcTable(comunaId, "Mesa de Gestión de Casos Comuna Demo", null, BY);
        em.persist(table);
        em.flush();
        long t = table.getId();
        LocalDate start = LocalDate.of(2026, 1, 5);
        List<MgcMember> permanent = new ArrayList<>();
        permanent.add(member(em, t, MemberKind.PERMANENT, "OPD Comuna Demo", "Co-facilitación OPD", "cofacilitador.opd", "OPD", start));
        permanent.add(member(em, t, MemberKind.PERMANENT, "EDT Comuna Demo", "Co-facilitación EDT", "cofacilitador.edt", "EDT", start));
        permanent.add(member(em, t, MemberKind.PERMANENT, "PPF Comuna Demo", "Dupla PPF", "profesional.ppf", "PPF", start));
        permanent.add(member(em, t, MemberKind.PERMANENT, "PIE Comuna Demo", "Dupla PIE", "profesional.pie", "PIE", start));
        permanent.add(member(em, t, MemberKind.PERMANENT, "PDC Comuna Demo", "Carolina Fuentes Araya", null, "PDC", start));
        MgcMember pdeFirst = member(em, t, MemberKind.PERMANENT, "PDE Comuna Demo", "Rodrigo Tapia Soto", null, "PDE", start);
        pdeFirst.leave(LocalDate.of(2026, 6, 30));
        permanent.add(pdeFirst);
        permanent.add(member(em, t, MemberKind.PERMANENT, "PDE Comuna Demo", "Francisca Reyes Castro", null, "PDE",
                LocalDate.of(2026, 7, 1)));
        permanent.add(member(em, t, MemberKind.PERMANENT, "MST Comuna Demo", "Equipo MST", null, "MST", start));
        permanent.add(member(em, t, MemberKind.PERMANENT, "CESFAM Comuna Demo", "Paula Morales Díaz", null, "CESFAM", start));
        permanent.add(member(em, t, MemberKind.PERMANENT, "Liceo Bicentenario Demo", "Encargada de convivencia", null, "LICEO", start));
        permanent.add(member(em, t, MemberKind.PERMANENT, "SENDA Previene", "Javier Pizarro Rojas", null, "SENDA", start));
        List<MgcMember> eventual = new ArrayList<>();
        eventual.add(member(em, t, MemberKind.EVENTUAL, "Carabineros, 1.ª Comisaría", "Sargento Luis Vásquez", null, null, start));
        eventual.add(member(em, t, MemberKind.EVENTUAL, "PDI, Brigada de Delitos Sexuales", "Inspectora Ana Castillo", null, null, start));
        eventual.add(member(em, t, MemberKind.EVENTUAL, "Tribunal de Familia", "Consejera técnica", null, null, start));
        eventual.add(member(em, t, MemberKind.EVENTUAL, "Fiscalía Local", "Unidad de Atención a Víctimas", null, null, start));
        eventual.add(member(em, t, MemberKind.EVENTUAL, "Chile Crece Contigo", "Encargada comunal", null, null, start));
        em.flush();

        for (int year : new int[] {2026, 2027}) {
            MgcPlan plan = new MgcPlan(t, "Plan anual " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                    Frequency.MONTHLY, DayOfWeek.WEDNESDAY, 2, LocalTime.of(9, 30), 180, PLACE, null, BY);
            em.persist(plan);
            em.flush();
            for (Recurrence.Slot slot : Recurrence.slots(plan.getFrequency(), plan.getWeekday(), plan.getWeekOfMonth(),
                    plan.getStartsOn(), plan.getEndsOn(), plan.getStartTime(), plan.getDurationMinutes(), ZONE)) {
                LocalDate day = slot.start().toLocalDate();
                MgcSession session = new MgcSession(t, comunaId, plan.getId(), slot.startInstant(), slot.endInstant(),
                        PLACE, null, BY);
                em.persist(session);
                if (day.getMonthValue() == 2) {
                    session.cancel("Receso estival de los equipos: la mesa no sesiona en febrero.");
                    continue;
                }
                if (day.getMonthValue() == 7 || (year == 2026 && day.getMonthValue() == 12)) {
                    Recurrence.Slot moved = Recurrence.slot(day.plusDays(1), LocalTime.of(9, 30), 180, ZONE);
                    session.move(moved.startInstant(), moved.endInstant(), "Auditorio Municipal de Comuna Demo", null,
                            day.getMonthValue() == 7 ? "Vacaciones de invierno: el auditorio queda libre el jueves."
                                    : "Actividad municipal de fin de año en la sala habitual.");
                    day = day.plusDays(1);
                }
                if (day.isBefore(anchor)) {
                    em.flush();
                    session.convene(BY, slot.startInstant().minusSeconds(14 * 86_400L));
                    for (MgcMember m : permanent) {
                        if (m.activeOn(day)) {
                            participant(em, MgcParticipant.member(session.getId(), m.getId()), random, slot);
                        }
                    }
                    MgcMember guest = eventual.get(random.nextInt(eventual.size()));
                    participant(em, MgcParticipant.member(session.getId(), guest.getId()), random, slot);
                    session.close(BY, session.getEndsAt());
                }
            }
        }
        em.flush();
    }

    private static void participant(EntityManager em, MgcParticipant p, Random random, Recurrence.Slot slot) {
        int roll = random.nextInt(10);
        if (roll < 8) {
            p.answer(Rsvp.YES, slot.startInstant().minusSeconds(3 * 86_400L));
        } else if (roll == 8) {
            p.answer(Rsvp.NO, slot.startInstant().minusSeconds(2 * 86_400L));
        }
        em.persist(p);
    }

    private static long comunaOf(EntityManager em, long table) {
        return em.find(MgcTable.class, table).getComunaId();
    }

    private static MgcMember member(EntityManager em, long table, MemberKind kind, String institution, String person,
                                    String username, String programAcronym, LocalDate joined) {
        Long userId = username == null ? null : em.createQuery("SELECT u.id FROM AppUser u WHERE u.username = :u", Long.class)
                .setParameter("u", username).getResultStream().findFirst().orElse(null);
        Long programId = programAcronym == null ? null : em.createQuery(
                        "SELECT p.id FROM Program p WHERE p.acronym = :a AND p.comuna.id = :c", Long.class)
                .setParameter("a", programAcronym).setParameter("c", comunaOf(em, table)).getResultStream().findFirst().orElse(null);
        String email = username != null ? username + "@demo.cl"
                : institution.toLowerCase().replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "") + "@demo.cl";
        MgcMember member = new MgcMember(table, kind, institution, person, email, userId, programId, joined, BY);
        em.persist(member);
        return member;
    }
}
