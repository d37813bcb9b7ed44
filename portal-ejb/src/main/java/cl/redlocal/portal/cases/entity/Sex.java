package cl.redlocal.portal.cases.entity;

public enum Sex {
    F, M, OTHER
}
