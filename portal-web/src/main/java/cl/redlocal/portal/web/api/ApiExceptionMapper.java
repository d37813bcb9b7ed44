package cl.redlocal.portal.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the API as a JSON {@link ApiError}: the API's own refusals with their message, the
 * JAX-RS runtime's (unknown path, wrong method, unacceptable media type) with their status, anything else
 * as a 500 that is logged here and never shows a stack trace.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        ApiError error;
        if (failure instanceof ApiException refusal) {
            error = refusal.error();
        } else if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            error = new ApiError(status.getStatusCode(), status.getReasonPhrase().toLowerCase(Locale.ROOT)
                    .replace(' ', '_'), switch (status.getStatusCode()) {
                        case 404 -> "No existe.";
                        case 405 -> "Método no permitido: la API es de solo lectura (GET).";
                        case 406 -> "Formato no disponible: la API responde application/json.";
                        default -> status.getReasonPhrase();
                    });
        } else {
            LOG.log(Level.SEVERE, "HSDS API request failed", failure);
            error = new ApiError(500, "internal_error", "Error interno; inténtelo más tarde.");
        }
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
