package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.boundary.MapFilter;
import cl.redlocal.portal.offer.boundary.MapLocation;
import cl.redlocal.portal.offer.boundary.OfferOverviewService;
import cl.redlocal.portal.offer.control.Availability;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.boundary.Option;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.Serializable;
import java.util.List;

/**
 * The offer map: filters, the markers (as JSON for offer-map.js) and the same locations as a list,
 * which is the page's content when no tiles or no script load. Two statements per load: the comunas
 * once, the locations per filter.
 */
@Named
@ViewScoped
public class OfferMapBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfferOverviewService overview;

    @Inject
    AccountService account;

    @Inject
    Messages messages;

    private Sector sector;
    private boolean withVacancies;
    private Long comunaId;
    private List<Option> comunas;
    private List<MapLocation> locations;
    private String markers;
    private long unmapped;

    @PostConstruct
    void init() {
        comunas = overview.comunas();
        comunaId = account.me().comunaId();
        load();
    }

    /** Applies the filters (the comuna included). */
    public void apply() {
        try {
            load();
        } catch (BusinessException e) {
            messages.error(e); // a comuna the person does not support: the service refused and audited it
        }
    }

    private void load() {
        locations = overview.locations(new MapFilter(sector, withVacancies, comunaId));
        markers = MapMarkers.json(locations);
        unmapped = locations.stream().filter(l -> !l.mapped()).count();
    }

    /** The popup's and legend's words, for offer-map.js. */
    public String getLabels() {
        JsonObjectBuilder availability = Json.createObjectBuilder();
        for (Availability a : Availability.values()) {
            availability.add(a.name(), messages.text("offerMap.availability." + a.name()));
        }
        return Json.createObjectBuilder()
                .add("vacancies", messages.text("offerMap.vacancies"))
                .add("waiting", messages.text("offerMap.waiting"))
                .add("detail", messages.text("offerMap.detail"))
                .add("availability", availability)
                .build().toString();
    }

    public List<MapLocation> getLocations() {
        return locations;
    }

    public String getMarkers() {
        return markers;
    }

    public long getMappedCount() {
        return locations.size() - unmapped;
    }

    public long getUnmappedCount() {
        return unmapped;
    }

    public List<Option> getComunas() {
        return comunas;
    }

    /** Only a territorial manager supports several comunas; everybody else sees their own without a choice. */
    public boolean isComunaChoice() {
        return comunas.size() > 1;
    }

    public Sector[] getSectors() {
        return Sector.values();
    }

    public Availability[] getAvailabilities() {
        return Availability.values();
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
    }

    public boolean isWithVacancies() {
        return withVacancies;
    }

    public void setWithVacancies(boolean withVacancies) {
        this.withVacancies = withVacancies;
    }

    public Long getComunaId() {
        return comunaId;
    }

    public void setComunaId(Long comunaId) {
        this.comunaId = comunaId;
    }
}
