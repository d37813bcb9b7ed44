package cl.redlocal.portal.referral.entity;

public enum Urgency {
    LOW, NORMAL, HIGH
}
