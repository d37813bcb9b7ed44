package cl.redlocal.portal.accompaniment.entity;

public enum SessionKind {
    HOME_VISIT, OFFICE, PHONE, OTHER
}
