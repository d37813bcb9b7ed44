package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.control.ImportFailure;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an import in the background (the container's asynchronous EJB pool, with the coordinator's
 * identity), outside any transaction of its own: the import is one transaction ({@link OfferImporter}),
 * and when it rolls back, its failure is recorded in another ({@link OfferImportLedger#fail}).
 */
@Stateless
@RolesAllowed(Role.Names.COORDINADOR)
public class OfferImportRunner {

    private static final Logger LOG = Logger.getLogger(OfferImportRunner.class.getName());

    @Inject
    OfferImporter importer;

    @Inject
    OfferImportLedger ledger;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(long importId) {
        try {
            importer.importAll(importId);
        } catch (ImportFailure e) {
            fail(importId, e.getRow(), e);
        } catch (BusinessException e) {
            fail(importId, null, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + importId + " failed and was rolled back", e);
            fail(importId, null, new BusinessException("offer.import.failed.unexpected"));
        }
    }

    private void fail(long importId, Integer row, BusinessException reason) {
        List<String> arguments = Arrays.stream(reason.getArguments()).map(String::valueOf).toList();
        try {
            ledger.fail(importId, row, reason.getMessageKey(), arguments);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import " + importId + " failed (" + reason.getMessageKey()
                    + ") and its failure could not be recorded", e);
        }
    }
}
