package cl.redlocal.portal.web.mgc.network;

import cl.redlocal.portal.mgc.network.boundary.ActorForm;
import cl.redlocal.portal.mgc.network.boundary.ActorLink;
import cl.redlocal.portal.mgc.network.boundary.ActorRow;
import cl.redlocal.portal.mgc.network.boundary.ActorService;
import cl.redlocal.portal.mgc.network.boundary.Choice;
import cl.redlocal.portal.mgc.network.entity.ActorKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The map of local actors (/mgc/network/actors.xhtml?comuna=): the lazy list (paged and sorted in SQL) with
 * audited CSV/XLSX exports, the relational view "who works with whom" as a table and a chart, and for
 * co-facilitators the form that adds or edits an actor of their comuna. The exporters carry a bufferSize: without
 * it PrimeFaces 15 sizes a lazy export by the row count its model kept from an earlier render, and the export
 * came out empty (or broke mid-file after a search); with it the exporter pages through the model until a page
 * comes back short.
 */
@Named
@ViewScoped
public class ActorsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ActorService actors;

    @Inject
    AccountService account;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    /** The comuna shown and the search, read by the lazy model at each load. */
    public static class Filter implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long comunaId;
        private String search;

        public Long getComunaId() { return comunaId; }
        public void setComunaId(Long comunaId) { this.comunaId = comunaId; }
        public String getSearch() { return search; }
        public void setSearch(String search) { this.search = search; }
    }

    private final Filter filter = new Filter();
    private PagedModel<ActorRow> model;
    private boolean editor;
    private boolean forbidden;
    private List<Choice> comunaChoices = List.of();
    private List<ActorLink> links = List.of();
    private String linksChart;

    private ActorRow editing;
    private String name;
    private ActorKind kind;
    private Long providerId;
    private String networkRole;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private Long tableId;
    private LocalDate lastContactOn;
    private List<Choice> providerChoices = List.of();
    private List<Choice> tableChoices = List.of();

    /** f:viewAction (after ?comuna=). */
    public void load() {
        ActorService service = actors;
        Filter f = filter;
        model = new PagedModel<>(() -> service.count(f.comunaId, f.search),
                page -> service.list(f.comunaId, f.search, page), ActorRow::id);
        var me = account.me();
        comunaChoices = actors.comunas();
        // a co-facilitator edits the map of their own comuna only
        editor = me.role() == Role.COFACILITADOR && (filter.comunaId == null || filter.comunaId == me.comunaId());
        try {
            links = actors.links(filter.comunaId);
        } catch (BusinessException e) {
            forbidden = true;
            messages.error(e);
            return;
        }
        linksChart = links.isEmpty() ? null : NetworkCharts.links(links, messages::text);
        if (editor) {
            providerChoices = actors.providerChoices();
            tableChoices = actors.tableChoices();
        }
    }

    public void select(ActorRow row) {
        editing = row;
        name = row.name();
        kind = ActorKind.valueOf(row.kind());
        providerId = row.providerId();
        networkRole = row.networkRole();
        contactName = row.contactName();
        contactEmail = row.contactEmail();
        contactPhone = row.contactPhone();
        tableId = row.tableId();
        lastContactOn = row.lastContactOn();
    }

    public String save() {
        ActorForm form = new ActorForm(name, kind, providerId, networkRole, contactName, contactEmail, contactPhone,
                tableId, lastContactOn);
        if (!validation.check(form, "actorForm", Map.of())) {
            return null;
        }
        try {
            if (editing == null) {
                actors.create(form);
                messages.info("net.actors.created");
            } else {
                actors.update(editing.id(), editing.version(), form);
                messages.info("net.actors.saved");
            }
            return "/mgc/network/actors?faces-redirect=true";
        } catch (BusinessException e) {
            messages.error(e, Map.of("net.actor.name.taken", "actorForm:name",
                    "net.actor.lastContact.future", "actorForm:lastContactOn", "net.actor.foreign", "actorForm:providerId"));
            return null;
        }
    }

    public void exported(String format) {
        actors.exported(format);
    }

    public Filter getFilter() { return filter; }
    public Long getComuna() { return filter.comunaId; }
    public void setComuna(Long comuna) { filter.comunaId = comuna; }
    public PagedModel<ActorRow> getModel() { return model; }
    public boolean isEditor() { return editor; }
    public boolean isForbidden() { return forbidden; }
    public List<Choice> getComunaChoices() { return comunaChoices; }
    public List<ActorLink> getLinks() { return links; }
    public String getLinksChart() { return linksChart; }
    public ActorKind[] getKinds() { return ActorKind.values(); }
    public ActorRow getEditing() { return editing; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ActorKind getKind() { return kind; }
    public void setKind(ActorKind kind) { this.kind = kind; }
    public Long getProviderId() { return providerId; }
    public void setProviderId(Long providerId) { this.providerId = providerId; }
    public String getNetworkRole() { return networkRole; }
    public void setNetworkRole(String networkRole) { this.networkRole = networkRole; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public Long getTableId() { return tableId; }
    public void setTableId(Long tableId) { this.tableId = tableId; }
    public LocalDate getLastContactOn() { return lastContactOn; }
    public void setLastContactOn(LocalDate lastContactOn) { this.lastContactOn = lastContactOn; }
    public List<Choice> getProviderChoices() { return providerChoices; }
    public List<Choice> getTableChoices() { return tableChoices; }
}
