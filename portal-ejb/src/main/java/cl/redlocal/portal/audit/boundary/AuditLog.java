package cl.redlocal.portal.audit.boundary;

import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditBatch;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.control.RequestOrigin;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;
import java.util.Optional;

/**
 * Writes the audit trail. Successful reads and writes are recorded in the caller's transaction, so a
 * rolled-back change leaves no "done" row; denials and failures in a transaction of their own, so they
 * stay even when the business transaction rolls back. During a Faces request the successful reads (LIST,
 * READ) go to the request's {@link AuditBatch} when their transaction commits, and the page's reads are
 * written in one statement after it is rendered ({@link #write}).
 */
@Stateless
@PermitAll
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    RequestOrigin origin;

    @Inject
    AuditBatch batch;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Records an action of the signed-in caller, in the current transaction (a read of a page: see above). */
    public void record(AuditAction action, String entityType, Object entityId, AuditOutcome outcome, String detail) {
        Optional<CallerProfile> who = caller.current();
        if (outcome == AuditOutcome.SUCCESS && (action == AuditAction.LIST || action == AuditAction.READ) && batched()) {
            AuditBatch.Row row = new AuditBatch.Row(truncate(who.map(CallerProfile::username).orElse(null), 200),
                    who.map(p -> p.role().name()).orElse(null), who.map(CallerProfile::comunaId).orElse(null),
                    action.name(), entityType, entityId == null ? null : truncate(entityId.toString(), 64),
                    outcome.name(), truncate(detail, 300), origin.clientIp());
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        batch.add(row);
                    }
                }
            });
            return;
        }
        insert(who.map(CallerProfile::username).orElse(null), who.map(p -> p.role().name()).orElse(null),
                who.map(CallerProfile::comunaId).orElse(null), action, entityType, entityId, outcome, detail);
    }

    public void success(AuditAction action, String entityType, Object entityId) {
        record(action, entityType, entityId, AuditOutcome.SUCCESS, null);
    }

    /** Records a denial in its own transaction: it survives the rollback the denial causes. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void denied(String entityType, Object entityId, String detail) {
        record(AuditAction.ACCESS, entityType, entityId, AuditOutcome.DENIED, detail);
    }

    /**
     * Records a denial of a named person, where the security context of the call is no longer at hand
     * (an error page dispatch, after the container refused the request).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deniedTo(String username, String entityType, String detail) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> who = em.createNativeQuery("SELECT role, comuna_id FROM app_user WHERE username = ?1")
                .setParameter(1, username).getResultList();
        insert(username, who.isEmpty() ? null : (String) who.get(0)[0],
                who.isEmpty() ? null : ((Number) who.get(0)[1]).longValue(),
                AuditAction.ACCESS, entityType, null, AuditOutcome.DENIED, detail);
    }

    /** Records an event for a named person who is not (or not yet) the signed-in caller: sign-in attempts. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFor(String username, String role, Long comunaId, AuditAction action, AuditOutcome outcome,
                          String detail) {
        insert(username, role, comunaId, action, "USER", null, outcome, detail);
    }

    /** Writes a page's batched reads in one statement, in a transaction of its own. */
    public void write(List<AuditBatch.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO audit_event (username, role, comuna_id, action, entity_type,"
                + " entity_id, outcome, detail, client_ip) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            int p = i * 9;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2)
                    .append(", CAST(?").append(p + 3).append(" AS BIGINT)");
            for (int k = 4; k <= 9; k++) {
                sql.append(", ?").append(p + k);
            }
            sql.append(')');
        }
        jakarta.persistence.Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < rows.size(); i++) {
            AuditBatch.Row r = rows.get(i);
            int p = i * 9;
            insert.setParameter(p + 1, r.username()).setParameter(p + 2, r.role()).setParameter(p + 3, r.comunaId())
                    .setParameter(p + 4, r.action()).setParameter(p + 5, r.entityType()).setParameter(p + 6, r.entityId())
                    .setParameter(p + 7, r.outcome()).setParameter(p + 8, r.detail()).setParameter(p + 9, r.clientIp());
        }
        insert.executeUpdate();
    }

    private boolean batched() {
        try {
            return batch.isOpen();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private void insert(String username, String role, Long comunaId, AuditAction action, String entityType,
                        Object entityId, AuditOutcome outcome, String detail) {
        em.createNativeQuery("""
                        INSERT INTO audit_event (username, role, comuna_id, action, entity_type, entity_id, outcome,
                                                 detail, client_ip)
                        VALUES (?1, ?2, CAST(?3 AS BIGINT), ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, truncate(username, 200))
                .setParameter(2, role)
                .setParameter(3, comunaId)
                .setParameter(4, action.name())
                .setParameter(5, entityType)
                .setParameter(6, entityId == null ? null : truncate(entityId.toString(), 64))
                .setParameter(7, outcome.name())
                .setParameter(8, truncate(detail, 300))
                .setParameter(9, origin.clientIp())
                .executeUpdate();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
