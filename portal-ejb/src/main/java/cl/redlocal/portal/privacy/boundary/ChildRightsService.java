package cl.redlocal.portal.privacy.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.notify.Notifier;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.privacy.control.ChildRecordQuery;
import cl.redlocal.portal.privacy.entity.ChildBlock;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A child's rights of access, portability and blocking. Every action names one of the child's cases and
 * states a reason; who may act is who holds the case: the comuna's co-facilitators, and the professionals of
 * a program that holds or held a stay in one of the child's cases (a program that only sent or received a
 * referral may not export). The administrator may block and unblock in their comuna (no case data shown).
 * A blocked record leaves every list and read (CaseAccess); here it can be read only with a legal reason,
 * each read audited and told to the comuna's administrators. Refusals are audited as DENIED.
 */
@Stateless
public class ChildRightsService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    ChildRecordQuery records;

    @Inject
    Notifier notifier;

    @Inject
    cl.redlocal.portal.privacy.control.AccessReportQuery accessReport;

    /**
     * Who read or changed the child's record (from the audit trail), for the data subject's request and the
     * data protection officer; the same holders as the export; the report is itself audited.
     */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<List<AccessRow>> accessReport(long caseId) {
        Optional<CaseFile> held = holding(caseId, "informe de accesos del NNA");
        if (held.isEmpty()) {
            return Optional.empty();
        }
        long childId = held.get().getChild().getId();
        List<AccessRow> rows = accessReport.of(childId);
        audit.record(AuditAction.READ, "CHILD", childId, AuditOutcome.SUCCESS,
                "informe de accesos, caso " + held.get().getCode() + ": " + rows.size() + " filas");
        return Optional.of(rows);
    }

    /** The child's whole record as JSON, with the reason recorded; empty (and audited) when refused. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<ChildExport> export(long caseId, @NotNull @Valid ReasonForm form) {
        Optional<CaseFile> held = holding(caseId, "exportación de datos del NNA");
        if (held.isEmpty()) {
            return Optional.empty();
        }
        long childId = held.get().getChild().getId();
        if (blockOf(childId).isPresent()) {
            throw new BusinessException("privacy.export.blocked");
        }
        ChildExport export = document(held.get(), form.reason());
        audit.record(AuditAction.EXPORT, "CHILD", childId, AuditOutcome.SUCCESS,
                "exportación (acceso y portabilidad), caso " + held.get().getCode() + "; motivo: " + form.reason().strip());
        return Optional.of(export);
    }

    /**
     * Reads a blocked record (break-glass): only who holds the case, only with a legal reason, every read
     * audited and told to the comuna's administrators. Empty when refused or when the record is not blocked
     * (then the ordinary pages read it).
     */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<ChildExport> readBlocked(long caseId, @NotNull @Valid ReasonForm form) {
        Optional<CaseFile> held = holding(caseId, "lectura de registro bloqueado");
        if (held.isEmpty()) {
            return Optional.empty();
        }
        CaseFile c = held.get();
        long childId = c.getChild().getId();
        if (blockOf(childId).isEmpty()) {
            return Optional.empty();
        }
        ChildExport record = document(c, form.reason());
        CallerProfile me = caller.profile();
        audit.record(AuditAction.READ, "CHILD", childId, AuditOutcome.SUCCESS,
                "lectura de registro bloqueado, caso " + c.getCode() + "; motivo legal: " + form.reason().strip());
        notifier.toAdministrators(c.getComuna().getId(), new Notifier.Notice(
                "Lectura de un registro bloqueado: caso " + c.getCode() + " por " + me.username() + ".",
                "/privacy/blocked.xhtml", "Red Local: lectura de un registro bloqueado",
                "Se leyó el registro bloqueado del caso " + c.getCode() + ".\nUsuario: " + me.username()
                        + "\nMotivo legal declarado: " + form.reason().strip()
                        + "\n\nRevise el registro de auditoría del portal."));
        return Optional.of(record);
    }

    /** Blocks the record of the case's child with a reason; refused (audited) for who does not hold it. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.ADMIN})
    public void block(long caseId, @NotNull @Valid ReasonForm form) {
        Optional<CaseFile> found = blocker(caseId, "bloqueo del registro del NNA");
        if (found.isEmpty()) {
            throw new BusinessException("privacy.refused");
        }
        CaseFile c = found.get();
        long childId = c.getChild().getId();
        if (blockOf(childId).isPresent()) {
            throw new BusinessException("privacy.block.already");
        }
        em.persist(new ChildBlock(c.getComuna().getId(), childId, caller.profile().username(), Instant.now(),
                form.reason()));
        em.flush();
        audit.record(AuditAction.UPDATE, "CHILD", childId, AuditOutcome.SUCCESS,
                "bloqueo del registro, caso " + c.getCode() + "; motivo: " + form.reason().strip());
    }

    /** Lifts the block in force of the case's child, with a reason; the block stays in the history. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.ADMIN})
    public void unblock(long caseId, @NotNull @Valid ReasonForm form) {
        Optional<CaseFile> found = blocker(caseId, "desbloqueo del registro del NNA");
        if (found.isEmpty()) {
            throw new BusinessException("privacy.refused");
        }
        long childId = found.get().getChild().getId();
        ChildBlock block = blockOf(childId).orElseThrow(() -> new BusinessException("privacy.block.none"));
        block.lift(caller.profile().username(), Instant.now(), form.reason());
        audit.record(AuditAction.UPDATE, "CHILD", childId, AuditOutcome.SUCCESS,
                "desbloqueo del registro, caso " + found.get().getCode() + "; motivo: " + form.reason().strip());
    }

    /**
     * Whether the child of a case the caller holds (the administrator: of their comuna) is blocked now; false
     * for a case the caller may not act on.
     */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL, Role.Names.ADMIN})
    public boolean blocked(long caseId) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> found = me.role() == Role.ADMIN
                ? em.createQuery("SELECT c FROM CaseFile c JOIN FETCH c.child WHERE c.id = :id AND c.comuna.id = :comuna",
                        CaseFile.class).setParameter("id", caseId).setParameter("comuna", me.comunaId())
                .getResultStream().findFirst()
                : CaseAccess.entitledCase(em, me, caseId);
        return found.isPresent() && blockOf(found.get().getChild().getId()).isPresent();
    }

    /**
     * The blocks of the caller's comuna, in force first, then lifted (the history), newest first; case codes
     * and initials only. One statement.
     */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.ADMIN})
    public List<BlockRow> blocks() {
        CallerProfile me = caller.profile();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT b.id, b.child_id,"
                        + " (SELECT string_agg(c.code, ', ' ORDER BY c.code) FROM case_file c WHERE c.child_id = b.child_id),"
                        + " upper(left(ch.given_names, 1) || left(ch.paternal_surname, 1) || COALESCE(left(ch.maternal_surname, 1), '')),"
                        + " b.blocked_at, b.blocked_by, b.reason, b.lifted_at, b.lifted_by, b.lift_reason"
                        + " FROM child_block b JOIN child ch ON ch.id = b.child_id WHERE b.comuna_id = ?1"
                        + " ORDER BY b.lifted_at IS NOT NULL, b.blocked_at DESC, b.id DESC LIMIT 500")
                .setParameter(1, me.comunaId()).getResultList();
        List<BlockRow> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new BlockRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    (String) r[3], cl.redlocal.portal.platform.SqlValues.instant(r[4]), (String) r[5], (String) r[6],
                    cl.redlocal.portal.platform.SqlValues.instant(r[7]), (String) r[8], (String) r[9]));
        }
        audit.record(AuditAction.LIST, "CHILD_BLOCK", null, AuditOutcome.SUCCESS, result.size() + " bloqueos");
        return result;
    }

    /** The case the caller holds (see the class comment) even while blocked; the refusal audited otherwise. */
    private Optional<CaseFile> holding(long caseId, String what) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> found = CaseAccess.entitledCase(em, me, caseId);
        if (found.isPresent() && me.role() == Role.PROFESIONAL && ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM case_involvement i JOIN case_file c ON c.id = i.case_id"
                                + " WHERE c.child_id = ?1 AND i.program_id = ?2")
                .setParameter(1, found.get().getChild().getId()).setParameter(2, me.programId())
                .getSingleResult()).longValue() == 0) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            audit.denied("CASE", caseId, what + ": sin acceso");
        }
        return found;
    }

    /** A co-facilitator's case (even blocked), or for the administrator any case of their comuna. */
    private Optional<CaseFile> blocker(long caseId, String what) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> found = me.role() == Role.ADMIN
                ? em.createQuery("SELECT c FROM CaseFile c JOIN FETCH c.child WHERE c.id = :id AND c.comuna.id = :comuna",
                        CaseFile.class).setParameter("id", caseId).setParameter("comuna", me.comunaId())
                .getResultStream().findFirst()
                : CaseAccess.entitledCase(em, me, caseId);
        if (found.isEmpty()) {
            audit.denied("CASE", caseId, what + ": sin acceso");
        }
        return found;
    }

    private Optional<ChildBlock> blockOf(long childId) {
        return em.createQuery("SELECT b FROM ChildBlock b WHERE b.childId = :child AND b.liftedAt IS NULL",
                ChildBlock.class).setParameter("child", childId).getResultStream().findFirst();
    }

    private ChildExport document(CaseFile c, String reason) {
        Instant now = Instant.now();
        String sections = records.sections(c.getChild().getId());
        String json = "{\"format\":\"" + ChildRecordQuery.FORMAT + "\",\"generatedAt\":\"" + now + "\",\"generatedBy\":"
                + Json.createValue(caller.profile().username()) + ",\"reason\":" + Json.createValue(reason.strip())
                + "," + sections.substring(1);
        return new ChildExport(c.getChild().getId(), c.getCode(), now, json);
    }
}
