package cl.redlocal.portal.web.security;

import jakarta.servlet.http.HttpServletRequest;

/** Requests that are not pages: static resources, readiness, the open API, calendar feeds. */
final class PublicPaths {

    private PublicPaths() {
    }

    static boolean isResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")
                || path.startsWith("/health") || path.startsWith("/api/hsds/") || path.startsWith("/api/indicators/") || path.startsWith("/openapi")
                || path.equals("/favicon.ico") || path.startsWith("/calendar/feed/");
    }
}
