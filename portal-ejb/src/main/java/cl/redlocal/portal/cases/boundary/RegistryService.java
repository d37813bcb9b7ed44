package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.Placement;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.control.DuplicateFinder;
import cl.redlocal.portal.cases.control.Eligibility;
import cl.redlocal.portal.cases.control.Intakes;
import cl.redlocal.portal.cases.entity.AccessRequest;
import cl.redlocal.portal.cases.entity.Admissibility;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.cases.entity.ChildCorrection;
import cl.redlocal.portal.cases.entity.Family;
import cl.redlocal.portal.cases.entity.FamilyAdult;
import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.referral.entity.Urgency;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.territory.Comuna;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The child registry, access (modalidad de acceso) and admissibility. A program professional registers the
 * children that come to their program, after a duplicate search; the receiving program decides each access
 * request once. Reads follow need-to-know ({@link CaseAccess}): a child exists for the caller when one of its
 * cases does. Every read and write is audited; every edit is checked against the version the person saw.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class RegistryService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    Intakes intakes;

    @Inject
    Eligibility eligibility;

    @Inject
    Placement admissions;

    @Inject
    PortalClock clock;

    /**
     * Children of the caller's comuna the one being registered may be. Of a candidate whose case never
     * involved the caller's program only the code, initials, birth year and reason are told.
     */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<DuplicateCandidate> duplicates(@NotNull @Valid DuplicateQuery query) {
        CallerProfile me = caller.profile();
        List<DuplicateCandidate> found = duplicates.find(me.comunaId(), query.run(), query.givenNames(),
                query.paternalSurname(), query.maternalSurname(), query.birthDate(), me);
        audit.record(AuditAction.LIST, "CHILD_DUPLICATES", null, AuditOutcome.SUCCESS, found.size() + " candidatos");
        return found;
    }

    /**
     * An intake into the caller's program: the child (existing or new, with a family), its open case (reused,
     * or opened with the comuna's next code), the access request pending admissibility, and its risk signals
     * as alerts.
     */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public IntakeResult intake(@NotNull @Valid IntakeCommand command) {
        CallerProfile me = caller.profile();
        Comuna comuna = em.find(Comuna.class, me.comunaId());
        Program program = em.find(Program.class, me.programId());
        AccessForm access = command.access();
        LocalDate today = clock.today();
        Child child;
        boolean newChild = command.existingChildId() == null;
        if (!newChild) {
            child = em.find(Child.class, command.existingChildId());
            if (child == null || child.getComuna().getId() != me.comunaId()) {
                audit.denied("CHILD", command.existingChildId(), "NNA de otra comuna o inexistente");
                throw new BusinessException("error.notFound");
            }
            Intakes.requireChildAt(child.getBirthDate(), access.requestedOn(), today);
        } else {
            ChildForm form = command.child();
            Intakes.requireChildAt(form.birthDate(), access.requestedOn(), today);
            List<DuplicateCandidate> candidates = duplicates.find(me.comunaId(), form.normalizedRun(),
                    form.givenNames(), form.paternalSurname(), form.maternalSurname(), form.birthDate(), me);
            Optional<DuplicateCandidate> sameRun = candidates.stream()
                    .filter(c -> c.reason() == DuplicateCandidate.MatchReason.RUN).findFirst();
            if (sameRun.isPresent()) {
                throw new BusinessException("child.run.exists", sameRun.get().caseCode());
            }
            if (!candidates.isEmpty() && !command.notADuplicate()) {
                throw new BusinessException("child.duplicates.unresolved", candidates.size());
            }
            Family family = familyFor(comuna, form, command.family());
            child = intakes.register(comuna, form, family);
        }
        Intakes.CaseOf caseOf = intakes.openCaseOf(child);
        CaseFile caseFile = caseOf.caseFile();
        boolean pending = em.createQuery("SELECT COUNT(a) FROM AccessRequest a WHERE a.caseFile = :c AND a.program = :p"
                        + " AND a.decision = :pending", Long.class).setParameter("c", caseFile).setParameter("p", program)
                .setParameter("pending", Admissibility.PENDING).getSingleResult() > 0;
        if (pending) {
            throw new BusinessException("access.pendingExists", caseFile.getCode(), program.getAcronym());
        }
        AccessRequest request = intakes.request(caseFile, program, access, me.username(), null);
        flush();
        return new IntakeResult(caseFile.getId(), caseFile.getCode(), child.getId(), request.getId(), newChild,
                caseOf.opened());
    }

    private Family familyFor(Comuna comuna, ChildForm child, FamilyForm form) {
        if (form.existing()) {
            List<Family> found = em.createQuery("SELECT f FROM Family f WHERE f.comuna = :c AND UPPER(f.code) = :code",
                            Family.class).setParameter("c", comuna)
                    .setParameter("code", form.existingCode().strip().toUpperCase(java.util.Locale.ROOT)).getResultList();
            if (found.isEmpty()) {
                throw new BusinessException("child.family.notFound", form.existingCode().strip());
            }
            Family family = found.get(0);
            form.adults().forEach(a -> intakes.addAdult(family, a));
            return family;
        }
        String surname = form.surname() == null || form.surname().isBlank()
                ? (child.paternalSurname().strip() + (child.maternalSurname() == null || child.maternalSurname().isBlank()
                ? "" : " " + child.maternalSurname().strip())) : form.surname().strip();
        return intakes.newFamily(comuna, surname, child.address(), child.sector(), form.adults());
    }

    /** The child's registry, when one of its cases is visible to the caller. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<ChildRecord> child(long childId) {
        Optional<Child> child = visibleChild(childId);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        audit.success(AuditAction.READ, "CHILD", childId);
        return Optional.of(record(child.get()));
    }

    /** The child of a case the caller may see. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<Long> childOfCase(long caseId) {
        return visibleCase(caseId).map(c -> c.getChild().getId());
    }

    /** The registry section of a case page. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<CaseRegistry> registry(long caseId) {
        Optional<CaseFile> found = visibleCase(caseId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CallerProfile me = caller.profile();
        CaseFile c = found.get();
        Child child = c.getChild();
        LocalDate today = clock.today();
        List<CaseRegistry.Access> requests = em.createQuery("SELECT a FROM AccessRequest a JOIN FETCH a.program"
                        + " WHERE a.caseFile = :c ORDER BY a.requestedOn DESC, a.id DESC", AccessRequest.class)
                .setParameter("c", c).getResultList().stream().map(a -> {
                    boolean mine = me.role() == Role.PROFESIONAL && Objects.equals(me.programId(), a.getProgram().getId());
                    List<FittingProgram> offers = mine && (a.getDecision() == Admissibility.NOT_ADMISSIBLE
                            || a.getDecision() == Admissibility.REFER_ELSEWHERE)
                            ? eligibility.fitting(me.comunaId(), a.getProgram().getId(), child.ageOn(today),
                            child.getSector(), a.isCourtOrdered()) : List.of();
                    return new CaseRegistry.Access(a.getId(), a.getVersion(), a.getProgram().getId(),
                            a.getProgram().getAcronym(), a.getMode(), a.getSource(), a.getSourceDetail(),
                            a.getRequestedOn(), a.getReason(), a.getBroughtBy(), a.isCourtOrdered(), a.getDecision(),
                            a.getDecisionReason(), a.getDecidedOn(), a.getDecidedBy(), a.getImportBatch(), mine,
                            mine && a.getDecision() == Admissibility.PENDING, offers);
                }).toList();
        List<CaseRegistry.Signal> signals = em.createQuery("SELECT v FROM VulnerabilityAlert v WHERE v.caseFile = :c"
                        + " AND v.source = :s ORDER BY v.raisedAt DESC, v.id DESC",
                        cl.redlocal.portal.alert.entity.VulnerabilityAlert.class)
                .setParameter("c", c).setParameter("s", Intakes.ALERT_SOURCE).getResultList().stream()
                .map(v -> new CaseRegistry.Signal(v.getKind(), v.getSeverity().name(), v.getState().name(),
                        v.getDescription(), v.getRaisedAt())).toList();
        audit.success(AuditAction.READ, "CASE_REGISTRY", caseId);
        return Optional.of(new CaseRegistry(c.getId(), c.getCode(), record(child), requests, signals));
    }

    /** Programs a not-admissible request may be referred to, for the program that decided it. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public List<FittingProgram> fittingPrograms(long accessRequestId) {
        AccessRequest a = ownRequest(accessRequestId);
        Child child = a.getCaseFile().getChild();
        return eligibility.fitting(a.getComuna().getId(), a.getProgram().getId(), child.ageOn(clock.today()),
                child.getSector(), a.isCourtOrdered());
    }

    /**
     * The receiving program decides, once, on the version the person saw. Admissible: admitted with a
     * vacancy, otherwise onto the program's waiting list (urgency HIGH when the case has an open HIGH alert).
     */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public DecisionOutcome decide(long accessRequestId, int version, @NotNull @Valid DecisionForm form) {
        CallerProfile me = caller.profile();
        AccessRequest request = ownRequest(accessRequestId);
        if (request.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        if (request.getDecision() != Admissibility.PENDING) {
            throw new BusinessException("access.alreadyDecided");
        }
        if (form.decidedOn().isAfter(clock.today())) {
            throw new BusinessException("access.decidedOn.future");
        }
        try {
            request.decide(form.decision(), form.reason().strip(), form.decidedOn(), me.username());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BusinessException(e.getMessage());
        }
        flush(); // the version check in SQL: a decision saved meanwhile by someone else wins, this one fails
        cl.redlocal.portal.cases.control.Placement.Outcome placement = null;
        if (form.decision() == Admissibility.ADMISSIBLE) {
            if (request.getProgram().getStatus() != ProgramStatus.ACTIVE) {
                throw new BusinessException("access.programNotActive", request.getProgram().getAcronym());
            }
            boolean high = em.createQuery("SELECT COUNT(v) FROM VulnerabilityAlert v WHERE v.caseFile = :c"
                            + " AND v.severity = :high AND v.state <> cl.redlocal.portal.alert.entity.AlertState.RESOLVED",
                            Long.class).setParameter("c", request.getCaseFile()).setParameter("high", AlertSeverity.HIGH)
                    .getSingleResult() > 0;
            placement = admissions.admitRequest(request, high ? Urgency.HIGH : Urgency.NORMAL, me.username(),
                    Instant.now());
        }
        flush();
        audit.record(AuditAction.UPDATE, "ACCESS_REQUEST", accessRequestId, AuditOutcome.SUCCESS,
                "admisibilidad: " + form.decision());
        long waiting = placement != cl.redlocal.portal.cases.control.Placement.Outcome.WAITING ? 0
                : em.createQuery("SELECT COUNT(w) FROM WaitingEntry w WHERE w.program = :p AND w.exitedAt IS NULL",
                Long.class).setParameter("p", request.getProgram()).getSingleResult();
        return new DecisionOutcome(form.decision(), placement, request.getProgram().getAcronym(), waiting);
    }

    /** Corrects a child's data as loaded at {@code version}; each changed field is kept with the reason. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public int correct(long childId, int version, @NotNull @Valid ChildForm form,
                       @NotBlank(message = "{child.correction.reasonRequired}") @Size(max = 500) String reason) {
        CallerProfile me = caller.profile();
        Child child = visibleChild(childId).orElseThrow(() -> new BusinessException("error.notFound"));
        if (child.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        String run = form.normalizedRun();
        if (run != null && !run.equals(child.getRun()) && !em.createQuery("SELECT ch.id FROM Child ch"
                        + " WHERE ch.comuna = :c AND ch.run = :r AND ch.id <> :id", Long.class)
                .setParameter("c", child.getComuna()).setParameter("r", run).setParameter("id", childId)
                .getResultList().isEmpty()) {
            throw new BusinessException("child.run.exists", "");
        }
        Child wanted;
        try {
            wanted = new Child(child.getComuna(), null, run, form.noRun() ? form.noRunReason() : null,
                    form.givenNames().strip(), form.paternalSurname().strip(), blank(form.maternalSurname()),
                    form.birthDate(), form.sex(), form.nationality().strip());
        } catch (IllegalArgumentException e) {
            throw new BusinessException(e.getMessage());
        }
        wanted.describe(form.noRun() ? blank(form.otherIdentifier()) : null, blank(form.socialName()),
                blank(form.gender()), blank(form.address()), blank(form.sector()),
                blank(form.school()));
        Instant now = Instant.now();
        List<Child.Change> changes;
        try {
            changes = child.correct(wanted, now);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(e.getMessage());
        }
        if (changes.isEmpty()) {
            throw new BusinessException("child.correction.nothing");
        }
        for (Child.Change change : changes) {
            em.persist(new ChildCorrection(child, change, reason.strip(), me.username(), now));
        }
        flush();
        audit.record(AuditAction.UPDATE, "CHILD", childId, AuditOutcome.SUCCESS, changes.size() + " campos corregidos");
        return changes.size();
    }

    /** An adult of reference for the child's family (a family is created for a child that had none). */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public long addAdult(long childId, @NotNull @Valid AdultForm form) {
        Child child = visibleChild(childId).orElseThrow(() -> new BusinessException("error.notFound"));
        Family family = child.getFamily();
        if (family == null) {
            family = intakes.newFamily(child.getComuna(), child.getPaternalSurname()
                    + (child.getMaternalSurname() == null ? "" : " " + child.getMaternalSurname()),
                    child.getAddress(), child.getSector(), List.of());
            child.joinFamily(family);
        }
        FamilyAdult adult = intakes.addAdult(family, form);
        flush();
        audit.success(AuditAction.CREATE, "FAMILY_ADULT", adult.getId());
        return adult.getId();
    }

    @RolesAllowed(Role.Names.PROFESIONAL)
    public void updateAdult(long childId, long adultId, int version, @NotNull @Valid AdultForm form) {
        Child child = visibleChild(childId).orElseThrow(() -> new BusinessException("error.notFound"));
        FamilyAdult adult = em.find(FamilyAdult.class, adultId);
        if (adult == null || child.getFamily() == null || !adult.getFamily().equals(child.getFamily())) {
            audit.denied("FAMILY_ADULT", adultId, "adulto de otra familia");
            throw new BusinessException("error.notFound");
        }
        if (adult.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        try {
            adult.update(form.fullName().strip(), form.relationship().strip(), blank(form.run()),
                    blank(form.phone()), blank(form.email()), form.livesWith());
        } catch (IllegalArgumentException e) {
            throw new BusinessException(e.getMessage());
        }
        flush();
        audit.success(AuditAction.UPDATE, "FAMILY_ADULT", adultId);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private AccessRequest ownRequest(long id) {
        CallerProfile me = caller.profile();
        AccessRequest request = em.find(AccessRequest.class, id);
        if (request == null || request.getComuna().getId() != me.comunaId()
                || !Objects.equals(request.getProgram().getId(), me.programId())) {
            audit.denied("ACCESS_REQUEST", id, "solicitud de otro programa o inexistente");
            throw new BusinessException("access.notYours");
        }
        return request;
    }

    private Optional<CaseFile> visibleCase(long caseId) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> found = CaseAccess.visibleCase(em, me, caseId);
        if (found.isEmpty()) {
            audit.denied("CASE", caseId, "sin acceso o inexistente");
            return Optional.empty();
        }
        return Optional.of(found.get());
    }

    private Optional<Child> visibleChild(long childId) {
        CallerProfile me = caller.profile();
        TypedQuery<Child> q = em.createQuery("SELECT DISTINCT ch FROM CaseFile c JOIN c.child ch WHERE ch.id = :id AND "
                + CaseAccess.condition(me), Child.class).setParameter("id", childId);
        CaseAccess.bind(q, me);
        List<Child> found = q.getResultList();
        if (found.isEmpty()) {
            audit.denied("CHILD", childId, "sin acceso o inexistente");
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    private ChildRecord record(Child ch) {
        Family f = ch.getFamily();
        List<ChildRecord.Adult> adults = f == null ? List.of() : em.createQuery("SELECT a FROM FamilyAdult a"
                        + " WHERE a.family = :f ORDER BY a.id", FamilyAdult.class).setParameter("f", f).getResultList()
                .stream().map(a -> new ChildRecord.Adult(a.getId(), a.getVersion(), a.getFullName(), a.getRelationship(),
                        a.getRun() == null ? null : Run.format(a.getRun()), a.getPhone(), a.getEmail(), a.isLivesWith()))
                .toList();
        List<ChildRecord.Sibling> siblings = f == null ? List.of() : em.createQuery("SELECT s.givenNames,"
                        + " s.paternalSurname, s.maternalSurname, (SELECT MAX(c.code) FROM CaseFile c WHERE c.child = s)"
                        + " FROM Child s WHERE s.family = :f AND s <> :me ORDER BY s.birthDate", Object[].class)
                .setParameter("f", f).setParameter("me", ch).getResultList().stream()
                .map(r -> new ChildRecord.Sibling((String) r[3], Child.initialsOf((String) r[0], (String) r[1],
                        (String) r[2]))).toList();
        List<ChildRecord.Correction> corrections = em.createQuery("SELECT NEW cl.redlocal.portal.cases.boundary."
                        + "ChildRecord$Correction(k.changedAt, k.changedBy, k.field, k.valueBefore, k.valueAfter, k.reason)"
                        + " FROM ChildCorrection k WHERE k.child = :ch ORDER BY k.changedAt DESC, k.id DESC",
                ChildRecord.Correction.class).setParameter("ch", ch).getResultList();
        CallerProfile me = caller.profile();
        TypedQuery<Object[]> cq = em.createQuery("SELECT c.id, c.code, c.status FROM CaseFile c WHERE c.child = :ch AND "
                + CaseAccess.condition(me) + " ORDER BY c.openedOn DESC", Object[].class).setParameter("ch", ch);
        CaseAccess.bind(cq, me);
        List<ChildRecord.CaseRef> cases = cq.getResultList().stream()
                .map(r -> new ChildRecord.CaseRef((Long) r[0], (String) r[1], String.valueOf(r[2]))).toList();
        return new ChildRecord(ch.getId(), ch.getVersion(), ch.getRun() == null ? null : Run.format(ch.getRun()),
                ch.getNoRunReason(), ch.getOtherIdentifier(), ch.getGivenNames(), ch.getPaternalSurname(),
                ch.getMaternalSurname(), ch.getSocialName(), ch.getBirthDate(), ch.ageOn(clock.today()), ch.getSex(),
                ch.getGender(), ch.getNationality(), ch.getAddress(), ch.getSector(), ch.getSchool(), ch.initials(),
                f == null ? null : new ChildRecord.Family(f.getId(), f.getCode(), f.getSurname(), f.getAddress(),
                        f.getSector()), adults, siblings, corrections, cases);
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("uq_child_run")) {
                    throw new BusinessException("child.run.exists", "");
                }
            }
            throw e;
        }
    }
}
