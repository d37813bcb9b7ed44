package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.Intakes;
import cl.redlocal.portal.cases.control.PoliceListCsv;
import cl.redlocal.portal.cases.entity.AccessMode;
import cl.redlocal.portal.cases.entity.AccessSource;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.cases.entity.ChildNames;
import cl.redlocal.portal.offer.boundary.ImportProblem;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.territory.Comuna;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The police 24 Horas list into the caller's program (docs/import-24horas.md). A preview says what every row
 * will do; the import does it all in one transaction or nothing: a file with any wrong row imports nothing, and
 * a row that fares differently than in the preview (somebody registered the child meanwhile) rolls everything
 * back. Each row becomes an access request (referral from the police list) pending admissibility, tagged with
 * the batch id. The lists are small (tens of rows), so the import runs in the request, synchronously.
 */
@Stateless
@RolesAllowed(Role.Names.PROFESIONAL)
public class Import24hService {

    public static final long MAX_BYTES = 2L * 1024 * 1024;
    static final String NO_RUN_REASON = "Sin RUN en la lista 24 Horas";
    static final String UNKNOWN_NATIONALITY = "No informada";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Intakes intakes;

    @Inject
    PortalClock clock;

    @Inject
    AuditLog audit;

    public Import24hPreview preview(String fileName, @NotNull byte[] content) {
        CallerProfile me = caller.profile();
        List<Import24hRow> rows = check(me.comunaId(), read(content));
        audit.record(AuditAction.READ, "IMPORT_24H_PREVIEW", null, AuditOutcome.SUCCESS,
                rows.size() + " filas; archivo " + name(fileName));
        return new Import24hPreview(name(fileName), rows);
    }

    /**
     * Imports the file whose preview the person saw ({@code expected}: each row's outcome then). Everything or
     * nothing.
     */
    public Import24hResult importAll(String fileName, @NotNull byte[] content, @NotNull List<Import24hRow.Outcome> expected) {
        CallerProfile me = caller.profile();
        List<PoliceListCsv.Row> rows = read(content);
        List<Import24hRow> checked = check(me.comunaId(), rows);
        for (Import24hRow r : checked) {
            if (!r.valid()) {
                ImportProblem p = r.problems().get(0);
                throw new BusinessException("import24h.failed.row", r.row(), p.key(), p.arguments());
            }
        }
        if (expected.size() != checked.size()) {
            throw new BusinessException("import24h.failed.changed", checked.size());
        }
        for (int i = 0; i < checked.size(); i++) {
            if (checked.get(i).outcome() != expected.get(i)) {
                throw new BusinessException("import24h.failed.changed", checked.get(i).row());
            }
        }
        Comuna comuna = em.find(Comuna.class, me.comunaId());
        Program program = em.find(Program.class, me.programId());
        String batch = "24H-" + clock.today().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Map<Integer, Child> childOfRow = new HashMap<>();
        int newChildren = 0;
        int newCases = 0;
        for (int i = 0; i < rows.size(); i++) {
            PoliceListCsv.Row row = rows.get(i);
            Import24hRow verdict = checked.get(i);
            Child child = switch (verdict.outcome()) {
                case MATCHED_RUN, MATCHED_NAMES -> em.find(Child.class, matchOf(me.comunaId(), row).getId());
                case SAME_AS_ROW -> childOfRow.get(verdict.sameAsRow());
                default -> {
                    newChildren++;
                    yield intakes.register(comuna, childForm(row), null);
                }
            };
            childOfRow.put(row.row(), child);
            Intakes.CaseOf caseOf = intakes.openCaseOf(child);
            if (caseOf.opened()) {
                newCases++;
            }
            CaseFile caseFile = caseOf.caseFile();
            intakes.request(caseFile, program, new AccessForm(AccessMode.REFERRAL,
                    AccessSource.POLICE_24H, row.policeUnit(), row.procedureDate(), row.reason(), row.policeUnit(),
                    false, List.of()), me.username(), batch);
        }
        audit.record(AuditAction.CREATE, "IMPORT_24H", batch, AuditOutcome.SUCCESS,
                rows.size() + " solicitudes, " + newChildren + " NNA nuevos; archivo " + name(fileName));
        return new Import24hResult(batch, rows.size(), newChildren, newCases);
    }

    /** The preview's outcomes were exported (they name cases by code and initials): audited like any case list. */
    public void exported(String fileName, String format, int rows) {
        audit.record(AuditAction.EXPORT, "IMPORT_24H_PREVIEW", null, AuditOutcome.SUCCESS,
                rows + " filas en " + format + "; archivo " + name(fileName));
    }

    private List<PoliceListCsv.Row> read(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new BusinessException("import24h.file.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        return PoliceListCsv.read(content, clock.today());
    }

    /** Each row's verdict against the comuna's registry and the rows before it. */
    private List<Import24hRow> check(long comunaId, List<PoliceListCsv.Row> rows) {
        List<Import24hRow> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (PoliceListCsv.Row row : rows) {
            String initials = Child.initialsOf(row.givenNames(), row.paternalSurname(), row.maternalSurname());
            if (!row.valid()) {
                result.add(new Import24hRow(row.row(), initials, row.birthDate(), row.procedureDate(),
                        Import24hRow.Outcome.ERROR, null, null, row.problems(), row.notes()));
                continue;
            }
            String byRun = row.run() == null ? null : "run:" + row.run();
            String byName = "name:" + row.nameKey() + "|" + row.birthDate();
            Integer earlier = byRun != null && seen.containsKey(byRun) ? seen.get(byRun) : seen.get(byName);
            if (earlier != null) {
                result.add(new Import24hRow(row.row(), initials, row.birthDate(), row.procedureDate(),
                        Import24hRow.Outcome.SAME_AS_ROW, null, earlier, List.of(), row.notes()));
                continue;
            }
            if (byRun != null) {
                seen.put(byRun, row.row());
            }
            seen.putIfAbsent(byName, row.row());
            Child match = matchOf(comunaId, row);
            if (match == null) {
                result.add(new Import24hRow(row.row(), initials, row.birthDate(), row.procedureDate(),
                        Import24hRow.Outcome.NEW_CHILD, null, null, List.of(), row.notes()));
            } else {
                String code = em.createQuery("SELECT c.code FROM CaseFile c WHERE c.child = :ch ORDER BY"
                                + " CASE WHEN c.status = cl.redlocal.portal.cases.entity.CaseStatus.OPEN THEN 0 ELSE 1 END,"
                                + " c.openedOn DESC", String.class).setParameter("ch", match).setMaxResults(1)
                        .getResultList().stream().findFirst().orElse(null);
                result.add(new Import24hRow(row.row(), match.initials(), row.birthDate(), row.procedureDate(),
                        row.run() != null && row.run().equals(match.getRun()) ? Import24hRow.Outcome.MATCHED_RUN
                                : Import24hRow.Outcome.MATCHED_NAMES, code, null, List.of(), row.notes()));
            }
        }
        return result;
    }

    /**
     * The registered child a row is: by RUN; otherwise by the same names (folded) and birth date, when exactly
     * one child without a different RUN has them. A typo is not matched automatically: that is a new child.
     */
    private Child matchOf(long comunaId, PoliceListCsv.Row row) {
        if (row.run() != null) {
            List<Child> byRun = em.createQuery("SELECT ch FROM Child ch WHERE ch.comuna.id = :c AND ch.run = :r",
                    Child.class).setParameter("c", comunaId).setParameter("r", row.run()).getResultList();
            if (!byRun.isEmpty()) {
                return byRun.get(0);
            }
        }
        // a row with a RUN nobody has is not a registered child with another RUN; names are compared folded here
        // (not on the stored key), so children registered before name_key existed match as well
        String key = row.nameKey();
        List<Child> byName = em.createQuery("SELECT ch FROM Child ch WHERE ch.comuna.id = :c AND ch.birthDate = :b"
                        + (row.run() == null ? "" : " AND ch.run IS NULL"), Child.class)
                .setParameter("c", comunaId).setParameter("b", row.birthDate()).getResultList().stream()
                .filter(ch -> ChildNames.key(ch.getGivenNames(), ch.getPaternalSurname(), ch.getMaternalSurname())
                        .equals(key)).toList();
        return byName.size() == 1 ? byName.get(0) : null;
    }

    private static ChildForm childForm(PoliceListCsv.Row row) {
        return new ChildForm(row.run() == null, row.run(), row.run() == null ? NO_RUN_REASON : null, null,
                row.givenNames(), row.paternalSurname(), row.maternalSurname(), null, row.birthDate(), row.sex(), null,
                UNKNOWN_NATIONALITY, row.address(), row.sector(), null);
    }

    private static String name(String fileName) {
        return fileName == null || fileName.isBlank() ? "archivo.csv"
                : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    }

}
