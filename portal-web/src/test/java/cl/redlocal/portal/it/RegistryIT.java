package cl.redlocal.portal.it;

import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.cases.boundary.AccessForm;
import cl.redlocal.portal.cases.boundary.CaseRegistry;
import cl.redlocal.portal.cases.boundary.CaseService;
import cl.redlocal.portal.cases.boundary.ChildForm;
import cl.redlocal.portal.cases.boundary.ChildRecord;
import cl.redlocal.portal.cases.boundary.DecisionForm;
import cl.redlocal.portal.cases.boundary.DuplicateCandidate;
import cl.redlocal.portal.cases.boundary.DuplicateCandidate.MatchReason;
import cl.redlocal.portal.cases.boundary.DuplicateQuery;
import cl.redlocal.portal.cases.boundary.FamilyForm;
import cl.redlocal.portal.cases.boundary.FittingProgram;
import cl.redlocal.portal.cases.boundary.IntakeCommand;
import cl.redlocal.portal.cases.boundary.IntakeResult;
import cl.redlocal.portal.cases.boundary.RegistryService;
import cl.redlocal.portal.cases.boundary.RiskSignalForm;
import cl.redlocal.portal.cases.entity.AccessMode;
import cl.redlocal.portal.cases.entity.AccessSource;
import cl.redlocal.portal.cases.entity.Admissibility;
import cl.redlocal.portal.cases.entity.RiskKind;
import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.cases.entity.Sex;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.assertj.core.api.ThrowableAssert;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The child registry, access and admissibility inside the running portal: identifiers and dates, duplicate
 * detection, corrections, intake into an open case, risk signals, admissibility and its offer of fitting
 * programs, and need-to-know. Fixture: {@link RegistryFixture} (own comuna and programs).
 */
@ExtendWith(ArquillianExtension.class)
class RegistryIT {

    private static final ZoneId ZONE = ZoneId.of("America/Santiago");

    @Inject
    RegistryService registry;

    @Inject
    CaseService cases;

    @BeforeEach
    void fixture() {
        RegistryFixture.ensure();
    }

    // ---------------------------------------------------------------------------------------------
    // Identifiers and dates

    @Test
    void aWrongCheckDigitIsRefusedWithTheSpanishMessageAndNothingIsSaved_K_isAccepted() {
        TestSession.signIn(RegistryFixture.PRO_A);
        String names = RegistryFixture.word();
        String run = RegistryFixture.newRun();
        assertViolation(() -> registry.intake(newChild(child(RegistryFixture.wrongCheckDigit(run), names, "Pérez", null,
                RegistryFixture.bornYearsAgo(9)))), "runValid", "{child.run.checkDigit}");
        assertThat(ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag("es-CL"))
                .getString("child.run.checkDigit")).isEqualTo("El RUN no es válido: revise el dígito verificador.");
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE given_names = ?", names)).isZero();

        String withK = runEndingInK();
        IntakeResult ok = registry.intake(newChild(child(withK.toLowerCase(Locale.ROOT), names, "Pérez", null,
                RegistryFixture.bornYearsAgo(9))));
        assertThat(TestDatabase.value("SELECT run FROM child WHERE id = ?", ok.childId())).isEqualTo(withK);
        assertThat(withK).endsWith("-K");
    }

    @Test
    void aChildWithoutRunNeedsAReasonAndKeepsAnotherIdentifier() {
        TestSession.signIn(RegistryFixture.PRO_A);
        String names = RegistryFixture.word();
        ChildForm noReason = new ChildForm(true, null, " ", "P1234567", names, "Rodríguez", null, null,
                RegistryFixture.bornYearsAgo(7), Sex.F, null, "Venezolana", null, null, null);
        assertViolation(() -> registry.intake(newChild(noReason)), "noRunExplained", "{child.noRunReason.required}");
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE given_names = ?", names)).isZero();

        ChildForm migrant = new ChildForm(true, null, "NNA migrante, sin RUN asignado", "P1234567", names, "Rodríguez",
                null, null, RegistryFixture.bornYearsAgo(7), Sex.F, "Femenino", "Venezolana", "Calle 1", "Centro", null);
        IntakeResult result = registry.intake(newChild(migrant));
        ChildRecord record = registry.child(result.childId()).orElseThrow();
        assertThat(record.run()).isNull();
        assertThat(record.noRunReason()).isEqualTo("NNA migrante, sin RUN asignado");
        assertThat(record.otherIdentifier()).isEqualTo("P1234567");
        assertThat(record.gender()).isEqualTo("Femenino");
    }

    @Test
    void aBirthDateInTheFutureAndAChildOf18AtAccessAreRefused() {
        TestSession.signIn(RegistryFixture.PRO_A);
        String names = RegistryFixture.word();
        LocalDate today = LocalDate.now(ZONE);
        assertViolation(() -> registry.intake(newChild(child(RegistryFixture.newRun(), names, "Soto", null,
                today.plusDays(3)))), "birthDate", "{child.birthDate.future}");

        ChildForm eighteen = child(RegistryFixture.newRun(), names, "Soto", null, today.minusYears(18));
        assertThatThrownBy(() -> registry.intake(newChild(eighteen))).isInstanceOf(BusinessException.class)
                .hasMessage("access.child.adult");
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE given_names = ?", names)).isZero();
        // the age that counts is the one on the access date: 18 today, 17 on a past access date
        ChildForm seventeenThen = child(RegistryFixture.newRun(), names, "Soto", null, today.minusYears(18).minusDays(10));
        IntakeResult then = registry.intake(new IntakeCommand(null, seventeenThen, FamilyForm.newFamily(),
                access(today.minusDays(20), List.of()), false));
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE given_names = ?", names)).isEqualTo(1);
        assertThat(then.childId()).isPositive();

        assertViolation(() -> registry.intake(new IntakeCommand(null, child(RegistryFixture.newRun(), names, "Soto", null,
                        RegistryFixture.bornYearsAgo(5)), FamilyForm.newFamily(), access(today.plusDays(1), List.of()), false)),
                "requestedOn", "{access.requestedOn.future}");
        assertViolation(() -> registry.intake(new IntakeCommand(null, child(RegistryFixture.newRun(), names, "Soto", null,
                        RegistryFixture.bornYearsAgo(5)), FamilyForm.newFamily(), new AccessForm(AccessMode.SPONTANEOUS,
                        AccessSource.FAMILY, null, today, " ", null, false, List.of()), false)),
                "reason", "{access.reason.required}");
    }

    // ---------------------------------------------------------------------------------------------
    // Duplicates

    @Test
    void duplicatesAreFoundByRunByAccentsAndCaseAndByATypoButNotWithAnotherBirthDate() {
        TestSession.signIn(RegistryFixture.PRO_A);
        String given = "Sofía " + RegistryFixture.word();
        String maternal = RegistryFixture.word();
        LocalDate born = RegistryFixture.bornYearsAgo(10);
        String run = RegistryFixture.newRun();
        IntakeResult first = registry.intake(newChild(child(run, given, "Muñoz", maternal, born)));

        assertThat(registry.duplicates(new DuplicateQuery(Run.format(run), null, null, null, null)))
                .singleElement().satisfies(c -> {
                    assertThat(c.reason()).isEqualTo(MatchReason.RUN);
                    assertThat(c.caseId()).isEqualTo(first.caseId());
                    assertThat(c.caseCode()).isEqualTo(first.caseCode());
                    assertThat(c.visible()).as("the caller's program holds the request").isTrue();
                });
        String plain = "  " + given.replace("í", "i").toUpperCase(Locale.ROOT) + " ";
        assertThat(registry.duplicates(new DuplicateQuery(null, plain, "munoz", maternal.toLowerCase(Locale.ROOT), born)))
                .extracting(DuplicateCandidate::childId, DuplicateCandidate::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.childId(), MatchReason.SAME_NAMES));
        String typo = given.replace("Sofía", "Sofya");
        assertThat(registry.duplicates(new DuplicateQuery(null, typo, "Munos", maternal, born)))
                .extracting(DuplicateCandidate::childId, DuplicateCandidate::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.childId(), MatchReason.SIMILAR_NAMES));
        assertThat(registry.duplicates(new DuplicateQuery(null, given, "Muñoz", maternal, born.minusDays(1))))
                .as("another birth date is another child").isEmpty();

        // creating it again is refused: the same RUN always, the same names until the person says it is another child
        assertThatThrownBy(() -> registry.intake(newChild(child(run, "Otra " + RegistryFixture.word(), "Muñoz", null,
                born)))).isInstanceOf(BusinessException.class).hasMessage("child.run.exists");
        ChildForm sameNames = child(RegistryFixture.newRun(), given, "Munoz", maternal, born);
        assertThatThrownBy(() -> registry.intake(newChild(sameNames))).isInstanceOf(BusinessException.class)
                .hasMessage("child.duplicates.unresolved");
        IntakeResult twin = registry.intake(new IntakeCommand(null, sameNames, FamilyForm.newFamily(),
                access(LocalDate.now(ZONE), List.of()), true));
        assertThat(twin.childId()).isNotEqualTo(first.childId());
    }

    @Test
    void aCandidateOfAnotherProgramShowsOnlyCodeInitialsYearAndReasonAndPickingItReusesItsOpenCase() {
        long[] held = RegistryFixture.caseHeldBy(RegistryFixture.COMUNA_CODE, "RGC");
        long caseId = held[0];
        long childId = held[1];
        String run = (String) TestDatabase.value("SELECT run FROM child WHERE id = ?", childId);
        TestSession.signIn(RegistryFixture.PRO_A);
        assertThat(registry.registry(caseId)).as("RGA never touched it").isEmpty();

        DuplicateCandidate candidate = registry.duplicates(new DuplicateQuery(run, null, null, null, null)).get(0);
        assertThat(candidate.visible()).isFalse();
        assertThat(candidate.caseId()).isEqualTo(caseId);
        assertThat(candidate.initials()).endsWith("R.");
        assertThat(candidate.birthYear()).isEqualTo(2015);

        IntakeResult result = registry.intake(new IntakeCommand(childId, null, null,
                access(LocalDate.now(ZONE), List.of()), false));
        assertThat(result.caseId()).as("the child's open case is reused").isEqualTo(caseId);
        assertThat(result.newCase()).isFalse();
        assertThat(result.newChild()).isFalse();
        CaseRegistry view = registry.registry(caseId).orElseThrow();
        assertThat(view.requests()).singleElement().satisfies(a -> {
            assertThat(a.programAcronym()).isEqualTo("RGA");
            assertThat(a.decision()).isEqualTo(Admissibility.PENDING);
            assertThat(a.decidable()).isTrue();
        });
        assertThat(cases.find(caseId)).as("the access request involves the program").isPresent();
        assertThatThrownBy(() -> registry.intake(new IntakeCommand(childId, null, null,
                access(LocalDate.now(ZONE), List.of()), false))).isInstanceOf(BusinessException.class)
                .hasMessage("access.pendingExists");
    }

    @Test
    void aNewCaseGetsTheComunasNextCodeAndSiblingsShareTheFamily() {
        TestSession.signIn(RegistryFixture.PRO_A);
        IntakeResult first = registry.intake(newChild(child(RegistryFixture.newRun(), RegistryFixture.word(), "Vera",
                "Lagos", RegistryFixture.bornYearsAgo(6))));
        assertThat(first.newCase()).isTrue();
        assertThat(first.caseCode()).matches("C-" + LocalDate.now(ZONE).getYear() + "-\\d{4}");
        ChildRecord older = registry.child(first.childId()).orElseThrow();
        String familyCode = older.family().code();

        IntakeResult second = registry.intake(new IntakeCommand(null, child(RegistryFixture.newRun(), RegistryFixture.word(),
                "Vera", "Lagos", RegistryFixture.bornYearsAgo(3)), new FamilyForm(familyCode.toLowerCase(Locale.ROOT), null,
                List.of(new cl.redlocal.portal.cases.boundary.AdultForm("Marta Lagos", "Madre", null, "+56911112222",
                        "marta@example.cl", true))), access(LocalDate.now(ZONE), List.of()), false));
        assertThat(Integer.parseInt(second.caseCode().substring(7)))
                .isEqualTo(Integer.parseInt(first.caseCode().substring(7)) + 1);
        ChildRecord younger = registry.child(second.childId()).orElseThrow();
        assertThat(younger.family().code()).isEqualTo(familyCode);
        assertThat(younger.siblings()).singleElement().satisfies(s -> {
            assertThat(s.caseCode()).isEqualTo(first.caseCode());
            assertThat(s.initials()).isEqualTo(older.initials());
        });
        assertThat(younger.adults()).extracting(ChildRecord.Adult::fullName).containsExactly("Marta Lagos");
        assertThatThrownBy(() -> registry.intake(new IntakeCommand(null, child(RegistryFixture.newRun(),
                RegistryFixture.word(), "Vera", null, RegistryFixture.bornYearsAgo(4)),
                new FamilyForm("F-1900-0001", null, List.of()), access(LocalDate.now(ZONE), List.of()), false)))
                .isInstanceOf(BusinessException.class).hasMessage("child.family.notFound");
    }

    // ---------------------------------------------------------------------------------------------
    // Corrections, adults

    @Test
    void correctionsNeedAReasonAreKeptAsHistoryAndAStaleCopyIsRefused() {
        TestSession.signIn(RegistryFixture.PRO_A);
        String names = RegistryFixture.word();
        IntakeResult result = registry.intake(newChild(child(RegistryFixture.newRun(), names, "Díaz", null,
                RegistryFixture.bornYearsAgo(11))));
        ChildRecord before = registry.child(result.childId()).orElseThrow();
        ChildForm corrected = new ChildForm(false, before.run(), null, null, "Valentina " + names, "Díaz", "Mora",
                null, before.birthDate(), Sex.F, null, "Chilena", null, null, "Escuela República");
        assertViolation(() -> registry.correct(result.childId(), before.version(), corrected, " "), null,
                "{child.correction.reasonRequired}");

        int changed = registry.correct(result.childId(), before.version(), corrected, "Error de digitación");
        assertThat(changed).isEqualTo(3);
        ChildRecord after = registry.child(result.childId()).orElseThrow();
        assertThat(after.givenNames()).isEqualTo("Valentina " + names);
        assertThat(after.school()).isEqualTo("Escuela República");
        assertThat(after.corrections()).extracting(ChildRecord.Correction::field)
                .containsExactlyInAnyOrder("GIVEN_NAMES", "MATERNAL_SURNAME", "SCHOOL");
        assertThat(after.corrections()).allSatisfy(k -> {
            assertThat(k.reason()).isEqualTo("Error de digitación");
            assertThat(k.changedBy()).isEqualTo(RegistryFixture.PRO_A);
        });
        assertThat(after.corrections()).filteredOn(k -> k.field().equals("GIVEN_NAMES")).singleElement()
                .satisfies(k -> {
                    assertThat(k.before()).isEqualTo(names);
                    assertThat(k.after()).isEqualTo("Valentina " + names);
                });
        assertThat(TestDatabase.value("SELECT name_key FROM child WHERE id = ?", result.childId()))
                .isEqualTo(("valentina " + names + " diaz mora").toLowerCase(Locale.ROOT));

        assertThatThrownBy(() -> registry.correct(result.childId(), before.version(), corrected, "Otra vez"))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(registry.child(result.childId()).orElseThrow().corrections()).hasSize(3);

        long adult = registry.addAdult(result.childId(), new cl.redlocal.portal.cases.boundary.AdultForm("Pedro Díaz",
                "Padre", "12.345.678-5", null, null, false));
        ChildRecord.Adult saved = registry.child(result.childId()).orElseThrow().adults().get(0);
        assertThat(saved.id()).isEqualTo(adult);
        assertThat(saved.run()).isEqualTo("12.345.678-5");
        assertViolation(() -> registry.addAdult(result.childId(), new cl.redlocal.portal.cases.boundary.AdultForm(
                "Ana", "Tía", "12.345.678-9", null, null, true)), "runValid", "{child.run.checkDigit}");
        registry.updateAdult(result.childId(), adult, saved.version(), new cl.redlocal.portal.cases.boundary.AdultForm(
                "Pedro Díaz Soto", "Padre", null, "+56922223333", null, true));
        assertThat(registry.child(result.childId()).orElseThrow().adults()).singleElement().satisfies(a -> {
            assertThat(a.fullName()).isEqualTo("Pedro Díaz Soto");
            assertThat(a.run()).isNull();
            assertThat(a.livesWith()).isTrue();
        });
        assertThatThrownBy(() -> registry.updateAdult(result.childId(), adult, saved.version(),
                new cl.redlocal.portal.cases.boundary.AdultForm("Otro", "Padre", null, null, null, true)))
                .isInstanceOf(ConcurrentEditException.class);
    }

    // ---------------------------------------------------------------------------------------------
    // Risk signals and admissibility

    @Test
    void riskSignalsBecomeOpenAlertsOfTheCase() {
        TestSession.signIn(RegistryFixture.PRO_A);
        IntakeResult result = registry.intake(new IntakeCommand(null, child(RegistryFixture.newRun(),
                RegistryFixture.word(), "Reyes", null, RegistryFixture.bornYearsAgo(12)), FamilyForm.newFamily(),
                access(LocalDate.now(ZONE), List.of(new RiskSignalForm(RiskKind.SCHOOL_DROPOUT, AlertSeverity.MEDIUM,
                        "No asiste desde marzo"), new RiskSignalForm(RiskKind.SUBSTANCE_USE, AlertSeverity.HIGH, null))),
                false));
        assertThat(TestDatabase.count("SELECT count(*) FROM vulnerability_alert WHERE case_id = ? AND source = 'ACCESS'"
                + " AND state = 'OPEN' AND raised_by = ?", result.caseId(), RegistryFixture.PRO_A)).isEqualTo(2);
        assertThat(TestDatabase.value("SELECT severity FROM vulnerability_alert WHERE case_id = ? AND kind = 'SUBSTANCE_USE'",
                result.caseId())).isEqualTo("HIGH");
        assertThat(registry.registry(result.caseId()).orElseThrow().signals()).extracting(CaseRegistry.Signal::kind)
                .containsExactlyInAnyOrder("SCHOOL_DROPOUT", "SUBSTANCE_USE");
    }

    @Test
    void anAdmissibleRequestWithAVacancyTakesASlotAndInvolvesTheProgramAndIsDecidedOnce() {
        long rga = RegistryFixture.programId("RGA");
        TestSession.signIn(RegistryFixture.PRO_A);
        IntakeResult result = registry.intake(newChild(child(RegistryFixture.newRun(), RegistryFixture.word(), "Campos",
                null, RegistryFixture.bornYearsAgo(8))));
        long occupied = occupied(rga);
        CaseRegistry.Access pending = registry.registry(result.caseId()).orElseThrow().requests().get(0);

        Admissibility outcome = registry.decide(pending.id(), pending.version(), new DecisionForm(Admissibility.ADMISSIBLE,
                "Cumple el perfil del programa", LocalDate.now(ZONE))).decision();
        assertThat(outcome).isEqualTo(Admissibility.ADMISSIBLE);
        assertThat(occupied(rga)).isEqualTo(occupied + 1);
        assertThat(TestDatabase.count("SELECT count(*) FROM case_involvement WHERE case_id = ? AND program_id = ?"
                + " AND ended_on IS NULL", result.caseId(), rga)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM waiting_entry WHERE case_id = ?", result.caseId())).isZero();
        CaseRegistry.Access decided = registry.registry(result.caseId()).orElseThrow().requests().get(0);
        assertThat(decided.decision()).isEqualTo(Admissibility.ADMISSIBLE);
        assertThat(decided.decidedBy()).isEqualTo(RegistryFixture.PRO_A);
        assertThat(decided.decidable()).isFalse();

        assertThatThrownBy(() -> registry.decide(decided.id(), decided.version(), new DecisionForm(
                Admissibility.NOT_ADMISSIBLE, "Cambio de opinión", LocalDate.now(ZONE))))
                .isInstanceOf(BusinessException.class).hasMessage("access.alreadyDecided");
        assertThat(occupied(rga)).isEqualTo(occupied + 1);
    }

    @Test
    void anAdmissibleRequestWithoutAVacancyJoinsTheWaitingListUrgentWithAHighSignal() {
        long rgb = RegistryFixture.programId("RGB");
        TestSession.signIn(RegistryFixture.PRO_B);
        IntakeResult result = registry.intake(new IntakeCommand(null, child(RegistryFixture.newRun(),
                RegistryFixture.word(), "Fuentes", null, RegistryFixture.bornYearsAgo(4)), FamilyForm.newFamily(),
                access(LocalDate.now(ZONE), List.of(new RiskSignalForm(RiskKind.NEGLECT, AlertSeverity.HIGH, null))),
                false));
        CaseRegistry.Access pending = registry.registry(result.caseId()).orElseThrow().requests().get(0);
        long occupied = occupied(rgb);
        registry.decide(pending.id(), pending.version(), new DecisionForm(Admissibility.ADMISSIBLE, "Pertinente",
                LocalDate.now(ZONE)));
        assertThat(occupied(rgb)).isEqualTo(occupied);
        assertThat(TestDatabase.value("SELECT urgency FROM waiting_entry WHERE case_id = ? AND program_id = ?"
                + " AND exited_at IS NULL AND access_request_id = ?", result.caseId(), rgb, pending.id())).isEqualTo("HIGH");
        assertThat(TestDatabase.count("SELECT count(*) FROM case_involvement WHERE case_id = ?", result.caseId())).isZero();
    }

    @Test
    void aNotAdmissibleDecisionNeedsReasonsAndOffersTheProgramsWhoseEligibilityFits() {
        TestSession.signIn(RegistryFixture.PRO_A);
        ChildForm norte = new ChildForm(false, RegistryFixture.newRun(), null, null, RegistryFixture.word(), "Castro",
                null, null, RegistryFixture.bornYearsAgo(8), Sex.M, null, "Chilena", "Los Olmos 5", "Norte", null);
        IntakeResult result = registry.intake(newChild(norte));
        CaseRegistry.Access pending = registry.registry(result.caseId()).orElseThrow().requests().get(0);
        assertViolation(() -> registry.decide(pending.id(), pending.version(), new DecisionForm(
                Admissibility.NOT_ADMISSIBLE, "  ", LocalDate.now(ZONE))), "reason", "{access.decision.reasonRequired}");
        assertThat(TestDatabase.value("SELECT decision FROM access_request WHERE id = ?", pending.id())).isEqualTo("PENDING");

        registry.decide(pending.id(), pending.version(), new DecisionForm(Admissibility.NOT_ADMISSIBLE,
                "Requiere intervención especializada", LocalDate.now(ZONE)));
        List<String> fitting = registry.fittingPrograms(pending.id()).stream().map(FittingProgram::acronym).toList();
        assertThat(fitting).contains("RGB", "RGC").doesNotContain("RGA", "RGD", "RGE", "RGF");
        assertThat(registry.fittingPrograms(pending.id())).filteredOn(p -> p.acronym().equals("RGB")).singleElement()
                .satisfies(p -> assertThat(p.vacancies()).isZero());
        CaseRegistry.Access decided = registry.registry(result.caseId()).orElseThrow().requests().get(0);
        assertThat(decided.isOffering()).isTrue();
        assertThat(decided.offers()).extracting(FittingProgram::acronym).containsAll(fitting);

        // an adolescent of another sector does not fit RGC (ages 6-13, Sector Norte)
        ChildForm sur = new ChildForm(false, RegistryFixture.newRun(), null, null, RegistryFixture.word(), "Castro",
                null, null, RegistryFixture.bornYearsAgo(9), Sex.M, null, "Chilena", null, "Sur", null);
        IntakeResult other = registry.intake(newChild(sur));
        CaseRegistry.Access second = registry.registry(other.caseId()).orElseThrow().requests().get(0);
        registry.decide(second.id(), second.version(), new DecisionForm(Admissibility.REFER_ELSEWHERE,
                "Corresponde a otro territorio", LocalDate.now(ZONE)));
        assertThat(registry.fittingPrograms(second.id())).extracting(FittingProgram::acronym).contains("RGB")
                .doesNotContain("RGC");
    }

    @Test
    void aDecisionOnAStaleVersionIsRefusedAndChangesNothing() throws SQLException {
        TestSession.signIn(RegistryFixture.PRO_A);
        IntakeResult result = registry.intake(newChild(child(RegistryFixture.newRun(), RegistryFixture.word(), "Olivares",
                null, RegistryFixture.bornYearsAgo(13))));
        CaseRegistry.Access pending = registry.registry(result.caseId()).orElseThrow().requests().get(0);
        TestDatabase.update("UPDATE access_request SET version = version + 1 WHERE id = ?", pending.id());
        assertThatThrownBy(() -> registry.decide(pending.id(), pending.version(), new DecisionForm(
                Admissibility.ADMISSIBLE, "Pertinente", LocalDate.now(ZONE)))).isInstanceOf(ConcurrentEditException.class);
        assertThat(TestDatabase.value("SELECT decision FROM access_request WHERE id = ?", pending.id())).isEqualTo("PENDING");
        assertThat(TestDatabase.count("SELECT count(*) FROM case_involvement WHERE case_id = ?", result.caseId())).isZero();
    }

    @Test
    void onlyTheReceivingProgramDecides() {
        long[] held = RegistryFixture.caseHeldBy(RegistryFixture.COMUNA_CODE, "RGB");
        long request = accessRequestTo(held[0], "RGA");
        TestSession.signIn(RegistryFixture.PRO_B);
        assertThat(registry.registry(held[0]).orElseThrow().requests()).singleElement()
                .satisfies(a -> assertThat(a.decidable()).isFalse());
        assertThatThrownBy(() -> registry.decide(request, 0, new DecisionForm(Admissibility.ADMISSIBLE, "Pertinente",
                LocalDate.now(ZONE)))).isInstanceOf(BusinessException.class).hasMessage("access.notYours");
        assertThat(TestDatabase.value("SELECT decision FROM access_request WHERE id = ?", request)).isEqualTo("PENDING");
    }

    // ---------------------------------------------------------------------------------------------
    // Need-to-know

    @Test
    void pieCannotReadACaseThatNeverInvolvedPieEvenById() {
        long[] held = RegistryFixture.caseHeldBy("99001", "PPF");
        TestSession.signIn("profesional.pie");
        assertThat(registry.registry(held[0])).isEmpty();
        assertThat(registry.child(held[1])).isEmpty();
        assertThat(registry.childOfCase(held[0])).isEmpty();
        assertThat(cases.find(held[0])).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = 'profesional.pie'"
                + " AND outcome = 'DENIED' AND entity_type = 'CASE' AND entity_id = ?", String.valueOf(held[0])))
                .isGreaterThanOrEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = 'profesional.pie'"
                + " AND outcome = 'DENIED' AND entity_type = 'CHILD' AND entity_id = ?", String.valueOf(held[1])))
                .isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> registry.correct(held[1], 0, child(RegistryFixture.newRun(), "X", "Y", null,
                LocalDate.of(2015, 2, 3)), "intento")).isInstanceOf(BusinessException.class).hasMessage("error.notFound");
    }

    @Test
    void ppfReadsTheCaseItHolds() {
        long[] held = RegistryFixture.caseHeldBy("99001", "PPF");
        TestSession.signIn("profesional.ppf");
        assertThat(registry.registry(held[0])).hasValueSatisfying(r -> assertThat(r.child().id()).isEqualTo(held[1]));
    }

    @Test
    void comunaVecinaSeesNothingOfAnotherComunasChildren() {
        long[] held = RegistryFixture.caseHeldBy("99001", "PPF");
        String run = (String) TestDatabase.value("SELECT run FROM child WHERE id = ?", held[1]);
        TestSession.signIn("profesional.vecina");
        assertThat(registry.registry(held[0])).isEmpty();
        assertThat(registry.child(held[1])).isEmpty();
        assertThat(registry.duplicates(new DuplicateQuery(run, null, null, null, null))).isEmpty();
        assertThatThrownBy(() -> registry.intake(new IntakeCommand(held[1], null, null,
                access(LocalDate.now(ZONE), List.of()), false))).isInstanceOf(BusinessException.class)
                .hasMessage("error.notFound");
        assertThat(TestDatabase.count("SELECT count(*) FROM access_request WHERE case_id = ?", held[0])).isZero();
    }

    // ---------------------------------------------------------------------------------------------

    private static long accessRequestTo(long caseId, String acronym) {
        try (var c = TestDatabase.connect(); var ps = c.prepareStatement("INSERT INTO access_request (comuna_id, case_id,"
                + " program_id, mode, source, requested_on, reason, recorded_by) SELECT comuna_id, id, ?, 'SPONTANEOUS',"
                + " 'FAMILY', DATE '2026-02-01', 'Prueba', 'fixture' FROM case_file WHERE id = ? RETURNING id")) {
            ps.setLong(1, RegistryFixture.programId(acronym));
            ps.setLong(2, caseId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long occupied(long programId) {
        return TestDatabase.count("SELECT occupied FROM program WHERE id = ?", programId);
    }

    static ChildForm child(String run, String given, String paternal, String maternal, LocalDate born) {
        return new ChildForm(false, run, null, null, given, paternal, maternal, null, born, Sex.F, null, "Chilena",
                null, null, null);
    }

    static AccessForm access(LocalDate on, List<RiskSignalForm> signals) {
        return new AccessForm(AccessMode.SPONTANEOUS, AccessSource.FAMILY, null, on, "La familia consulta por apoyo",
                "Madre", false, signals);
    }

    private static IntakeCommand newChild(ChildForm child) {
        return new IntakeCommand(null, child, FamilyForm.newFamily(), access(LocalDate.now(ZONE), List.of()), false);
    }

    private static String runEndingInK() {
        for (int body = ThreadLocalRandom.current().nextInt(10_000_000, 30_000_000); ; body++) {
            if (Run.checkDigit(body) == 'K') {
                return body + "-K";
            }
        }
    }

    private static void assertViolation(ThrowableAssert.ThrowingCallable call, String property, String template) {
        assertThatThrownBy(call).isInstanceOf(EJBException.class).cause()
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .anySatisfy(v -> {
                            if (property != null) {
                                assertThat(v.getPropertyPath().toString()).endsWith(property);
                            }
                            assertThat(v.getMessageTemplate()).isEqualTo(template);
                        }));
    }
}
