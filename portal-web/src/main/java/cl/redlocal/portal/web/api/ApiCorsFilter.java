package cl.redlocal.portal.web.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Open data is read from other sites' pages too: any origin may read the API's answers. Safe because the
 * API is public and ignores cookies and sessions: a browser sends none with a wildcard origin anyway.
 */
@Provider
public class ApiCorsFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
    }
}
