package cl.redlocal.portal.platform;

import jakarta.ejb.ApplicationException;

/** Somebody else saved the same record since this person opened it; nothing of theirs was overwritten. */
@ApplicationException(rollback = true)
public class ConcurrentEditException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ConcurrentEditException() {
        super("error.concurrentEdit");
    }
}
