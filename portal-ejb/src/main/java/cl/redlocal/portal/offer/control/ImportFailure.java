package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.platform.BusinessException;
import jakarta.ejb.ApplicationException;

/**
 * An import stopped and rolled back as a whole: why (a message key of the web bundle and its arguments)
 * and, when one row caused it, which.
 */
@ApplicationException(rollback = true)
public class ImportFailure extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final Integer row;

    public ImportFailure(Integer row, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.row = row;
    }

    public Integer getRow() {
        return row;
    }
}
