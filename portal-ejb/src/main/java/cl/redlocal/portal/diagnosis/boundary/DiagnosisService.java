package cl.redlocal.portal.diagnosis.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.diagnosis.control.InstrumentReader;
import cl.redlocal.portal.diagnosis.entity.Diagnosis;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The common diagnosis of a case. Need-to-know: readable by every program involved in the case and by the
 * comuna's co-facilitators ({@link CaseAccess}); written only by professionals of involved programs. A case
 * the caller may not see has no diagnosis for them, whatever id they send, and the attempt is audited.
 * Every read and write is audited.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class DiagnosisService {

    static final String ENTITY = "DIAGNOSIS";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    @Inject
    @ConfigProperty(name = "portal.diagnosis.renewal-months", defaultValue = "6")
    int renewalMonths;

    /** What a program sees before diagnosing; empty when the case is not visible to the caller. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<StartInfo> start(long caseId) {
        CallerProfile me = caller.profile();
        Optional<String> code = visibleCase(caseId, me);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        DiagnosisVersion current = versionsOf(caseId).stream().filter(DiagnosisVersion::current).findFirst().orElse(null);
        LocalDate due = current == null ? null : clock.dayOf(current.completedAt()).plusMonths(renewalMonths);
        boolean reasonRequired = due != null && clock.today().isBefore(due);
        InstrumentView instrument = InstrumentReader.inState(em, me.comunaId(), "PUBLISHED")
                .orElseThrow(() -> new BusinessException("diagnosis.noInstrument"));
        audit.record(AuditAction.READ, ENTITY, current == null ? null : current.id(), AuditOutcome.SUCCESS,
                "caso " + caseId + ": inicio de diagnóstico");
        return Optional.of(new StartInfo(caseId, code.get(), current, reasonRequired, due, renewalMonths, instrument));
    }

    /** The case's current diagnosis, if the caller may see the case and there is one. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<DiagnosisView> current(long caseId) {
        CallerProfile me = caller.profile();
        Optional<String> code = visibleCase(caseId, me);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        List<?> ids = em.createNativeQuery("SELECT id FROM diagnosis WHERE case_id = ?1 AND state = 'CURRENT'")
                .setParameter(1, caseId).getResultList();
        if (ids.isEmpty()) {
            audit.record(AuditAction.READ, ENTITY, null, AuditOutcome.SUCCESS, "caso " + caseId + ": sin diagnóstico");
            return Optional.empty();
        }
        DiagnosisView view = view(caseId, code.get(), ((Number) ids.get(0)).longValue());
        audit.success(AuditAction.READ, ENTITY, view.id());
        return Optional.of(view);
    }

    /** One diagnosis by id (any version); empty, and audited as denied, when its case is not visible. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<DiagnosisView> find(long diagnosisId) {
        CallerProfile me = caller.profile();
        List<?> cases = em.createNativeQuery("SELECT case_id FROM diagnosis WHERE id = ?1")
                .setParameter(1, diagnosisId).getResultList();
        Optional<String> code = cases.isEmpty() ? Optional.empty()
                : visibleCase(((Number) cases.get(0)).longValue(), me);
        if (code.isEmpty()) {
            audit.denied(ENTITY, diagnosisId, "diagnóstico: sin acceso o inexistente");
            return Optional.empty();
        }
        DiagnosisView view = view(((Number) cases.get(0)).longValue(), code.get(), diagnosisId);
        audit.success(AuditAction.READ, ENTITY, diagnosisId);
        return Optional.of(view);
    }

    /** Every diagnosis of the case, newest first. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<DiagnosisVersion> versions(long caseId) {
        CallerProfile me = caller.profile();
        if (visibleCase(caseId, me).isEmpty()) {
            return List.of();
        }
        List<DiagnosisVersion> versions = versionsOf(caseId);
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, "caso " + caseId + ": " + versions.size()
                + " versiones");
        return versions;
    }

    /** A new full diagnosis: it becomes the current one and supersedes the previous (which stays readable). */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public long createFull(long caseId, @Valid FullCommand command) {
        CallerProfile me = caller.profile();
        if (visibleCase(caseId, me).isEmpty() || me.programId() == null) {
            throw new BusinessException("diagnosis.notFound");
        }
        Instant now = Instant.now();
        List<Diagnosis> currents = em.createQuery("SELECT d FROM Diagnosis d WHERE d.caseId = :c AND d.state = :s",
                        Diagnosis.class).setParameter("c", caseId).setParameter("s", Diagnosis.State.CURRENT)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Diagnosis current = currents.isEmpty() ? null : currents.get(0);
        if (current == null ? command.replacesId() != null
                : !current.getId().equals(command.replacesId()) || command.replacesVersion() == null
                  || current.getVersion() != command.replacesVersion()) {
            throw new ConcurrentEditException();
        }
        if (current != null && clock.today().isBefore(clock.dayOf(current.getCompletedAt()).plusMonths(renewalMonths))
                && (command.reason() == null || command.reason().isBlank())) {
            throw new BusinessException("diagnosis.reason.required", renewalMonths);
        }
        InstrumentView instrument = InstrumentReader.inState(em, me.comunaId(), "PUBLISHED")
                .orElseThrow(() -> new BusinessException("diagnosis.noInstrument"));
        for (DimensionView d : instrument.dimensions()) {
            for (ItemView i : d.items()) {
                Integer score = command.scores().get(i.id());
                if (score == null) {
                    throw new BusinessException("diagnosis.item.unscored", i.text());
                }
                if (score < i.scaleMin() || score > i.scaleMax()) {
                    throw new BusinessException("diagnosis.item.outOfScale", i.text());
                }
            }
        }
        int number = ((Number) em.createNativeQuery("SELECT coalesce(max(number), 0) + 1 FROM diagnosis WHERE case_id = ?1")
                .setParameter(1, caseId).getSingleResult()).intValue();
        if (current != null) {
            current.supersede(now);
            em.flush(); // the unique index allows one CURRENT per case
        }
        Diagnosis diagnosis = new Diagnosis(me.comunaId(), caseId, number, instrument.id(), me.programId(),
                me.username(), me.fullName(), blankToNull(command.reason()), blankToNull(command.summary()), now);
        em.persist(diagnosis);
        em.flush();
        for (DimensionView d : instrument.dimensions()) {
            for (ItemView i : d.items()) {
                String note = command.notes() == null ? null : blankToNull(command.notes().get(i.id()));
                em.createNativeQuery("INSERT INTO diagnosis_score (diagnosis_id, item_id, score, note) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, diagnosis.getId()).setParameter(2, i.id())
                        .setParameter(3, command.scores().get(i.id())).setParameter(4, note).executeUpdate();
            }
        }
        audit.record(AuditAction.CREATE, ENTITY, diagnosis.getId(), AuditOutcome.SUCCESS, "caso " + caseId
                + ", versión " + number + (current == null ? "" : ", reemplaza la versión " + current.getNumber()));
        return diagnosis.getId();
    }

    /** A complementary section of the caller's program on the current diagnosis. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public long complement(long caseId, @Valid ComplementCommand command) {
        CallerProfile me = caller.profile();
        if (visibleCase(caseId, me).isEmpty() || me.programId() == null) {
            throw new BusinessException("diagnosis.notFound");
        }
        Diagnosis diagnosis = em.find(Diagnosis.class, command.diagnosisId());
        if (diagnosis == null || diagnosis.getCaseId() != caseId) {
            audit.denied(ENTITY, command.diagnosisId(), "complemento: diagnóstico de otro caso o inexistente");
            throw new BusinessException("diagnosis.notFound");
        }
        if (diagnosis.getVersion() != command.expectedVersion() || diagnosis.getState() != Diagnosis.State.CURRENT) {
            throw new ConcurrentEditException();
        }
        List<ComplementCommand.Line> lines = command.lines().stream().filter(l -> !l.blank()).toList();
        if (lines.isEmpty() && (command.summary() == null || command.summary().isBlank())) {
            throw new BusinessException("diagnosis.complement.empty");
        }
        Map<String, Long> dimensions = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("SELECT code, id FROM diagnosis_dimension WHERE instrument_id = ?1")
                .setParameter(1, diagnosis.getInstrumentId()).getResultList())) {
            dimensions.put((String) r[0], ((Number) r[1]).longValue());
        }
        for (ComplementCommand.Line line : lines) {
            if (!dimensions.containsKey(line.dimensionCode())) {
                throw new BusinessException("diagnosis.notFound");
            }
            if (line.text() == null || line.text().isBlank()) {
                throw new BusinessException("diagnosis.complement.text.required");
            }
            if (line.score() != null && (line.score() < 1 || line.score() > 4)) {
                throw new BusinessException("diagnosis.item.outOfScale", line.text());
            }
        }
        em.lock(diagnosis, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        long id = ((Number) em.createNativeQuery("INSERT INTO diagnosis_complement (diagnosis_id, program_id, author,"
                        + " author_name, summary) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id")
                .setParameter(1, diagnosis.getId()).setParameter(2, me.programId()).setParameter(3, me.username())
                .setParameter(4, me.fullName()).setParameter(5, blankToNull(command.summary())).getSingleResult()).longValue();
        for (ComplementCommand.Line line : lines) {
            em.createNativeQuery("INSERT INTO diagnosis_complement_entry (complement_id, dimension_id, text, score, note)"
                            + " VALUES (?1, ?2, ?3, CAST(?4 AS INTEGER), ?5)")
                    .setParameter(1, id).setParameter(2, dimensions.get(line.dimensionCode()))
                    .setParameter(3, line.text().trim()).setParameter(4, line.score())
                    .setParameter(5, blankToNull(line.note())).executeUpdate();
        }
        audit.record(AuditAction.UPDATE, ENTITY, diagnosis.getId(), AuditOutcome.SUCCESS, "complemento " + id + " de "
                + me.programAcronym() + ", " + lines.size() + " ítems");
        return id;
    }

    /** Two versions of the case's diagnosis compared per dimension and item. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<Comparison> compare(long caseId, long beforeId, long afterId) {
        CallerProfile me = caller.profile();
        if (visibleCase(caseId, me).isEmpty()) {
            return Optional.empty();
        }
        List<DiagnosisVersion> versions = versionsOf(caseId);
        DiagnosisVersion before = versions.stream().filter(v -> v.id() == beforeId).findFirst().orElse(null);
        DiagnosisVersion after = versions.stream().filter(v -> v.id() == afterId).findFirst().orElse(null);
        if (before == null || after == null) {
            audit.denied(ENTITY, beforeId + "/" + afterId, "comparación: versión de otro caso o inexistente");
            return Optional.empty();
        }
        Map<String, Object[]> a = scoreRows(beforeId);
        Map<String, Object[]> b = scoreRows(afterId);
        Map<String, String> dimensionNames = new LinkedHashMap<>();
        Map<String, int[]> sums = new LinkedHashMap<>(); // code -> before sum, before n, after sum, after n
        List<Comparison.ItemChange> items = new ArrayList<>();
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        keys.sort((x, y) -> {
            Object[] rx = a.getOrDefault(x, b.get(x));
            Object[] ry = a.getOrDefault(y, b.get(y));
            int c = Integer.compare(((Number) rx[5]).intValue(), ((Number) ry[5]).intValue());
            return c != 0 ? c : Integer.compare(((Number) rx[2]).intValue(), ((Number) ry[2]).intValue());
        });
        for (String key : keys) {
            Object[] ra = a.get(key);
            Object[] rb = b.get(key);
            Object[] any = ra != null ? ra : rb;
            String code = (String) any[0];
            dimensionNames.putIfAbsent(code, (String) (rb != null ? rb : ra)[1]);
            int[] s = sums.computeIfAbsent(code, k -> new int[4]);
            Integer sa = ra == null ? null : ((Number) ra[4]).intValue();
            Integer sb = rb == null ? null : ((Number) rb[4]).intValue();
            if (sa != null) {
                s[0] += sa;
                s[1]++;
            }
            if (sb != null) {
                s[2] += sb;
                s[3]++;
            }
            if (sa == null || !sa.equals(sb)) {
                items.add(new Comparison.ItemChange((String) any[1], (String) (rb != null ? rb : ra)[3], sa, sb));
            }
        }
        List<Comparison.DimensionChange> dims = new ArrayList<>();
        sums.forEach((code, s) -> dims.add(new Comparison.DimensionChange(code, dimensionNames.get(code),
                average(s[0], s[1]), average(s[2], s[3]))));
        audit.record(AuditAction.READ, ENTITY, beforeId + "/" + afterId, AuditOutcome.SUCCESS, "comparación caso " + caseId);
        return Optional.of(new Comparison(before, after, dims, items));
    }

    // --- helpers ---

    /** The case code when the caller may see the case (need-to-know in the query); audited as denied if not. */
    private Optional<String> visibleCase(long caseId, CallerProfile me) {
        TypedQuery<String> q = em.createQuery("SELECT c.code FROM CaseFile c WHERE c.id = :id AND "
                + CaseAccess.condition(me), String.class).setParameter("id", caseId);
        CaseAccess.bind(q, me);
        List<String> found = q.getResultList();
        if (found.isEmpty()) {
            audit.denied("CASE", caseId, "diagnóstico: sin acceso o inexistente");
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    private List<DiagnosisVersion> versionsOf(long caseId) {
        List<DiagnosisVersion> result = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("SELECT d.id, d.number, d.state, p.acronym, d.author_name,"
                        + " d.completed_at, i.number, d.version FROM diagnosis d JOIN program p ON p.id = d.program_id"
                        + " JOIN diagnosis_instrument i ON i.id = d.instrument_id WHERE d.case_id = ?1 ORDER BY d.number DESC")
                .setParameter(1, caseId).getResultList())) {
            result.add(new DiagnosisVersion(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3], (String) r[4], SqlValues.instant(r[5]), ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue()));
        }
        return result;
    }

    private DiagnosisView view(long caseId, String caseCode, long diagnosisId) {
        DiagnosisVersion facts = versionsOf(caseId).stream().filter(v -> v.id() == diagnosisId).findFirst().orElseThrow();
        Object[] head = (Object[]) em.createNativeQuery("SELECT instrument_id, reason, summary FROM diagnosis WHERE id = ?1")
                .setParameter(1, diagnosisId).getSingleResult();
        InstrumentView instrument = InstrumentReader.load(em, ((Number) head[0]).longValue());
        Map<Long, Integer> scores = new HashMap<>();
        Map<Long, String> notes = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("SELECT item_id, score, note FROM diagnosis_score WHERE diagnosis_id = ?1")
                .setParameter(1, diagnosisId).getResultList())) {
            scores.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue());
            if (r[2] != null) {
                notes.put(((Number) r[0]).longValue(), (String) r[2]);
            }
        }
        List<DimensionScore> dimensions = new ArrayList<>();
        for (DimensionView d : instrument.dimensions()) {
            int sum = 0;
            int n = 0;
            for (ItemView i : d.items()) {
                Integer s = scores.get(i.id());
                if (s != null) {
                    sum += s;
                    n++;
                }
            }
            dimensions.add(new DimensionScore(d.code(), d.name(), average(sum, n), n));
        }
        Map<Long, ComplementView> complements = new LinkedHashMap<>();
        Map<Long, List<ComplementView.Entry>> entries = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("SELECT c.id, p.acronym, c.author_name, c.created_at, c.summary,"
                        + " dd.code, dd.name, e.text, e.score, e.note FROM diagnosis_complement c"
                        + " JOIN program p ON p.id = c.program_id LEFT JOIN diagnosis_complement_entry e ON e.complement_id = c.id"
                        + " LEFT JOIN diagnosis_dimension dd ON dd.id = e.dimension_id WHERE c.diagnosis_id = ?1"
                        + " ORDER BY c.created_at, c.id, dd.position, e.id")
                .setParameter(1, diagnosisId).getResultList())) {
            long id = ((Number) r[0]).longValue();
            List<ComplementView.Entry> list = entries.computeIfAbsent(id, k -> new ArrayList<>());
            complements.putIfAbsent(id, new ComplementView(id, (String) r[1], (String) r[2], SqlValues.instant(r[3]),
                    (String) r[4], list));
            if (r[5] != null) {
                list.add(new ComplementView.Entry((String) r[5], (String) r[6], (String) r[7],
                        r[8] == null ? null : ((Number) r[8]).intValue(), (String) r[9]));
            }
        }
        return new DiagnosisView(caseId, caseCode, facts, (String) head[1], (String) head[2], instrument, scores, notes,
                dimensions, List.copyOf(complements.values()));
    }

    /** key "CODE#position" -> code, dimension name, item position, item text, score, dimension position. */
    private Map<String, Object[]> scoreRows(long diagnosisId) {
        Map<String, Object[]> result = new LinkedHashMap<>();
        for (Object[] r : rows(em.createNativeQuery("SELECT d.code, d.name, i.position, i.text, s.score, d.position"
                        + " FROM diagnosis_score s JOIN diagnosis_item i ON i.id = s.item_id"
                        + " JOIN diagnosis_dimension d ON d.id = i.dimension_id WHERE s.diagnosis_id = ?1")
                .setParameter(1, diagnosisId).getResultList())) {
            result.put(r[0] + "#" + r[2], r);
        }
        return result;
    }

    static BigDecimal average(int sum, int n) {
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> list) {
        return (List<Object[]>) list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
