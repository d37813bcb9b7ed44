package cl.redlocal.portal.offer.boundary;

/** How a request can enter a program (modalidad de acceso). */
public enum AccessMode {
    SPONTANEOUS, REFERRAL, ACTIVE_SEARCH
}
