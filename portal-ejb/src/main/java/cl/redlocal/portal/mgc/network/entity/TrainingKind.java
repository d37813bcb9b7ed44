package cl.redlocal.portal.mgc.network.entity;

/** A self-training by the table's own members, or one given by an invited guest. */
public enum TrainingKind {
    SELF, GUEST
}
