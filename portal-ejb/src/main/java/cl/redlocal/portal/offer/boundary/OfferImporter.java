package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.offer.control.ImportChecks;
import cl.redlocal.portal.offer.control.ImportFailure;
import cl.redlocal.portal.offer.control.ProgramCsv;
import cl.redlocal.portal.offer.entity.ImportStatus;
import cl.redlocal.portal.offer.entity.OfferImport;
import cl.redlocal.portal.offer.entity.Provider;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.territory.Comuna;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.postgresql.util.PSQLException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One import, in one transaction: all of the file's valid rows become programs, or none does. Each row
 * goes through {@link OfferService#create}, the same path as a program created by hand (validation,
 * acronym check, entity rules, capacity history, audit), after the preview's verdict was checked again:
 * if the comuna's offer changed since the preview so that a row now fares differently, nothing is
 * imported and the person is told which row and why. Progress is reported through
 * {@link OfferImportLedger} in transactions of its own, so the page sees it while this one is open.
 */
@Stateless
@RolesAllowed(Role.Names.COORDINADOR)
public class OfferImporter {

    private static final Logger LOG = Logger.getLogger(OfferImporter.class.getName());

    /** How often the progress is written (one short transaction each). */
    private static final long REPORT_EVERY_NANOS = 500_000_000L;
    /** Programs kept in the persistence context before it is emptied: a large file must not fill the heap. */
    private static final int CLEAR_EVERY = 100;
    private static final String DUPLICATE_ACRONYM_CONSTRAINT = "uq_program_acronym";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ImportChecks checks;

    @Inject
    OfferService offers;

    @Inject
    OfferImportLedger ledger;

    @Inject
    AuditLog audit;

    public void importAll(long importId) {
        CallerProfile me = caller.profile();
        // read without managing the entity: the ledger changes its row meanwhile, in other transactions
        Object[] head = (Object[]) em.createNativeQuery("SELECT comuna_id, started_by, status, content, file_name"
                + " FROM offer_import WHERE id = ?1").setParameter(1, importId).getSingleResult();
        long comunaId = ((Number) head[0]).longValue();
        if (comunaId != me.comunaId() || !me.username().equals(head[1])
                || !ImportStatus.RUNNING.name().equals(head[2]) || head[3] == null) {
            throw new ImportFailure(null, "offer.import.failed.unexpected");
        }
        String fileName = (String) head[4];
        Set<Integer> skippedAtPreview = new HashSet<>(em.find(OfferImport.class, importId).getSkippedRows());
        List<ImportChecks.Checked> rows = checks.check(comunaId, ProgramCsv.read((byte[]) head[3]));
        em.clear(); // from here on the import record is loaded only at the end, fresh
        requireSameVerdicts(rows, skippedAtPreview);

        Map<String, Long> createdProviders = new HashMap<>();
        int done = 0;
        int imported = 0;
        long lastReport = System.nanoTime();
        for (ImportChecks.Checked row : rows) {
            if (row.valid()) {
                create(row, providerOf(row, comunaId, createdProviders), fileName);
                if (++imported % CLEAR_EVERY == 0) {
                    em.clear();
                }
            }
            done++;
            if (System.nanoTime() - lastReport >= REPORT_EVERY_NANOS) {
                ledger.progress(importId, done);
                lastReport = System.nanoTime();
            }
        }

        OfferImport record = em.find(OfferImport.class, importId);
        record.finish(imported, Instant.now());
        em.createNativeQuery("UPDATE offer_import SET content = NULL WHERE id = ?1").setParameter(1, importId)
                .executeUpdate();
        audit.record(AuditAction.CREATE, "OFFER_IMPORT", importId, AuditOutcome.SUCCESS,
                imported + " programas importados, " + (rows.size() - imported) + " filas omitidas; archivo "
                        + fileName);
    }

    /** The preview told the person which rows would be imported; that must still be true, row by row. */
    private static void requireSameVerdicts(List<ImportChecks.Checked> rows, Set<Integer> skippedAtPreview) {
        for (ImportChecks.Checked row : rows) {
            boolean skippedNow = !row.valid();
            if (skippedNow && !skippedAtPreview.contains(row.row().row())) {
                ImportProblem problem = row.problems().get(0);
                throw new ImportFailure(row.row().row(), problem.key(), problem.arguments().toArray());
            }
            if (!skippedNow && skippedAtPreview.contains(row.row().row())) {
                throw new ImportFailure(row.row().row(), "offer.import.failed.nowValid");
            }
        }
    }

    /** The row's provider: an existing one of the comuna, or one this import creates (once per name). */
    private Long providerOf(ImportChecks.Checked row, long comunaId, Map<String, Long> created) {
        if (row.existingProvider() != null) {
            return row.existingProvider().getId();
        }
        String name = row.row().providerName();
        if (name == null) {
            return null;
        }
        return created.computeIfAbsent(ProgramCsv.providerKey(name), key -> {
            Provider provider = new Provider(em.getReference(Comuna.class, comunaId), name, row.row().providerKind());
            try {
                em.persist(provider);
                em.flush();
            } catch (PersistenceException e) {
                throw databaseFailure(row, e);
            }
            audit.success(AuditAction.CREATE, "PROVIDER", provider.getId());
            return provider.getId();
        });
    }

    private void create(ImportChecks.Checked row, Long providerId, String fileName) {
        String note = "Importado desde " + fileName;
        try {
            offers.create(row.formWithProvider(providerId), row.row().slots(), row.row().occupied(),
                    note.length() > 300 ? note.substring(0, 300) : note);
        } catch (ImportFailure e) {
            throw e;
        } catch (BusinessException e) {
            // a rule said no after all (the preview was checked again just now, so only a race gets here)
            throw new ImportFailure(row.row().row(), e.getMessageKey(), e.getArguments());
        } catch (EJBException | PersistenceException e) {
            throw databaseFailure(row, e);
        }
    }

    /**
     * The database refused a row the rules accepted: say which row, and which constraint when known.
     * Anything else is a fault of the portal, logged for whoever fixes it.
     */
    private static ImportFailure databaseFailure(ImportChecks.Checked row, RuntimeException e) {
        String acronym = row.row().form().acronym();
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a batched statement hides the server's answer in the next exception, not the cause
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (s instanceof PSQLException p && p.getServerErrorMessage() != null
                        && p.getServerErrorMessage().getConstraint() != null) {
                    String constraint = p.getServerErrorMessage().getConstraint();
                    return constraint.equals(DUPLICATE_ACRONYM_CONSTRAINT)
                            ? new ImportFailure(row.row().row(), "offer.import.problem.duplicateInComuna", acronym)
                            : new ImportFailure(row.row().row(), "offer.import.failed.database", constraint);
                }
                if (s.getNextException() == null && t.getCause() == null) {
                    return new ImportFailure(row.row().row(), "offer.import.failed.database", s.getSQLState());
                }
            }
        }
        LOG.log(Level.WARNING, "Import row " + row.row().row() + " failed", e);
        return new ImportFailure(row.row().row(), "offer.import.failed.unexpected");
    }
}
