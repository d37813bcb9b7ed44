package cl.redlocal.portal.offer.entity;

/** The life of an import: previewed, then running in the background, then done or failed (nothing saved). */
public enum ImportStatus {
    PREVIEW, RUNNING, DONE, FAILED
}
