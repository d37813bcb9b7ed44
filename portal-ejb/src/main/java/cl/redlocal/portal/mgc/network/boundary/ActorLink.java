package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;

/** Two actors who work together: approved protocols binding both, and referrals between their programs (12 months). */
public record ActorLink(long a, String aName, long b, String bName, long protocols, long referrals)
        implements Serializable {

    public long weight() {
        return protocols + referrals;
    }
}
