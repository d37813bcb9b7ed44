package cl.redlocal.portal.cases.entity;

public enum AccessSource {
    FAMILY, PROGRAM, SCHOOL, HEALTH, COURT, POLICE_24H, COMMUNITY, OTHER
}
