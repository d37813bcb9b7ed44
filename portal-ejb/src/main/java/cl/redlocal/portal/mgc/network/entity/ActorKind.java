package cl.redlocal.portal.mgc.network.entity;

/** What kind of institution a local actor is. */
public enum ActorKind {
    PROTECTION, POLICE, COURT, SCHOOL, HEALTH, MUNICIPAL, COMMUNITY, OTHER
}
