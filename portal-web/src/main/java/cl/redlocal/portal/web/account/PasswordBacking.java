package cl.redlocal.portal.web.account;

import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.web.platform.Messages;
import cl.redlocal.portal.web.security.PasswordChangeFilter;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person changes their own password (and must, after an administrator set a temporary one). */
@Named
@RequestScoped
public class PasswordBacking {

    @Inject
    AccountService account;

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    @NotBlank
    private String current;

    @NotBlank
    @Size(min = 10, max = 200, message = "{user.password.size}")
    private String replacement;

    @NotBlank
    private String confirmation;

    public String save() {
        if (!replacement.equals(confirmation)) {
            messages.error("password:confirmation", "account.password.mismatch");
            return null;
        }
        try {
            account.changePassword(current, replacement);
        } catch (BusinessException e) {
            messages.error(e, java.util.Map.of("account.password.wrongCurrent", "password:current"));
            return null;
        }
        faces.getExternalContext().getSessionMap().remove(PasswordChangeFilter.REQUIRED);
        messages.info("account.password.changed");
        return "/index.xhtml?faces-redirect=true";
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getReplacement() {
        return replacement;
    }

    public void setReplacement(String replacement) {
        this.replacement = replacement;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
