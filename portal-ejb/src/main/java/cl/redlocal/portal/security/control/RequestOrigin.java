package cl.redlocal.portal.security.control;

import jakarta.enterprise.context.RequestScoped;

/** Where the current request came from, set by the web tier, for the audit trail. */
@RequestScoped
public class RequestOrigin {

    private String clientIp;

    public String clientIp() {
        return clientIp;
    }

    public void setClientIp(String clientIp) {
        this.clientIp = clientIp;
    }
}
