package cl.redlocal.portal.it;

import cl.redlocal.portal.mgc.session.boundary.MemberForm;
import cl.redlocal.portal.mgc.session.boundary.MgcTableService;
import cl.redlocal.portal.mgc.session.boundary.PlanForm;
import cl.redlocal.portal.mgc.session.boundary.SessionForm;
import cl.redlocal.portal.mgc.session.boundary.SessionService;
import cl.redlocal.portal.mgc.session.boundary.SessionView;
import cl.redlocal.portal.mgc.session.boundary.TableForm;
import cl.redlocal.portal.mgc.session.entity.Frequency;
import cl.redlocal.portal.mgc.session.entity.MemberKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Case Management Table, part A, in the container: plans generate dated sessions in Santiago time,
 * moving and cancelling need a reason, a past session cannot be convened, members leave without being
 * deleted, another comuna's table and session do not exist (audited), and only co-facilitators edit.
 */
@ExtendWith(ArquillianExtension.class)
class MgcSessionIT {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    @Inject
    MgcTableService tables;

    @Inject
    SessionService sessions;

    @BeforeEach
    void fixture() {
        MgcSessionFixture.ensure();
    }

    @Test
    void aMonthlyPlanGeneratesTheLastFridaysAtHalfPastNineSantiagoTime() {
        TestSession.signIn(MgcSessionFixture.COFACILITATOR);
        long table = newTable();
        PlanForm form = plan(table, "Primer semestre 2031", LocalDate.of(2031, 1, 1), LocalDate.of(2031, 6, 30),
                Frequency.MONTHLY, 5, -1);
        long plan = sessions.createPlan(form);

        List<Object> days = TestDatabase.values("SELECT to_char(starts_at AT TIME ZONE 'America/Santiago',"
                + " 'YYYY-MM-DD HH24:MI') FROM mgc_session WHERE plan_id = ? ORDER BY starts_at", plan);
        assertThat(days).containsExactly("2031-01-31 09:30", "2031-02-28 09:30", "2031-03-28 09:30",
                "2031-04-25 09:30", "2031-05-30 09:30", "2031-06-27 09:30");
        // January is summer time (UTC-3), June winter time (UTC-4): the wall-clock time stays, the instant moves
        assertThat(TestDatabase.values("SELECT to_char(starts_at AT TIME ZONE 'UTC', 'HH24:MI') FROM mgc_session"
                + " WHERE plan_id = ? ORDER BY starts_at", plan)).startsWith("12:30").endsWith("13:30");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_session WHERE plan_id = ? AND state = 'PLANNED'"
                + " AND ends_at - starts_at = interval '3 hours' AND place = 'Sala de la OPD'", plan)).isEqualTo(6);
        assertThat(sessions.plans(table)).singleElement().satisfies(p -> assertThat(p.sessions()).isEqualTo(6));
    }

    @Test
    void aFortnightlyPlanStartsOnTheFirstMatchingDay() {
        TestSession.signIn(MgcSessionFixture.COFACILITATOR);
        long table = newTable();
        // 2031-03-05 is a Wednesday; the first Monday on or after it is March 10
        long plan = sessions.createPlan(plan(table, "Marzo-abril 2031", LocalDate.of(2031, 3, 5),
                LocalDate.of(2031, 4, 21), Frequency.FORTNIGHTLY, 1, null));
        assertThat(TestDatabase.values("SELECT to_char(starts_at AT TIME ZONE 'America/Santiago', 'YYYY-MM-DD')"
                + " FROM mgc_session WHERE plan_id = ? ORDER BY starts_at", plan))
                .containsExactly("2031-03-10", "2031-03-24", "2031-04-07", "2031-04-21");
    }

    @Test
    void aPlanWithoutPlaceNorLinkIsRefusedAndCreatesNothing() {
        TestSession.signIn(MgcSessionFixture.COFACILITATOR);
        long table = newTable();
        PlanForm form = plan(table, "Sin lugar", LocalDate.of(2031, 1, 1), LocalDate.of(2031, 6, 30),
                Frequency.MONTHLY, 3, 2);
        form.setPlace(null);
        assertThatThrownBy(() -> sessions.createPlan(form)).isInstanceOf(jakarta.ejb.EJBException.class).cause()
                .isInstanceOfSatisfying(jakarta.validation.ConstraintViolationException.class, e -> assertThat(
                        e.getConstraintViolations()).singleElement()
                        .satisfies(v -> assertThat(v.getPropertyPath().toString()).endsWith(".placeOrLink")));
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_plan WHERE table_id = ?", table)).isZero();
    }

    @Test
    void movingAndCancellingNeedAReasonAndAnUnreasonedChangeChangesNothing() {
        TestSession.signIn(MgcSessionFixture.COFACILITATOR);
        long table = newTable();
        SessionForm add = sessionForm(table, LocalDate.of(2031, 8, 13), "09:30");
        long id = sessions.addSession(add);
        int version = sessions.session(id).orElseThrow().session().version();

        SessionForm move = sessionForm(table, LocalDate.of(2031, 8, 20), "15:00");
        move.setPlace("Auditorio municipal");
        assertThatThrownBy(() -> sessions.move(id, version, move)).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.session.move.reasonRequired");
        assertThat(sessions.session(id).orElseThrow().session().startsAt())
                .isEqualTo(ZonedDateTime.of(2031, 8, 13, 9, 30, 0, 0, SANTIAGO).toInstant());

        move.setReason("Coincide con el cierre del semestre escolar");
        sessions.move(id, version, move);
        SessionView moved = sessions.session(id).orElseThrow();
        assertThat(moved.session().startsAt()).isEqualTo(ZonedDateTime.of(2031, 8, 20, 15, 0, 0, 0, SANTIAGO).toInstant());
        assertThat(moved.session().place()).isEqualTo("Auditorio municipal");
        assertThat(moved.session().movedReason()).isEqualTo("Coincide con el cierre del semestre escolar");
        assertThat(moved.session().icalSequence()).as("not convened: nobody to update").isZero();
        assertThatThrownBy(() -> sessions.move(id, version, move)).as("a stale version")
                .isInstanceOf(ConcurrentEditException.class);

        int v2 = moved.session().version();
        assertThatThrownBy(() -> sessions.cancel(id, v2, "  ")).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.session.cancel.reasonRequired");
        assertThat(sessions.session(id).orElseThrow().session().state()).isEqualTo("PLANNED");
        sessions.cancel(id, v2, "Paro de funcionarios municipales");
        SessionView cancelled = sessions.session(id).orElseThrow();
        assertThat(cancelled.session().state()).isEqualTo("CANCELLED");
        assertThat(cancelled.session().cancelReason()).isEqualTo("Paro de funcionarios municipales");
        assertThatThrownBy(() -> sessions.cancel(id, cancelled.session().version(), "otra vez"))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.session.notOpen");
    }

    @Test
    void aSessionInThePastCannotBeConvenedAndNothingChanges() {
        TestSession.signIn(MgcSessionFixture.COFACILITATOR);
        long table = newTable();
        MgcSessionFixture.member(table, "PERMANENT", "OPD", "Ana Pasado", "ana.pasado@demo.cl", null,
                LocalDate.of(2020, 1, 1), null);
        long past = MgcSessionFixture.session(table, Instant.now().minusSeconds(86_400), 120, "Sala");
        int version = sessions.session(past).orElseThrow().session().version();
        assertThatThrownBy(() -> sessions.convene(past, version)).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.convene.past");
        assertThat(TestDatabase.value("SELECT state FROM mgc_session WHERE id = ?", past)).isEqualTo("PLANNED");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_participant WHERE session_id = ?", past)).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'ana.pasado@demo.cl'")).isZero();
        assertThatThrownBy(() -> sessions.addSession(sessionForm(table, LocalDate.now(SANTIAGO).minusDays(1), "09:30")))
                .isInstanceOf(BusinessException.class).hasMessage("mgc.session.past");
    }

    @Test
    void theConvocationCallsThePermanentMembersOfThatDayAndTheInvitedOnes() {
        TestSession.signIn(MgcSessionFixture.COFACILITATOR);
        long table = newTable();
        String tag = "conv" + System.nanoTime();
        long stays = MgcSessionFixture.member(table, "PERMANENT", "PPF", "Sigue", tag + ".sigue@demo.cl", null,
                LocalDate.of(2020, 1, 1), null);
        MgcSessionFixture.member(table, "PERMANENT", "PIE", "Se fue", tag + ".sefue@demo.cl", null,
                LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
        MgcSessionFixture.member(table, "PERMANENT", "MST", "Aún no", tag + ".aunno@demo.cl", null,
                LocalDate.of(2040, 1, 1), null);
        long police = MgcSessionFixture.member(table, "EVENTUAL", "Carabineros", "Sargento", tag + ".carabineros@demo.cl",
                null, LocalDate.of(2020, 1, 1), null);
        MgcSessionFixture.member(table, "EVENTUAL", "Fiscalía", "No invitada", tag + ".fiscalia@demo.cl", null,
                LocalDate.of(2020, 1, 1), null);
        long session = MgcSessionFixture.session(table, ZonedDateTime.of(2031, 9, 10, 9, 30, 0, 0, SANTIAGO).toInstant(),
                180, "Sala");
        sessions.invite(session, police);
        sessions.addGuest(session, guest("Dra. Invitada", "Hospital", tag + ".hospital@demo.cl"));
        assertThat(sessions.session(session).orElseThrow().invitable()).extracting(m -> m.institution())
                .containsExactly("Fiscalía");

        int mails = sessions.convene(session, sessions.session(session).orElseThrow().session().version());

        assertThat(mails).isEqualTo(3);
        SessionView view = sessions.session(session).orElseThrow();
        assertThat(view.session().state()).isEqualTo("CONVENED");
        assertThat(view.participants()).extracting(p -> p.email()).containsExactlyInAnyOrder(tag + ".sigue@demo.cl",
                tag + ".carabineros@demo.cl", tag + ".hospital@demo.cl");
        assertThat(view.participants()).allMatch(p -> p.rsvp().equals("PENDING"));
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient LIKE ? AND attachment_name"
                + " = 'sesion-mgc.ics' AND body_text LIKE '%La tabla se enviará más adelante%'", tag + "%")).isEqualTo(3);
        assertThat(view.participants().stream().filter(p -> Long.valueOf(stays).equals(p.memberId()))).hasSize(1);
        assertThatThrownBy(() -> sessions.convene(session, view.session().version())).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.convene.notPlanned");
        // a guest added after the convocation is mailed at once
        sessions.addGuest(session, guest("Tardío", "Escuela", tag + ".tardio@demo.cl"));
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE 'Convocatoria:%'",
                tag + ".tardio@demo.cl")).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", tag + ".fiscalia@demo.cl"))
                .as("an eventual member not invited gets nothing").isZero();
    }

    @Test
    void aMemberLeavesWithADateAndStaysOnRecord() {
        TestSession.signIn(MgcSessionFixture.COFACILITATOR);
        long table = newTable();
        MemberForm form = new MemberForm();
        form.setTableId(table);
        form.setKind(MemberKind.PERMANENT);
        form.setInstitution("SENDA Previene");
        form.setPersonName("Javier Prueba");
        form.setEmail("javier.prueba@demo.cl");
        form.setJoinedOn(LocalDate.of(2026, 3, 1));
        long member = tables.saveMember(form);
        int version = tables.members(table).get(0).version();
        assertThatThrownBy(() -> tables.leave(member, version, LocalDate.of(2026, 2, 1))).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.member.leftBeforeJoined");
        tables.leave(member, version, LocalDate.of(2026, 9, 30));
        assertThatThrownBy(() -> tables.leave(member, version, LocalDate.of(2026, 10, 30))).as("a stale version")
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(tables.members(table)).singleElement().satisfies(m -> {
            assertThat(m.leftOn()).isEqualTo(LocalDate.of(2026, 9, 30));
            assertThat(m.personName()).isEqualTo("Javier Prueba");
        });
        assertThat(tables.table(table).orElseThrow().activeMembers()).isZero();
    }

    @Test
    void anotherComunasTableAndSessionDoNotExistAndTheAttemptIsAudited() {
        TestSession.signIn(MgcSessionFixture.OTHER_COFACILITATOR);
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, MgcSessionFixture.unique("Mesa ajena"));
        long session = MgcSessionFixture.session(table, ZonedDateTime.of(2031, 10, 8, 9, 30, 0, 0, SANTIAGO).toInstant(),
                120, "Sala");
        assertThat(tables.tables()).noneMatch(t -> t.id() == table);
        assertThat(tables.table(table)).isEmpty();
        assertThat(sessions.session(session)).isEmpty();
        assertThat(sessions.calendar(Instant.parse("2031-10-01T00:00:00Z"), Instant.parse("2031-11-01T00:00:00Z")))
                .noneMatch(s -> s.id() == session);
        assertThatThrownBy(() -> sessions.cancel(session, 0, "No es mía")).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.session.notFound");
        assertThat(TestDatabase.value("SELECT state FROM mgc_session WHERE id = ?", session)).isEqualTo("PLANNED");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type = 'MGC_SESSION'"
                + " AND entity_id = ? AND outcome = 'DENIED'", MgcSessionFixture.OTHER_COFACILITATOR, String.valueOf(session)))
                .isGreaterThanOrEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type = 'MGC_TABLE'"
                + " AND entity_id = ? AND outcome = 'DENIED'", MgcSessionFixture.OTHER_COFACILITATOR, String.valueOf(table)))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theTerritorialManagerReadsTheSupportedComunaButEditsNothing() {
        TestSession.signIn(MgcSessionFixture.MANAGER);
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, MgcSessionFixture.unique("Mesa supervisada"));
        long session = MgcSessionFixture.session(table, ZonedDateTime.of(2031, 11, 12, 9, 30, 0, 0, SANTIAGO).toInstant(),
                120, "Sala");
        assertThat(tables.table(table)).hasValueSatisfying(t -> assertThat(t.editable()).isFalse());
        assertThat(sessions.session(session)).hasValueSatisfying(v -> assertThat(v.editable()).isFalse());
        assertThatThrownBy(() -> sessions.cancel(session, 0, "No corresponde")).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void aProfessionalAndTheCoordinatorReadButCannotEdit() {
        TestSession.signIn(MgcSessionFixture.PROFESSIONAL);
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, MgcSessionFixture.unique("Mesa de lectura"));
        long session = MgcSessionFixture.session(table, ZonedDateTime.of(2031, 12, 10, 9, 30, 0, 0, SANTIAGO).toInstant(),
                120, "Sala");
        assertThat(sessions.session(session)).hasValueSatisfying(v -> assertThat(v.editable()).isFalse());
        TableForm rename = new TableForm();
        rename.setId(table);
        rename.setName("Renombrada");
        assertThatThrownBy(() -> tables.saveTable(rename)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> sessions.convene(session, 0)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> sessions.createPlan(plan(table, "x", LocalDate.of(2031, 1, 1),
                LocalDate.of(2031, 6, 30), Frequency.MONTHLY, 3, 2))).isInstanceOf(EJBAccessException.class);
        assertThat(TestDatabase.value("SELECT name FROM mgc_table WHERE id = ?", table)).isNotEqualTo("Renombrada");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_plan WHERE table_id = ?", table)).isZero();
    }

    @Test
    void theDemoComunaHasItsTableWithAYearOfSessionsAndANextOne() {
        String table = "(SELECT t.id FROM mgc_table t JOIN comuna c ON c.id = t.comuna_id WHERE c.code = '99001'"
                + " AND t.name = 'Mesa de Gestión de Casos Comuna Demo')";
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_member WHERE table_id = " + table
                + " AND kind = 'PERMANENT' AND left_on IS NULL")).isBetween(9L, 12L);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_member WHERE table_id = " + table
                + " AND left_on IS NOT NULL")).as("one member left and stays on record").isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_member WHERE table_id = " + table
                + " AND kind = 'EVENTUAL'")).isEqualTo(5);
        assertThat(TestDatabase.values("SELECT label FROM mgc_plan WHERE table_id = " + table + " ORDER BY starts_on"))
                .containsExactly("Plan anual 2026", "Plan anual 2027");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_session WHERE table_id = " + table
                + " AND starts_at < DATE '2026-11-01' AND state NOT IN ('HELD', 'CANCELLED')")).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_session WHERE table_id = " + table
                + " AND state = 'HELD'")).isGreaterThanOrEqualTo(8);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_session WHERE table_id = " + table
                + " AND state = 'PLANNED' AND starts_at > DATE '2027-11-01'")).as("a next session for a year of demo runs")
                .isGreaterThanOrEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_session WHERE table_id = " + table
                + " AND state = 'CANCELLED' AND cancel_reason IS NOT NULL")).isGreaterThanOrEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_session WHERE table_id = " + table
                + " AND moved_reason IS NOT NULL")).isGreaterThanOrEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_session s WHERE s.table_id = " + table
                + " AND s.state = 'HELD' AND NOT EXISTS (SELECT 1 FROM mgc_participant p WHERE p.session_id = s.id)"))
                .as("every held session has its participants").isZero();
    }

    private long newTable() {
        TableForm form = new TableForm();
        form.setName(MgcSessionFixture.unique("Mesa de prueba"));
        form.setTerritory("Sector norte");
        return tables.saveTable(form);
    }

    private static PlanForm plan(long table, String label, LocalDate from, LocalDate to, Frequency frequency,
                                 int weekday, Integer weekOfMonth) {
        PlanForm form = new PlanForm();
        form.setTableId(table);
        form.setLabel(label);
        form.setStartsOn(from);
        form.setEndsOn(to);
        form.setFrequency(frequency);
        form.setWeekday(weekday);
        form.setWeekOfMonth(weekOfMonth);
        form.setStartTime("09:30");
        form.setDurationMinutes(180);
        form.setPlace("Sala de la OPD");
        return form;
    }

    private static SessionForm sessionForm(long table, LocalDate day, String time) {
        SessionForm form = new SessionForm();
        form.setTableId(table);
        form.setDay(day);
        form.setStartTime(time);
        form.setDurationMinutes(120);
        form.setPlace("Sala de la OPD");
        return form;
    }

    private static cl.redlocal.portal.mgc.session.boundary.GuestForm guest(String name, String institution, String email) {
        cl.redlocal.portal.mgc.session.boundary.GuestForm form = new cl.redlocal.portal.mgc.session.boundary.GuestForm();
        form.setName(name);
        form.setInstitution(institution);
        form.setEmail(email);
        return form;
    }
}
