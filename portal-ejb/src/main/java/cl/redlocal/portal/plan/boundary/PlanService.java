package cl.redlocal.portal.plan.boundary;

import cl.redlocal.portal.alert.control.RulesTrigger;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.plan.control.Overdue;
import cl.redlocal.portal.plan.entity.Achievement;
import cl.redlocal.portal.plan.entity.Dimension;
import cl.redlocal.portal.plan.entity.PlanAction;
import cl.redlocal.portal.plan.entity.PlanGoal;
import cl.redlocal.portal.plan.entity.WorkPlan;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The integrated plan of a case. Readable by every program involved in the case (and the comuna's
 * co-facilitators), as CaseAccess says; any of them may add goals; each program writes only its own
 * actions, co-facilitators any. A plan, goal or action the caller may not see does not exist for them,
 * and the attempt is audited. Every read and write is audited.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class PlanService {

    static final String ENTITY = "PLAN";

    @PersistenceContext
    EntityManager em;

    @Inject
    RulesTrigger rulesTrigger;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    /** The plan of a visible case (an empty plan when no goal was written yet). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<PlanView> plan(long caseId) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> visible = visibleCase(caseId, me);
        if (visible.isEmpty()) {
            audit.denied("CASE", caseId, "plan: sin acceso o inexistente");
            return Optional.empty();
        }
        PlanView view = view(visible.get(), me);
        audit.record(AuditAction.READ, ENTITY, view.planId() == null ? caseId : view.planId(), AuditOutcome.SUCCESS,
                "caso " + caseId);
        return Optional.of(view);
    }

    /** Records that the plan left the portal (the PDF for the family meeting) and returns what it holds. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<PlanView> export(long caseId, String format) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> visible = visibleCase(caseId, me);
        if (visible.isEmpty()) {
            audit.denied("CASE", caseId, "exportar plan: sin acceso o inexistente");
            return Optional.empty();
        }
        PlanView view = view(visible.get(), me);
        audit.record(AuditAction.EXPORT, ENTITY, view.planId() == null ? caseId : view.planId(), AuditOutcome.SUCCESS,
                format + " caso " + caseId);
        return Optional.of(view);
    }

    /** Any program involved in the case (or a co-facilitator) adds a goal; the plan begins with its first goal. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public long addGoal(long caseId, @NotNull @Valid GoalForm form) {
        CallerProfile me = caller.profile();
        CaseFile c = visibleCase(caseId, me).orElseThrow(() -> notFound("CASE", caseId));
        WorkPlan plan = planOf(caseId).orElseGet(() -> {
            Child child = c.getChild();
            WorkPlan created = new WorkPlan(c.getComuna().getId(), caseId,
                    child.getFamily() == null ? null : child.getFamily().getId(), me.username());
            em.persist(created);
            em.flush();
            audit.success(AuditAction.CREATE, ENTITY, created.getId());
            return created;
        });
        PlanGoal goal = new PlanGoal(plan.getId(), form.dimension(), form.description(), me.username(), me.programId());
        em.persist(goal);
        em.flush();
        audit.record(AuditAction.CREATE, "PLAN_GOAL", goal.getId(), AuditOutcome.SUCCESS, "caso " + caseId);
        return goal.getId();
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void updateGoal(long goalId, int version, @NotNull @Valid GoalForm form) {
        CallerProfile me = caller.profile();
        PlanGoal goal = em.find(PlanGoal.class, goalId);
        WorkPlan plan = goal == null ? null : em.find(WorkPlan.class, goal.getPlanId());
        if (plan == null || visibleCase(plan.getCaseId(), me).isEmpty()) {
            throw notFound("PLAN_GOAL", goalId);
        }
        if (goal.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        goal.rewrite(form.dimension(), form.description());
        flush();
        audit.success(AuditAction.UPDATE, "PLAN_GOAL", goalId);
    }

    /** A program adds one of its own actions (a co-facilitator, an action of any involved program). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public long addAction(long caseId, @NotNull @Valid ActionForm form) {
        rulesTrigger.caseDataChanged();
        CallerProfile me = caller.profile();
        visibleCase(caseId, me).orElseThrow(() -> notFound("CASE", caseId));
        WorkPlan plan = planOf(caseId).orElseThrow(() -> new BusinessException("plan.action.goal.required"));
        checkAction(me, plan, form, null);
        PlanAction action = new PlanAction(plan.getId(), plan.getComunaId(), me.username());
        write(action, form);
        em.persist(action);
        em.flush();
        audit.record(AuditAction.CREATE, "PLAN_ACTION", action.getId(), AuditOutcome.SUCCESS, "caso " + caseId);
        return action.getId();
    }

    /** Rewrites an action as loaded at {@code version}; a professional only the actions of their program. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void updateAction(long actionId, int version, @NotNull @Valid ActionForm form) {
        rulesTrigger.caseDataChanged();
        CallerProfile me = caller.profile();
        PlanAction action = em.find(PlanAction.class, actionId);
        WorkPlan plan = action == null ? null : em.find(WorkPlan.class, action.getPlanId());
        if (plan == null || visibleCase(plan.getCaseId(), me).isEmpty()) {
            throw notFound("PLAN_ACTION", actionId);
        }
        checkAction(me, plan, form, action);
        if (action.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        write(action, form);
        flush();
        audit.success(AuditAction.UPDATE, "PLAN_ACTION", actionId);
    }

    /**
     * A review of the plan as loaded at {@code planVersion}: what was achieved per goal. It moves the plan's
     * version, so a second review written on the same stale page is refused.
     */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public long addReview(long caseId, int planVersion, @NotNull @Valid ReviewForm form) {
        CallerProfile me = caller.profile();
        visibleCase(caseId, me).orElseThrow(() -> notFound("CASE", caseId));
        WorkPlan plan = planOf(caseId).orElseThrow(() -> new BusinessException("plan.review.noGoals"));
        if (plan.getVersion() != planVersion) {
            throw new ConcurrentEditException();
        }
        Set<Long> goals = Set.copyOf(em.createQuery("SELECT g.id FROM PlanGoal g WHERE g.planId = :p", Long.class)
                .setParameter("p", plan.getId()).getResultList());
        if (goals.isEmpty()) {
            throw new BusinessException("plan.review.noGoals");
        }
        for (GoalAchievement g : form.goals()) {
            if (!goals.contains(g.goalId())) {
                throw new BusinessException("plan.review.otherGoal");
            }
        }
        plan.touched(Instant.now());
        flush();
        long reviewId = ((Number) em.createNativeQuery("INSERT INTO plan_review (plan_id, reviewed_on, reviewed_by,"
                        + " notes) VALUES (?1, ?2, ?3, ?4) RETURNING id")
                .setParameter(1, plan.getId()).setParameter(2, form.reviewedOn()).setParameter(3, me.fullName())
                .setParameter(4, form.notes().strip()).getSingleResult()).longValue();
        for (GoalAchievement g : form.goals().stream().collect(Collectors.toMap(GoalAchievement::goalId, x -> x,
                (a, b) -> b)).values()) {
            em.createNativeQuery("INSERT INTO plan_review_goal (review_id, goal_id, achieved) VALUES (?1, ?2, ?3)")
                    .setParameter(1, reviewId).setParameter(2, g.goalId()).setParameter(3, g.achieved().name())
                    .executeUpdate();
        }
        audit.record(AuditAction.CREATE, "PLAN_REVIEW", reviewId, AuditOutcome.SUCCESS, "caso " + caseId);
        return reviewId;
    }

    /** How many overdue actions the caller's program has (every overdue action of the comuna, for a co-facilitator). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public long countOverdue() {
        CallerProfile me = caller.profile();
        SqlWhere where = overdueWhere(me);
        return ((Number) where.bind(em.createNativeQuery("SELECT count(*)" + OVERDUE_FROM + where.sql()))
                .getSingleResult()).longValue();
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<OverdueRow> overdue(@NotNull PageRequest page) {
        CallerProfile me = caller.profile();
        SqlWhere where = overdueWhere(me);
        String order = switch (page.sortField() == null ? "" : page.sortField()) {
            case "caseCode" -> "c.code";
            case "programAcronym" -> "p.acronym";
            case "dimension" -> "g.dimension";
            default -> "a.due_on";
        } + (page.ascending() ? " ASC" : " DESC") + ", a.id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery("SELECT a.id, c.id AS case_id, c.code, ch.given_names,"
                        + " ch.paternal_surname, ch.maternal_surname, g.dimension, a.description, p.acronym,"
                        + " COALESCE(u.full_name, a.responsible_name), a.due_on, a.progress" + OVERDUE_FROM + where.sql()
                        + " ORDER BY " + order))
                .setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        LocalDate today = clock.today();
        List<OverdueRow> result = rows.stream().map(r -> {
            LocalDate due = SqlValues.localDate(r[10]);
            return new OverdueRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    Child.initialsOf((String) r[3], (String) r[4], (String) r[5]), Dimension.valueOf((String) r[6]),
                    (String) r[7], (String) r[8], (String) r[9], due, (int) ChronoUnit.DAYS.between(due, today),
                    ((Number) r[11]).intValue());
        }).toList();
        audit.record(AuditAction.LIST, "PLAN_ACTION", null, AuditOutcome.SUCCESS, result.size() + " acciones atrasadas");
        return result;
    }

    /** Records an export of the overdue list. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void overdueExported(String format) {
        audit.record(AuditAction.EXPORT, "PLAN_ACTION", null, AuditOutcome.SUCCESS, format + " acciones atrasadas");
    }

    private static final String OVERDUE_FROM = " FROM plan_action a JOIN work_plan w ON w.id = a.plan_id"
            + " JOIN case_file c ON c.id = w.case_id JOIN child ch ON ch.id = c.child_id"
            + " JOIN plan_goal g ON g.id = a.goal_id JOIN program p ON p.id = a.program_id"
            + " LEFT JOIN app_user u ON u.id = a.responsible_user_id";

    private SqlWhere overdueWhere(CallerProfile me) {
        SqlWhere where = new SqlWhere().and("a.comuna_id = ?", me.comunaId()).and(Overdue.sql("a"), clock.today());
        if (me.role() == Role.PROFESIONAL) {
            where.and("a.program_id = ?", me.programId() == null ? -1L : me.programId());
        }
        return CaseAccess.sql(where, me, "c");
    }

    // ---------------------------------------------------------------------------------------------

    private Optional<CaseFile> visibleCase(long caseId, CallerProfile me) {
        return CaseAccess.visibleCase(em, me, caseId);
    }

    private Optional<WorkPlan> planOf(long caseId) {
        return em.createQuery("SELECT p FROM WorkPlan p WHERE p.caseId = :c", WorkPlan.class).setParameter("c", caseId)
                .getResultList().stream().findFirst();
    }

    private BusinessException notFound(String entity, long id) {
        audit.denied(entity, id, "plan: sin acceso o inexistente");
        return new BusinessException("plan.notFound");
    }

    /** The programs involved in a case: those that hold or held it, received a request for it, or a referral. */
    private List<PlanView.ProgramOption> involvedPrograms(long caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, p.acronym, p.name FROM program p WHERE p.id IN ("
                        + "SELECT program_id FROM case_involvement WHERE case_id = ?1"
                        + " UNION SELECT program_id FROM access_request WHERE case_id = ?1 AND program_id IS NOT NULL"
                        + " UNION SELECT to_program_id FROM referral WHERE case_id = ?1"
                        + " UNION SELECT from_program_id FROM referral WHERE case_id = ?1 AND from_program_id IS NOT NULL)"
                        + " ORDER BY p.acronym")
                .setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new PlanView.ProgramOption(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2])).toList();
    }

    private List<PlanView.Person> people(List<PlanView.ProgramOption> programs) {
        if (programs.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT u.id, u.program.id, u.fullName FROM AppUser u WHERE u.enabled = TRUE"
                        + " AND u.program.id IN :programs ORDER BY u.fullName", Object[].class)
                .setParameter("programs", programs.stream().map(PlanView.ProgramOption::id).toList())
                .getResultList().stream()
                .map(r -> new PlanView.Person((Long) r[0], (Long) r[1], (String) r[2])).toList();
    }

    private void checkAction(CallerProfile me, WorkPlan plan, ActionForm form, PlanAction existing) {
        List<PlanView.ProgramOption> programs = involvedPrograms(plan.getCaseId());
        if (programs.stream().noneMatch(p -> p.id() == form.programId())) {
            throw new BusinessException("plan.action.programNotInvolved");
        }
        if (me.role() == Role.PROFESIONAL) {
            long mine = me.programId() == null ? -1L : me.programId();
            if (form.programId() != mine || (existing != null && existing.getProgramId() != mine)) {
                audit.denied("PLAN_ACTION", existing == null ? null : existing.getId(),
                        "acción de otro programa");
                throw new BusinessException("plan.action.otherProgram");
            }
        }
        Long goalPlan = em.createQuery("SELECT g.planId FROM PlanGoal g WHERE g.id = :g", Long.class)
                .setParameter("g", form.goalId()).getResultList().stream().findFirst().orElse(null);
        if (goalPlan == null || goalPlan != plan.getId()) {
            throw new BusinessException("plan.action.goal.required");
        }
        if (form.responsibleUserId() != null && people(programs).stream().noneMatch(p ->
                p.userId() == form.responsibleUserId() && p.programId() == form.programId())) {
            throw new BusinessException("plan.action.responsible.otherProgram");
        }
    }

    private static void write(PlanAction action, ActionForm form) {
        action.rewrite(form.goalId(), form.description(), form.programId(), form.responsibleUserId(),
                form.responsibleUserId() == null ? form.responsibleName() : null, form.startsOn(), form.dueOn(),
                form.status(), form.progress());
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
    }

    private PlanView view(CaseFile c, CallerProfile me) {
        Child child = c.getChild();
        LocalDate today = clock.today();
        List<PlanView.ProgramOption> programs = involvedPrograms(c.getId());
        List<PlanView.Person> people = people(programs);
        Optional<WorkPlan> plan = planOf(c.getId());
        List<PlanView.Goal> goals = new ArrayList<>();
        List<PlanView.Review> reviews = new ArrayList<>();
        boolean everyAction = me.role() == Role.COFACILITADOR;
        if (plan.isPresent()) {
            long planId = plan.get().getId();
            List<PlanGoal> goalRows = em.createQuery("SELECT g FROM PlanGoal g WHERE g.planId = :p ORDER BY g.id",
                    PlanGoal.class).setParameter("p", planId).getResultList();
            List<PlanAction> actionRows = em.createQuery("SELECT a FROM PlanAction a WHERE a.planId = :p"
                    + " ORDER BY a.dueOn, a.id", PlanAction.class).setParameter("p", planId).getResultList();
            Map<Long, String> acronyms = new HashMap<>();
            programs.forEach(p -> acronyms.put(p.id(), p.acronym()));
            Set<Long> unknown = actionRows.stream().map(PlanAction::getProgramId).filter(id -> !acronyms.containsKey(id))
                    .collect(Collectors.toSet());
            if (!unknown.isEmpty()) {
                em.createQuery("SELECT p.id, p.acronym FROM Program p WHERE p.id IN :ids", Object[].class)
                        .setParameter("ids", unknown).getResultList()
                        .forEach(r -> acronyms.put((Long) r[0], (String) r[1]));
            }
            Map<Long, String> names = new HashMap<>();
            people.forEach(p -> names.put(p.userId(), p.fullName()));
            Set<Long> otherUsers = actionRows.stream().map(a -> responsibleUser(a)).filter(id -> id != null
                    && !names.containsKey(id)).collect(Collectors.toSet());
            if (!otherUsers.isEmpty()) {
                em.createQuery("SELECT u.id, u.fullName FROM AppUser u WHERE u.id IN :ids", Object[].class)
                        .setParameter("ids", otherUsers).getResultList()
                        .forEach(r -> names.put((Long) r[0], (String) r[1]));
            }
            for (PlanGoal g : goalRows) {
                List<PlanView.Action> actions = actionRows.stream().filter(a -> a.getGoalId() == g.getId())
                        .map(a -> new PlanView.Action(a.getId(), a.getVersion(), a.getGoalId(), a.getDescription(),
                                a.getProgramId(), acronyms.get(a.getProgramId()), responsibleUser(a),
                                responsibleUser(a) == null ? responsibleName(a) : names.get(responsibleUser(a)),
                                startsOn(a), a.getDueOn(), a.getStatus(), a.getProgress(), a.overdueOn(today),
                                everyAction || (me.programId() != null && me.programId() == a.getProgramId())))
                        .toList();
                goals.add(new PlanView.Goal(g.getId(), g.getVersion(), g.getDimension(), g.getDescription(),
                        g.getDescription() == null ? null : addedBy(g), actions));
            }
            reviews = reviews(planId, goalRows);
        }
        return new PlanView(c.getId(), c.getCode(), child.initials(), fullName(child),
                child.getFamily() == null ? null : child.getFamily().getCode(),
                plan.map(WorkPlan::getId).orElse(null), plan.map(WorkPlan::getVersion).orElse(0), goals, reviews,
                programs, people, me.programId(), everyAction, today);
    }

    private List<PlanView.Review> reviews(long planId, List<PlanGoal> goals) {
        Map<Long, PlanGoal> byId = goals.stream().collect(Collectors.toMap(PlanGoal::getId, g -> g));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, reviewed_on, reviewed_by, notes FROM plan_review"
                + " WHERE plan_id = ?1 ORDER BY reviewed_on DESC, id DESC").setParameter(1, planId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> achieved = em.createNativeQuery("SELECT rg.review_id, rg.goal_id, rg.achieved FROM"
                + " plan_review_goal rg JOIN plan_review r ON r.id = rg.review_id WHERE r.plan_id = ?1"
                + " ORDER BY rg.goal_id").setParameter(1, planId).getResultList();
        List<PlanView.Review> result = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            List<PlanView.ReviewedGoal> lines = achieved.stream().filter(a -> ((Number) a[0]).longValue() == id)
                    .map(a -> {
                        PlanGoal g = byId.get(((Number) a[1]).longValue());
                        return new PlanView.ReviewedGoal(g.getId(), g.getDimension(), g.getDescription(),
                                Achievement.valueOf((String) a[2]));
                    }).toList();
            result.add(new PlanView.Review(id, SqlValues.localDate(r[1]), (String) r[2], (String) r[3], lines));
        }
        return result;
    }

    private static String fullName(Child child) {
        return child.getGivenNames() + " " + child.getPaternalSurname()
                + (child.getMaternalSurname() == null ? "" : " " + child.getMaternalSurname());
    }

    private static Long responsibleUser(PlanAction a) {
        return a.getResponsibleUserId();
    }

    private static String responsibleName(PlanAction a) {
        return a.getResponsibleName();
    }

    private static LocalDate startsOn(PlanAction a) {
        return a.getStartsOn();
    }

    private static String addedBy(PlanGoal g) {
        return g.getAddedBy();
    }
}
