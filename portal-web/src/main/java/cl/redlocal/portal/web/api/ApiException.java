package cl.redlocal.portal.web.api;

import jakarta.ws.rs.core.Response;

/** A refusal the API explains: bad parameters (400) or something that is not there or not open (404). */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiError error;

    public ApiException(Response.Status status, String code, String message) {
        super(message);
        this.error = new ApiError(status.getStatusCode(), code, message);
    }

    public static ApiException badParameter(String name, String message) {
        return new ApiException(Response.Status.BAD_REQUEST, "invalid_parameter", name + ": " + message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Response.Status.NOT_FOUND, "not_found", message);
    }

    public ApiError error() {
        return error;
    }
}
