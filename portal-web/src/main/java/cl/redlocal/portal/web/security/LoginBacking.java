package cl.redlocal.portal.web.security;

import cl.redlocal.portal.security.boundary.SignInResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/** The sign-in page. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @NotBlank
    @Size(max = 200)
    private String username;

    @NotBlank
    @Size(max = 200)
    private String password;

    public void submit() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username.trim(), new Password(password))));
        password = null;
        String next = request.getParameter("next");
        switch (status) {
            // back to the page that asked for sign-in, if it is one of ours
            case SUCCESS -> external.redirect(external.getRequestContextPath() + PortalAuthenticationMechanism.safeNext(next));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                // A failed attempt leaves nothing behind: a fresh session, and the reason in the address (PRG).
                Object result = request.getAttribute(PortalIdentityStore.RESULT_ATTRIBUTE);
                String query = "?error=failed";
                if (result instanceof SignInResult.Locked locked) {
                    long minutes = Math.max(1, Duration.between(Instant.now(), locked.until()).toMinutes() + 1);
                    query = "?error=locked&minutes=" + minutes;
                }
                if (next != null && !next.isBlank()) {
                    query += "&next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
                }
                external.invalidateSession();
                external.redirect(external.getRequestContextPath() + "/login.xhtml" + query);
            }
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
