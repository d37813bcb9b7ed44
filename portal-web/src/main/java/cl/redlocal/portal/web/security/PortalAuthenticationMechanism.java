package cl.redlocal.portal.web.security;

import cl.redlocal.portal.web.platform.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a request becomes a signed-in person. The sign-in page hands the typed credential over
 * ({@code SecurityContext.authenticate}); the identity store checks it; the caller's name and groups are
 * then kept in the HTTP session ({@link SignedInCaller}) and given to the container again, explicitly, on
 * every request.
 *
 * <p>Why not Payara's built-in form mechanism with an auto-applied session: on Payara 6 that path
 * recovers the caller's groups through a security context shared by all threads, so under concurrent use
 * a signed-in person intermittently lost their roles and was refused (Payara issue #6145, fixed only in
 * Payara 7, which needs Java 21). Handing the container the name and the groups read from the session
 * never reaches that shared state. It also makes the session the only place that holds the caller, so
 * a request served by another cluster member (the session replicated there) keeps its roles too
 * (Payara issue #6342).
 *
 * <p>An unauthenticated request for a protected page is sent to the sign-in page with the page's
 * address in {@code next} (nothing is kept on the server for an anonymous visitor); a Faces ajax
 * request gets a partial-response redirect instead, which the page follows.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The session attribute that holds the signed-in caller. */
    public static final String CALLER = "portal.caller";

    static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SecurityHeaders headers;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        Object held = session == null ? null : session.getAttribute(CALLER);
        if (held instanceof SignedInCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            // answered here, before any filter runs: the redirect carries the security headers too
            headers.apply(request, response);
            return toSignIn(request, response, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // the sign-in page tells why (PRG with the reason); nothing is written to the response here
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedInCaller caller = SignedInCaller.of(result.getCallerPrincipal().getName(), result.getCallerGroups());
        // the identity store has already renewed the session id of an existing session (fixation)
        request.getSession().setAttribute(CALLER, caller);
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }

    private static AuthenticationStatus toSignIn(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context) {
        String target = request.getContextPath() + LOGIN_PAGE;
        if ("GET".equals(request.getMethod())) {
            String wanted = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            target += "?next=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8);
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + target.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
                return AuthenticationStatus.SEND_CONTINUE;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return context.redirect(target);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
    }

    /**
     * Where to go after signing in: only a path of this portal ({@code /cases/case.xhtml?id=3}), never
     * another site ({@code //evil.example}, {@code https://...}, back-slashes), else the home page.
     */
    public static String safeNext(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.contains("\r") || next.contains("\n")
                || next.startsWith(LOGIN_PAGE)) {
            return "/index.xhtml";
        }
        return next;
    }
}
