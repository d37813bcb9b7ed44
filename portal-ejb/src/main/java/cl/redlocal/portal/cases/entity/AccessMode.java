package cl.redlocal.portal.cases.entity;

public enum AccessMode {
    SPONTANEOUS, REFERRAL, ACTIVE_SEARCH
}
