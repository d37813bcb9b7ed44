package cl.redlocal.portal.plan.entity;

/** What a plan review says of one goal. */
public enum Achievement {
    YES, PARTLY, NO
}
