package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.boundary.OfferService;
import cl.redlocal.portal.offer.boundary.ProviderForm;
import cl.redlocal.portal.offer.boundary.ProviderRow;
import cl.redlocal.portal.offer.entity.ProviderKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The institutions that run the comuna's programs: everybody reads them; the coordinator adds and
 * corrects them in the form beside the list (a few dozen per comuna: no paging needed).
 */
@Named
@ViewScoped
public class ProvidersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfferService offer;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    private List<ProviderRow> providers;
    private Long editingId;
    private int editingVersion;
    private String name;
    private ProviderKind kind;
    private String description;
    private String email;
    private String phone;
    private String website;

    @PostConstruct
    void load() {
        providers = offer.providerList();
    }

    public void edit(ProviderRow row) {
        editingId = row.id();
        editingVersion = row.version();
        name = row.name();
        kind = row.kind();
        description = row.description();
        email = row.email();
        phone = row.phone();
        website = row.website();
    }

    public void startNew() {
        editingId = null;
        name = null;
        kind = null;
        description = null;
        email = null;
        phone = null;
        website = null;
    }

    public String save() {
        ProviderForm form = new ProviderForm(name, kind, description, email, phone, website);
        if (!validation.check(form, "provider", Map.of())) {
            return null;
        }
        try {
            if (editingId == null) {
                offer.createProvider(form);
                messages.info("offer.provider.created", name);
            } else {
                offer.updateProvider(editingId, editingVersion, form);
                messages.info("offer.provider.saved", name);
            }
            return "/offer/providers.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            messages.error(e, java.util.Map.of("offer.provider.duplicateName", "provider:name"));
            return null;
        }
    }

    public List<ProviderRow> getProviders() {
        return providers;
    }

    public ProviderKind[] getKinds() {
        return ProviderKind.values();
    }

    public boolean isEditing() {
        return editingId != null;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ProviderKind getKind() { return kind; }
    public void setKind(ProviderKind kind) { this.kind = kind; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
}
