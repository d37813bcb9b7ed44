package cl.redlocal.portal.waiting.entity;

/** Why an entry left its waiting list. */
public enum WaitingExitReason {
    ADMITTED, REFERRED_ELSEWHERE, FAMILY_DECLINED, NOT_LOCATED, NO_LONGER_NEEDED
}
