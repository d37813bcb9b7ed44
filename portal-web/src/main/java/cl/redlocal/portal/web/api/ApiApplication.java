package cl.redlocal.portal.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

import java.util.Map;

/**
 * The portal's JSON API under {@code /api}: today the public offer as HSDS ({@link HsdsResource}). Its
 * OpenAPI document is Payara's {@code /openapi}, from these annotations and META-INF/openapi.yaml (the
 * schemas they name); both are public in web.xml.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Red Local: oferta comunal (Open Referral HSDS 3.0)", version = "1.0",
                description = "Oferta pública de programas para niños, niñas y adolescentes de cada comuna, según "
                        + "Open Referral HSDS 3.0 (capacidad según service_capacity de HSDS 3.1). Solo lectura, sin "
                        + "autenticación, sin datos personales. La comuna va en la ruta: /api/hsds/{comuna}/..., con "
                        + "su código (CUT). Además, los indicadores trimestrales publicados de cada comuna como datos "
                        + "agregados: /api/indicators/{comuna} y /api/indicators/{comuna}/{yyyy}-Q{n} (JSON o CSV, "
                        + "celdas pequeñas suprimidas).",
                license = @License(name = "HSDS: CC BY-SA 4.0, Open Referral", url = "https://openreferral.org/")))
public class ApiApplication extends Application {

    /**
     * Errors carry their JSON body with a plain status, so the servlet container never swaps it for the
     * portal's HTML error page.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
