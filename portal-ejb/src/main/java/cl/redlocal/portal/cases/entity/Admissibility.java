package cl.redlocal.portal.cases.entity;

public enum Admissibility {
    PENDING, ADMISSIBLE, NOT_ADMISSIBLE, REFER_ELSEWHERE
}
