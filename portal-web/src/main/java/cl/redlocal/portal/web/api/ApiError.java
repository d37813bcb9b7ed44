package cl.redlocal.portal.web.api;

/** The body of every error the API answers: the HTTP status, a stable code and a message for people. */
public record ApiError(int status, String code, String message) {
}
