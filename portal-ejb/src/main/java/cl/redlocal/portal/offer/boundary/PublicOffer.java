package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.control.OfferQueries;
import cl.redlocal.portal.offer.control.PublicOfferQueries;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PageResult;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

import java.util.Optional;

/**
 * The comuna's public offer, readable by anybody without signing in (the open HSDS API): programs that
 * are ACTIVE or SUSPENDED, their providers and locations, their capacity and waiting list as numbers.
 * Nothing here reaches a case, a child, a user or who confirmed an entry; every read is of one comuna,
 * which the caller names. Reads only, so no audit: there is nothing personal to account for.
 */
@Stateless
@PermitAll
public class PublicOffer {

    @Inject
    PublicOfferQueries queries;

    @Inject
    OfferQueries offerQueries;

    /** The comuna with this code (its CUT), if there is one. */
    @PermitAll
    public Optional<PublicComuna> comuna(@NotNull String code) {
        return queries.comuna(code);
    }

    /** Providers with at least one program in the public offer, each with those programs. */
    @PermitAll
    public PageResult<PublicProvider> providers(long comunaId, @NotNull PageRequest page) {
        return queries.providers(comunaId, null, page);
    }

    @PermitAll
    public Optional<PublicProvider> provider(long comunaId, long providerId) {
        return queries.providers(comunaId, providerId, PageRequest.of(0, 1)).rows().stream().findFirst();
    }

    /** Programs of the public offer, each with its provider and locations. */
    @PermitAll
    public PageResult<PublicProgram> programs(long comunaId, @NotNull PageRequest page) {
        return queries.programs(comunaId, null, page);
    }

    @PermitAll
    public Optional<PublicProgram> program(long comunaId, long programId) {
        return queries.programs(comunaId, programId, PageRequest.of(0, 1)).rows().stream().findFirst();
    }

    /** Locations of the programs of the public offer. */
    @PermitAll
    public PageResult<PublicLocation> locations(long comunaId, @NotNull PageRequest page) {
        return queries.locations(comunaId, null, page);
    }

    @PermitAll
    public Optional<PublicLocation> location(long comunaId, long locationId) {
        return queries.locations(comunaId, locationId, PageRequest.of(0, 1)).rows().stream().findFirst();
    }

    /** Each location with its program (a location belongs to exactly one program). */
    @PermitAll
    public PageResult<PublicSite> sites(long comunaId, @NotNull PageRequest page) {
        return queries.sites(comunaId, null, page);
    }

    @PermitAll
    public Optional<PublicSite> site(long comunaId, long locationId) {
        return queries.sites(comunaId, locationId, PageRequest.of(0, 1)).rows().stream().findFirst();
    }

    /** The days after which an unconfirmed entry counts as stale, as the offer map uses them. */
    @PermitAll
    public int staleDays() {
        return offerQueries.staleDays();
    }
}
