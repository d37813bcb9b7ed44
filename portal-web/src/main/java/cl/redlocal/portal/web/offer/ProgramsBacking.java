package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.boundary.AccessMode;
import cl.redlocal.portal.offer.boundary.OfferFilter;
import cl.redlocal.portal.offer.boundary.OfferRow;
import cl.redlocal.portal.offer.boundary.OfferService;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The comuna's offer: searched, filtered, sorted and paged in SQL; exportable. */
@Named
@ViewScoped
public class ProgramsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfferService offer;

    private String text;
    private Sector sector;
    private AccessMode accessMode;
    private Integer age;
    private String territory;
    private boolean withVacancies;
    private ProgramStatus status;
    private PagedModel<OfferRow> model;
    private int staleDays;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> offer.count(filter()), page -> offer.list(filter(), page), OfferRow::id);
        staleDays = offer.staleDays();
    }

    public OfferFilter filter() {
        return new OfferFilter(text, sector, accessMode, age, territory, withVacancies, status, null);
    }

    public PagedModel<OfferRow> getModel() {
        return model;
    }

    public int getStaleDays() {
        return staleDays;
    }

    public Sector[] getSectors() {
        return Sector.values();
    }

    public AccessMode[] getAccessModes() {
        return AccessMode.values();
    }

    public ProgramStatus[] getStatuses() {
        return ProgramStatus.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
    }

    public AccessMode getAccessMode() {
        return accessMode;
    }

    public void setAccessMode(AccessMode accessMode) {
        this.accessMode = accessMode;
    }

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }

    public boolean isWithVacancies() {
        return withVacancies;
    }

    public void setWithVacancies(boolean withVacancies) {
        this.withVacancies = withVacancies;
    }

    public ProgramStatus getStatus() {
        return status;
    }

    public void setStatus(ProgramStatus status) {
        this.status = status;
    }
}
