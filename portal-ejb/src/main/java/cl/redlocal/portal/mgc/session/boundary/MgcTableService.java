package cl.redlocal.portal.mgc.session.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.mgc.session.control.MgcTenancy;
import cl.redlocal.portal.mgc.session.entity.MgcMember;
import cl.redlocal.portal.mgc.session.entity.MgcTable;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The comuna's tables and their members. Co-facilitators edit their own comuna's; the coordinator,
 * professionals and the territorial manager (for the comunas they support) read. A table of another
 * comuna does not exist for the caller, and the attempt is audited.
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
public class MgcTableService {

    static final String TABLE = "MGC_TABLE";
    static final String MEMBER = "MGC_MEMBER";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public List<TableRow> tables() {
        CallerProfile me = caller.profile();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.id, t.comuna_id, co.name, t.name, t.territory,"
                        + " (SELECT count(*) FROM mgc_member m WHERE m.table_id = t.id AND m.left_on IS NULL), t.version"
                        + " FROM mgc_table t JOIN comuna co ON co.id = t.comuna_id"
                        + " WHERE t.comuna_id = ANY (CAST(?1 AS BIGINT[])) ORDER BY co.name, t.name")
                .setParameter(1, MgcTenancy.array(MgcTenancy.readable(me))).getResultList();
        return rows.stream().map(r -> row(me, r)).toList();
    }

    public Optional<TableRow> table(long id) {
        return tables().stream().filter(t -> t.id() == id).findFirst().or(() -> {
            audit.denied(TABLE, id, "mesa de otra comuna o inexistente");
            return Optional.empty();
        });
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public long saveTable(@NotNull @Valid TableForm form) {
        CallerProfile me = caller.profile();
        String name = form.getName().trim();
        Long clash = em.createQuery("SELECT t.id FROM MgcTable t WHERE t.comunaId = :c AND LOWER(t.name) = :n", Long.class)
                .setParameter("c", me.comunaId()).setParameter("n", name.toLowerCase()).getResultList().stream()
                .findFirst().orElse(null);
        if (clash != null && !clash.equals(form.getId())) {
            throw new BusinessException("mgc.table.nameTaken", name);
        }
        if (form.getId() == null) {
            MgcTable table = new MgcTable(me.comunaId(), name, form.getTerritory(), me.username());
            em.persist(table);
            em.flush();
            audit.record(AuditAction.CREATE, TABLE, table.getId(), AuditOutcome.SUCCESS, name);
            return table.getId();
        }
        MgcTable table = editableTable(form.getId());
        if (table.getVersion() != form.getVersion()) {
            throw new ConcurrentEditException();
        }
        table.rename(name, form.getTerritory());
        audit.record(AuditAction.UPDATE, TABLE, table.getId(), AuditOutcome.SUCCESS, name);
        return table.getId();
    }

    /** The members of a table, present first then those who left; empty for a table the caller may not read. */
    public List<MemberRow> members(long tableId) {
        if (table(tableId).isEmpty()) {
            return List.of();
        }
        return memberRows(em, tableId);
    }

    /** The members of a table without any check: for the services of this package, after their own. */
    static List<MemberRow> memberRows(EntityManager em, long tableId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT m.id, m.table_id, m.kind, m.institution, m.person_name,"
                        + " m.email, m.user_id, u.username, m.program_id, p.acronym, m.joined_on, m.left_on, m.version"
                        + " FROM mgc_member m LEFT JOIN app_user u ON u.id = m.user_id"
                        + " LEFT JOIN program p ON p.id = m.program_id WHERE m.table_id = ?1"
                        + " ORDER BY (m.left_on IS NOT NULL), m.kind DESC, m.institution, m.person_name")
                .setParameter(1, tableId).getResultList();
        return rows.stream().map(r -> new MemberRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], r[6] == null ? null : ((Number) r[6]).longValue(),
                (String) r[7], r[8] == null ? null : ((Number) r[8]).longValue(), (String) r[9], date(r[10]), date(r[11]),
                ((Number) r[12]).intValue())).toList();
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public long saveMember(@NotNull @Valid MemberForm form) {
        CallerProfile me = caller.profile();
        checkLinks(me, form.getUserId(), form.getProgramId());
        if (form.getId() == null) {
            MgcTable table = editableTable(form.getTableId() == null ? -1 : form.getTableId());
            MgcMember member = new MgcMember(table.getId(), form.getKind(), form.getInstitution(), form.getPersonName(),
                    form.getEmail(), form.getUserId(), form.getProgramId(), form.getJoinedOn(), me.username());
            em.persist(member);
            em.flush();
            audit.record(AuditAction.CREATE, MEMBER, member.getId(), AuditOutcome.SUCCESS,
                    member.getKind() + " " + member.getInstitution());
            return member.getId();
        }
        MgcMember member = editableMember(form.getId(), form.getVersion());
        if (member.getLeftOn() != null && form.getJoinedOn().isAfter(member.getLeftOn())) {
            throw new BusinessException("mgc.member.joinedAfterLeft");
        }
        member.update(form.getKind(), form.getInstitution(), form.getPersonName(), form.getEmail(), form.getUserId(),
                form.getProgramId(), form.getJoinedOn());
        audit.record(AuditAction.UPDATE, MEMBER, member.getId(), AuditOutcome.SUCCESS, member.getInstitution());
        return member.getId();
    }

    /** The member leaves on that day; the row stays so earlier sessions keep who was a member. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void leave(long memberId, int version, LocalDate on) {
        if (on == null) {
            throw new BusinessException("mgc.member.leftOn.required");
        }
        MgcMember member = editableMember(memberId, version);
        if (member.getLeftOn() != null) {
            throw new BusinessException("mgc.member.alreadyLeft");
        }
        if (on.isBefore(member.getJoinedOn())) {
            throw new BusinessException("mgc.member.leftBeforeJoined");
        }
        member.leave(on);
        audit.record(AuditAction.UPDATE, MEMBER, memberId, AuditOutcome.SUCCESS, "deja la mesa el " + on);
    }

    public void exported(long tableId, String format) {
        audit.record(AuditAction.EXPORT, MEMBER, tableId, AuditOutcome.SUCCESS, "integrantes de la mesa (" + format + ")");
    }

    /** Portal users and programs a co-facilitator may link a member to: of their own comuna. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<Option> users() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, full_name || ' (' || username || ')' FROM app_user"
                        + " WHERE comuna_id = ?1 AND role <> 'ADMIN' ORDER BY full_name")
                .setParameter(1, caller.profile().comunaId()).getResultList();
        return rows.stream().map(r -> new Option(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<Option> programs() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, acronym || ' – ' || name FROM program"
                        + " WHERE comuna_id = ?1 ORDER BY acronym")
                .setParameter(1, caller.profile().comunaId()).getResultList();
        return rows.stream().map(r -> new Option(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /** A choice in a form. */
    public record Option(long id, String label) implements java.io.Serializable {
    }

    private void checkLinks(CallerProfile me, Long userId, Long programId) {
        if (userId != null && ((Number) em.createNativeQuery("SELECT count(*) FROM app_user WHERE id = ?1 AND comuna_id = ?2")
                .setParameter(1, userId).setParameter(2, me.comunaId()).getSingleResult()).longValue() == 0) {
            throw new BusinessException("mgc.member.userUnknown");
        }
        if (programId != null && ((Number) em.createNativeQuery("SELECT count(*) FROM program WHERE id = ?1 AND comuna_id = ?2")
                .setParameter(1, programId).setParameter(2, me.comunaId()).getSingleResult()).longValue() == 0) {
            throw new BusinessException("mgc.member.programUnknown");
        }
    }

    /** The table when the caller edits it (a co-facilitator of its comuna); otherwise an audited "not found". */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public MgcTable editableTable(long id) {
        CallerProfile me = caller.profile();
        MgcTable table = em.find(MgcTable.class, id);
        if (table == null || !MgcTenancy.edits(me, table.getComunaId())) {
            audit.denied(TABLE, id, "edición de una mesa de otra comuna o inexistente");
            throw new BusinessException("mgc.table.notFound");
        }
        return table;
    }

    private MgcMember editableMember(long id, int version) {
        MgcMember member = em.find(MgcMember.class, id);
        if (member == null) {
            audit.denied(MEMBER, id, "integrante inexistente");
            throw new BusinessException("mgc.member.notFound");
        }
        MgcTable table = em.find(MgcTable.class, member.getTableId());
        if (!MgcTenancy.edits(caller.profile(), table.getComunaId())) {
            audit.denied(MEMBER, id, "integrante de una mesa de otra comuna");
            throw new BusinessException("mgc.member.notFound");
        }
        if (member.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return member;
    }

    private static TableRow row(CallerProfile me, Object[] r) {
        long comuna = ((Number) r[1]).longValue();
        return new TableRow(((Number) r[0]).longValue(), comuna, (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).longValue(), ((Number) r[6]).intValue(), MgcTenancy.edits(me, comuna));
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
