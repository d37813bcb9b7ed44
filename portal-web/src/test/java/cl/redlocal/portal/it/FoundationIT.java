package cl.redlocal.portal.it;

import cl.redlocal.portal.audit.boundary.AuditSearch;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditFilter;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.boundary.CaseService;
import cl.redlocal.portal.home.HomeService;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.security.boundary.NewUser;
import cl.redlocal.portal.security.boundary.SignInResult;
import cl.redlocal.portal.security.boundary.SignInService;
import cl.redlocal.portal.security.boundary.UserAdministration;
import cl.redlocal.portal.security.boundary.UserChange;
import cl.redlocal.portal.security.boundary.UserDetails;
import cl.redlocal.portal.security.entity.Role;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The foundation inside the running portal (Payara Micro, real PostgreSQL): schema, sign-in, roles,
 * tenancy, need-to-know and the audit trail. Signs in through the real identity store.
 */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    SignInService signIn;

    @Inject
    UserAdministration users;

    @Inject
    CaseService cases;

    @Inject
    HomeService home;

    @Inject
    AuditSearch auditSearch;

    @Inject
    cl.redlocal.portal.security.boundary.AccountService account;

    @PersistenceUnit(unitName = "portal")
    EntityManagerFactory emf;

    // --- schema ----------------------------------------------------------------------------------

    @Test
    void migrationsBuildTheSchemaAndJpaGeneratesNothing() {
        assertThat(TestDatabase.count("SELECT count(*) FROM flyway_schema_history WHERE success AND version IN ('1', '2')"))
                .isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name IN ('comuna','program','app_user','audit_event','child','case_file','referral')"))
                .isEqualTo(7);
        assertThat(emf.getProperties().get("jakarta.persistence.schema-generation.database.action")).isEqualTo("none");
        // EclipseLink would have created its SEQUENCE table had it generated anything
        assertThat(TestDatabase.count("SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = 'sequence'"))
                .isZero();
    }

    @Test
    void sessionsEndAfterThirtyIdleMinutes() {
        assertThat(TestRequestFilter.REQUEST.get().getSession(true).getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    // --- passwords and sign-in -------------------------------------------------------------------

    @Test
    void storedPasswordHashesCarryTheConfiguredAlgorithmAndIterations() {
        assertThat((String) TestDatabase.value("SELECT password_hash FROM app_user WHERE username = 'admin'"))
                .startsWith("PBKDF2WithHmacSHA256:600000:");
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user WHERE password_hash NOT LIKE 'PBKDF2WithHmacSHA256:600000:%'"))
                .isZero();
    }

    @Test
    void rightPasswordIsAcceptedWithTheRoleAsGroup() {
        SignInResult result = signIn.signIn("Coordinador", TestSession.DEMO_PASSWORD.toCharArray());
        assertThat(result).isEqualTo(new SignInResult.Accepted("coordinador", Set.of("COORDINADOR"), false));
        assertThat(TestDatabase.value("SELECT last_login_at FROM app_user WHERE username = 'coordinador'")).isNotNull();
    }

    @Test
    void wrongPasswordIsRejectedAndAudited() {
        String name = newUser(Role.COORDINADOR);
        assertThat(signIn.signIn(name, "not-the-password".toCharArray())).isInstanceOf(SignInResult.Rejected.class);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'SIGN_IN_FAILED'"
                + " AND outcome = 'FAILURE' AND detail = 'contraseña incorrecta'", name)).isEqualTo(1);
    }

    @Test
    void disabledUserCannotSignInEvenWithTheRightPassword() {
        String name = newUser(Role.COORDINADOR);
        TestSession.signIn("admin");
        long id = idOf(name);
        users.disable(id, users.find(id).orElseThrow().version());
        assertThat(signIn.signIn(name, "Temporal-12345".toCharArray())).isInstanceOf(SignInResult.Rejected.class);

        users.enable(id, users.find(id).orElseThrow().version());
        assertThat(signIn.signIn(name, "Temporal-12345".toCharArray())).isInstanceOf(SignInResult.Accepted.class);
    }

    @Test
    void fiveFailuresLockTheNameEvenForTheRightPasswordAndForUnknownNames() {
        String name = newUser(Role.COORDINADOR);
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn.signIn(name, ("wrong-" + i).toCharArray())).isInstanceOf(SignInResult.Rejected.class);
        }
        assertThat(signIn.signIn(name, "wrong-5".toCharArray())).isInstanceOf(SignInResult.Locked.class);
        assertThat(signIn.signIn(name, "Temporal-12345".toCharArray())).isInstanceOf(SignInResult.Locked.class);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'SIGN_IN_LOCKED'",
                name)).isEqualTo(1);

        String ghost = "nobody-" + SEQUENCE.incrementAndGet();
        for (int i = 1; i < 5; i++) {
            signIn.signIn(ghost, "x".toCharArray());
        }
        assertThat(signIn.signIn(ghost, "x".toCharArray())).isInstanceOf(SignInResult.Locked.class);

        // an administrator's password reset lifts the lock
        TestSession.signIn("admin");
        long id = idOf(name);
        users.resetPassword(id, users.find(id).orElseThrow().version(), "Otra-clave-2026");
        assertThat(signIn.signIn(name, "Otra-clave-2026".toCharArray())).isInstanceOf(SignInResult.Accepted.class);
    }

    // --- roles -------------------------------------------------------------------------------------

    @Test
    void anonymousCallersReachNoService() {
        assertThatThrownBy(() -> home.summary()).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> cases.countOpenCases()).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void programProfessionalIsDeniedAdministration() {
        TestSession.signIn("profesional.ppf");
        assertThat(cases.countOpenCases()).isPositive();
        assertThatThrownBy(() -> users.count(null)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> auditSearch.count(AuditFilter.any())).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void coordinatorSeesCountsButNoCase() {
        TestSession.signIn("coordinador");
        assertThat(home.summary().openCases()).isPositive();
        assertThat(home.summary().staleOffer()).as("the demo has stale offer entries")
                .isEqualTo(TestDatabase.count("SELECT count(*) FROM program p JOIN comuna c ON c.id = p.comuna_id"
                        + " WHERE c.code = '99001' AND p.status <> 'CLOSED'"
                        + " AND (p.confirmed_at IS NULL OR p.confirmed_at < now() - interval '90 days')"))
                .isPositive();
        assertThatThrownBy(() -> cases.find(1L)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> cases.openCases(PageRequest.of(0, 10))).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> users.count(null)).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void territorialManagerSeesAggregatesOfTheirComunasOnly() {
        TestSession.signIn("gestor");
        assertThat(home.summary().comunas()).extracting(c -> c.name())
                .containsExactly("Comuna Demo", "Comuna Vecina");
        assertThatThrownBy(() -> cases.countOpenCases()).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> users.count(null)).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void administratorIsDeniedCaseData() {
        TestSession.signIn("admin");
        assertThat(users.count(null)).isPositive();
        assertThatThrownBy(() -> cases.countOpenCases()).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> cases.find(1L)).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void coFacilitatorIsDeniedAdministration() {
        TestSession.signIn("cofacilitador.opd");
        assertThat(cases.countOpenCases()).isEqualTo(
                TestDatabase.count("SELECT count(*) FROM case_file f JOIN comuna c ON c.id = f.comuna_id"
                        + " WHERE c.name = 'Comuna Demo' AND f.status = 'OPEN'"));
        assertThatThrownBy(() -> users.count(null)).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> auditSearch.count(AuditFilter.any())).isInstanceOf(EJBAccessException.class);
    }

    // --- tenancy and need-to-know ------------------------------------------------------------------

    @Test
    void aCaseOfAnotherComunaDoesNotExistForTheCallerAndTheAttemptIsAudited() {
        long demoCase = ((Number) TestDatabase.value("SELECT f.id FROM case_file f JOIN comuna c ON c.id = f.comuna_id"
                + " WHERE c.name = 'Comuna Demo' ORDER BY f.id LIMIT 1")).longValue();
        TestSession.signIn("cofacilitador.vecina");
        long before = deniedRows("cofacilitador.vecina", "CASE", demoCase);

        assertThat(cases.find(demoCase)).isEmpty();

        assertThat(deniedRows("cofacilitador.vecina", "CASE", demoCase)).isEqualTo(before + 1);
    }

    @Test
    void aProfessionalOpensOnlyCasesThatInvolveTheirProgram() {
        long foreign = ((Number) TestDatabase.value("""
                SELECT f.id FROM case_file f JOIN comuna c ON c.id = f.comuna_id WHERE c.name = 'Comuna Demo'
                AND NOT EXISTS (SELECT 1 FROM case_involvement i JOIN program p ON p.id = i.program_id
                                WHERE i.case_id = f.id AND p.acronym = 'PPF')
                AND NOT EXISTS (SELECT 1 FROM referral r JOIN program p ON p.id IN (r.to_program_id, r.from_program_id)
                                WHERE r.case_id = f.id AND p.acronym = 'PPF')
                ORDER BY f.id LIMIT 1""")).longValue();
        long own = ((Number) TestDatabase.value("""
                SELECT i.case_id FROM case_involvement i JOIN program p ON p.id = i.program_id
                WHERE p.acronym = 'PPF' ORDER BY i.case_id LIMIT 1""")).longValue();
        TestSession.signIn("profesional.ppf");

        assertThat(cases.find(own)).isPresent();
        assertThat(cases.find(foreign)).isEmpty();

        assertThat(deniedRows("profesional.ppf", "CASE", foreign)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = 'profesional.ppf'"
                + " AND action = 'READ' AND entity_type = 'CASE' AND entity_id = ?", String.valueOf(own))).isPositive();
    }

    @Test
    void anAdministratorCannotReadOrChangeAUserOfAnotherComuna() {
        long demoAdmin = idOf("admin");
        TestSession.signIn("admin.vecina");
        assertThat(users.find(demoAdmin)).isEmpty();
        assertThatThrownBy(() -> users.disable(demoAdmin, 0)).isInstanceOf(BusinessException.class);
        assertThat(deniedRows("admin.vecina", "USER", demoAdmin)).isEqualTo(2);
        assertThat(TestDatabase.value("SELECT enabled FROM app_user WHERE id = ?", demoAdmin)).isEqualTo(true);
    }

    // --- user administration -----------------------------------------------------------------------

    @Test
    void administratorCreatesAProfessionalWhoMustChangeThePasswordAtFirstSignIn() {
        TestSession.signIn("admin");
        long ppf = ((Number) TestDatabase.value("SELECT id FROM program WHERE acronym = 'PPF'")).longValue();
        String name = "nueva.profesional" + SEQUENCE.incrementAndGet();
        long id = users.create(new NewUser(name, "Nueva Profesional", name + "@demo.cl", Role.PROFESIONAL, ppf,
                Set.of(), "Temporal-12345"));

        UserDetails created = users.find(id).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.PROFESIONAL);
        assertThat(created.programId()).isEqualTo(ppf);
        assertThat(TestDatabase.value("SELECT must_change_password FROM app_user WHERE id = ?", id)).isEqualTo(true);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'USER_CREATE' AND entity_id = ?",
                String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aProfessionalWithoutProgramOrADuplicateNameIsRefusedAndNothingIsSaved() {
        TestSession.signIn("admin");
        long before = TestDatabase.count("SELECT count(*) FROM app_user");
        assertThatThrownBy(() -> users.create(new NewUser("sin.programa", "Sin Programa", "x@demo.cl", Role.PROFESIONAL,
                null, Set.of(), "Temporal-12345")))
                .isInstanceOf(BusinessException.class).hasMessage("user.program.required");
        assertThatThrownBy(() -> users.create(new NewUser("coordinador", "Otro", "y@demo.cl", Role.COORDINADOR,
                null, Set.of(), "Temporal-12345")))
                .isInstanceOf(BusinessException.class).hasMessage("user.username.taken");
        assertThatThrownBy(() -> users.create(new NewUser("corta", "Clave Corta", "no-es-correo", Role.COORDINADOR,
                null, Set.of(), "corta")))
                .isInstanceOf(EJBException.class).hasCauseInstanceOf(ConstraintViolationException.class);
        assertThat(TestDatabase.count("SELECT count(*) FROM app_user")).isEqualTo(before);
    }

    @Test
    void twoAdministratorsEditingTheSameUserDoNotOverwriteEachOther() {
        String name = newUser(Role.COORDINADOR);
        TestSession.signIn("admin");
        long id = idOf(name);
        UserDetails loaded = users.find(id).orElseThrow();

        users.update(new UserChange(id, loaded.version(), "Primer Cambio", loaded.email(), Role.COORDINADOR, null, Set.of()));
        assertThatThrownBy(() -> users.update(new UserChange(id, loaded.version(), "Segundo Cambio", loaded.email(),
                Role.COORDINADOR, null, Set.of()))).isInstanceOf(ConcurrentEditException.class);

        assertThat(TestDatabase.value("SELECT full_name FROM app_user WHERE id = ?", id)).isEqualTo("Primer Cambio");
    }

    @Test
    void anAdministratorCannotDisableThemself() {
        TestSession.signIn("admin");
        long id = idOf("admin");
        assertThatThrownBy(() -> users.disable(id, users.find(id).orElseThrow().version()))
                .isInstanceOf(BusinessException.class).hasMessage("user.self.disable");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndTheAttemptAudited() {
        TestSession.signIn("cofacilitador.edt");
        assertThatThrownBy(() -> account.changePassword("no-es-la-actual", "Nueva-clave-2026"))
                .isInstanceOf(BusinessException.class).hasMessage("account.password.wrongCurrent");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = 'cofacilitador.edt'"
                + " AND action = 'PASSWORD_CHANGE' AND outcome = 'FAILURE'")).isEqualTo(1);
        assertThat(signIn.signIn("cofacilitador.edt", TestSession.DEMO_PASSWORD.toCharArray()))
                .as("the password did not change").isInstanceOf(SignInResult.Accepted.class);
    }

    @Test
    void caseAndFamilyCodesAreEachComunasOwnNumbering() throws SQLException {
        String code = (String) TestDatabase.value("SELECT f.code FROM case_file f JOIN comuna c ON c.id = f.comuna_id"
                + " WHERE c.code = '99001' ORDER BY f.id LIMIT 1");
        assertThat(TestDatabase.update("INSERT INTO case_file (comuna_id, code, child_id, opened_on)"
                + " SELECT c.id, ?, ch.id, current_date FROM comuna c JOIN child ch ON ch.comuna_id = c.id"
                + " WHERE c.code = '99002' LIMIT 1", code)).isEqualTo(1);
        assertThatThrownBy(() -> TestDatabase.update("INSERT INTO case_file (comuna_id, code, child_id, opened_on)"
                + " SELECT c.id, ?, ch.id, current_date FROM comuna c JOIN child ch ON ch.comuna_id = c.id"
                + " WHERE c.code = '99001' LIMIT 1", code)).isInstanceOf(SQLException.class);
    }

    // --- the audit trail ---------------------------------------------------------------------------

    @Test
    void theApplicationRoleMayAddToTheAuditTrailButNotRewriteIt() throws SQLException {
        TestSession.signIn("cofacilitador.opd");
        cases.countOpenCases(); // the portal, running as the application role, appends
        long rows = TestDatabase.count("SELECT count(*) FROM audit_event");
        assertThat(rows).isPositive();
        try (Connection c = TestDatabase.connectAsApplication(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO audit_event (action, outcome) VALUES ('READ', 'SUCCESS')")).isEqualTo(1);
            for (String rewrite : List.of("UPDATE audit_event SET outcome = 'SUCCESS'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event")) {
                assertThatThrownBy(() -> s.executeUpdate(rewrite)).as(rewrite)
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
        // even the schema owner cannot, short of dropping the trigger
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            for (String rewrite : List.of("UPDATE audit_event SET outcome = 'SUCCESS'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event")) {
                assertThatThrownBy(() -> s.executeUpdate(rewrite)).as(rewrite)
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event")).isGreaterThan(rows);
    }

    @Test
    void administratorSearchesTheTrailOfTheirComunaOnly() throws SQLException {
        TestDatabase.update("INSERT INTO audit_event (username, role, comuna_id, action, entity_type, outcome)"
                + " SELECT 'cofacilitador.vecina', 'COFACILITADOR', id, 'LIST', 'CASE', 'SUCCESS' FROM comuna"
                + " WHERE name = 'Comuna Vecina'");
        TestSession.signIn("admin");
        AuditFilter byVecina = new AuditFilter(null, null, "cofacilitador.vecina", null, null, null, null);
        assertThat(auditSearch.count(byVecina)).isZero();

        AuditFilter signIns = new AuditFilter(null, null, "coordinador", AuditAction.SIGN_IN, null, null, AuditOutcome.SUCCESS);
        assertThat(auditSearch.count(signIns)).isPositive();
        assertThat(auditSearch.list(signIns, new PageRequest(0, 5, "occurredAt", false)))
                .allSatisfy(e -> assertThat(e.username()).isEqualTo("coordinador"))
                .hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void theCsvExportHasOneLinePerMatchingEventAndIsItselfAudited() {
        TestSession.signIn("admin");
        AuditFilter filter = new AuditFilter(null, null, null, AuditAction.SIGN_IN, null, null, null);
        long expected = auditSearch.count(filter);
        java.io.StringWriter out = new java.io.StringWriter();
        long written = auditSearch.exportCsv(filter, out);

        assertThat(written).isEqualTo(expected);
        assertThat(out.toString().lines().count()).isEqualTo(expected + 1);
        assertThat(out.toString()).startsWith("id,fecha_hora,usuario");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND entity_type = 'AUDIT'"
                + " AND username = 'admin'")).isPositive();
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** A fresh user (through the administration service), so throttling and edits touch nobody else. */
    private String newUser(Role role) {
        String name = "prueba" + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100000;
        TestSession.signIn("admin");
        users.create(new NewUser(name, "Usuario de Prueba", name + "@demo.cl", role, null, Set.of(), "Temporal-12345"));
        return name;
    }

    private static long idOf(String username) {
        return ((Number) TestDatabase.value("SELECT id FROM app_user WHERE username = ?", username)).longValue();
    }

    private static long deniedRows(String username, String entityType, long id) {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = ? AND entity_id = ?", username, entityType, String.valueOf(id));
    }
}
