package cl.redlocal.portal.web.security;

import cl.redlocal.portal.web.platform.SecurityHeaders;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The container asks the sign-in mechanism about every request before any filter runs, and the
 * mechanism's @LoginToContinue (Soteria's interceptor, priority PLATFORM_BEFORE + 220) redirects to the
 * sign-in page, or back to the page asked for, without calling the mechanism itself. Running outside it,
 * this puts the security headers on those redirects; a redirect keeps the headers set before it.
 */
@SecuredResponse
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class SecuredResponseInterceptor {

    @Inject
    SecurityHeaders headers;

    @AroundInvoke
    public Object secure(InvocationContext invocation) throws Exception {
        if (invocation.getMethod().getName().equals("validateRequest")) {
            Object[] parameters = invocation.getParameters();
            headers.apply((HttpServletRequest) parameters[0], (HttpServletResponse) parameters[1]);
        }
        return invocation.proceed();
    }
}
