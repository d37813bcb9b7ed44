package cl.redlocal.portal.waiting.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.waiting.entity.PriorityCriterion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The weights of the unified priority of the caller's comuna. Everyone who works with waiting lists reads
 * them (the explanation of every score quotes them); only the coordinator changes them. The view
 * {@code waiting_priority} computes on read, so a change reorders every list of the comuna at once.
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class PriorityService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<WeightRow> weights() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT criterion, weight, version, updated_by, updated_at"
                        + " FROM priority_weight WHERE comuna_id = ?1")
                .setParameter(1, caller.profile().comunaId()).getResultList();
        return rows.stream().map(r -> new WeightRow(PriorityCriterion.valueOf((String) r[0]), (BigDecimal) r[1],
                        ((Number) r[2]).intValue(), (String) r[3], SqlValues.instant(r[4])))
                .sorted(Comparator.comparing(WeightRow::criterion)).toList();
    }

    /** Whether the caller may change the weights (the coordinator). */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public boolean editable() {
        return caller.profile().role() == Role.COORDINADOR;
    }

    /**
     * The coordinator saves the weights, each as loaded at its version: if anybody changed any of them
     * meanwhile, nothing is saved. Only the weights that change are written; one audit line says which.
     */
    @RolesAllowed(Role.Names.COORDINADOR)
    public void update(@NotNull @Valid WeightsForm form) {
        CallerProfile me = caller.profile();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT criterion, weight, version FROM priority_weight"
                + " WHERE comuna_id = ?1 FOR UPDATE").setParameter(1, me.comunaId()).getResultList();
        Map<PriorityCriterion, Object[]> current = new EnumMap<>(PriorityCriterion.class);
        rows.forEach(r -> current.put(PriorityCriterion.valueOf((String) r[0]), r));
        StringJoiner changes = new StringJoiner("; ");
        for (WeightChange change : form.weights()) {
            Object[] row = current.get(change.criterion());
            if (row == null) {
                throw new BusinessException("error.notFound");
            }
            if (((Number) row[2]).intValue() != change.version()) {
                throw new ConcurrentEditException();
            }
            BigDecimal before = (BigDecimal) row[1];
            if (before.compareTo(change.weight()) == 0) {
                continue;
            }
            em.createNativeQuery("UPDATE priority_weight SET weight = ?1, version = version + 1, updated_by = ?2,"
                            + " updated_at = now() WHERE comuna_id = ?3 AND criterion = ?4 AND version = ?5")
                    .setParameter(1, change.weight()).setParameter(2, me.username()).setParameter(3, me.comunaId())
                    .setParameter(4, change.criterion().name()).setParameter(5, change.version()).executeUpdate();
            changes.add(change.criterion() + " " + before.stripTrailingZeros().toPlainString() + "→"
                    + change.weight().stripTrailingZeros().toPlainString());
        }
        audit.record(AuditAction.UPDATE, "PRIORITY_WEIGHTS", me.comunaId(), AuditOutcome.SUCCESS,
                changes.length() == 0 ? "sin cambios" : changes.toString());
    }
}
