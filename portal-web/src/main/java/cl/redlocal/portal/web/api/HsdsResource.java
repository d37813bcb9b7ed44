package cl.redlocal.portal.web.api;

import cl.redlocal.portal.offer.boundary.PublicComuna;
import cl.redlocal.portal.offer.boundary.PublicOffer;
import cl.redlocal.portal.web.api.HsdsId.Kind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.ZoneId;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The comuna's public offer as Open Referral HSDS 3.0, read-only and without signing in:
 * {@code /api/hsds/{comuna}/organizations|services|locations|service_at_locations}, each paged and by id.
 * {@code comuna} is the comuna's code (CUT, e.g. 99001): every request names its tenant. Closed by
 * {@code portal.api.hsds.enabled=false}: then everything here answers 404, as if it were not there.
 * <p>
 * The methods return {@code Object} on purpose: the OpenAPI document then takes each answer's schema from
 * the annotations (the official HSDS schemas; HsdsPage and ApiError in META-INF/openapi.yaml) instead of
 * deriving one from the Java records, whose component names are not the JSON's snake_case names.
 */
@Path("hsds/{comuna}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "HSDS", description = "Oferta comunal pública según Open Referral HSDS 3.0")
@APIResponse(responseCode = "404", description = "Comuna u objeto inexistente, o API cerrada",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
public class HsdsResource {

    static final String HSDS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    private static final String COMUNA = "Código de la comuna (CUT), p. ej. 99001";
    private static final String PAGE = "Número de página, desde 1 (por omisión 1)";
    private static final String PER_PAGE = "Resultados por página, de 1 a " + Paging.MAX_PER_PAGE
            + " (por omisión " + Paging.DEFAULT_PER_PAGE + ")";
    private static final String BAD_PAGING = "page o per_page no son enteros dentro del rango";
    private static final Pattern COMUNA_CODE = Pattern.compile("[0-9A-Za-z-]{1,10}");

    @Inject
    PublicOffer offer;

    @Inject
    @ConfigProperty(name = "portal.api.hsds.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "portal.timezone", defaultValue = "America/Santiago")
    String timezone;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Información de la API", description = "Versión de HSDS y dirección del documento OpenAPI.")
    @APIResponse(responseCode = "200", description = "version y openapi_url")
    public Object about(@Parameter(description = COMUNA) @PathParam("comuna") String code) {
        open(code);
        return new Hsds.ApiInfo(Hsds.VERSION, null, uriInfo.getBaseUri().resolve("/openapi").toString());
    }

    @GET
    @Path("organizations")
    @Operation(summary = "Instituciones que ejecutan programas de la oferta comunal",
            description = "Página HSDS de organization, cada una con sus services (id y nombre).")
    @APIResponse(responseCode = "200", description = "Página de organization", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HsdsPage")))
    @APIResponse(responseCode = "400", description = BAD_PAGING, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    public Object organizations(
            @Parameter(description = COMUNA) @PathParam("comuna") String code,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_PER_PAGE)) @QueryParam("per_page") String perPage) {
        PublicComuna comuna = open(code);
        Paging paging = Paging.of(page, perPage);
        return paging.envelope(offer.providers(comuna.id(), paging.request()), mapper(comuna)::organization);
    }

    @GET
    @Path("organizations/{id}")
    @Operation(summary = "Una institución")
    @APIResponse(responseCode = "200", description = "organization", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = HSDS + "compiled/organization.json")))
    public Object organization(@Parameter(description = COMUNA) @PathParam("comuna") String code,
                               @PathParam("id") String id) {
        PublicComuna comuna = open(code);
        String what = "esa institución";
        return offer.provider(comuna.id(), rowId(Kind.ORGANIZATION, id, what, comuna))
                .map(mapper(comuna)::organization).orElseThrow(() -> unknown(what, comuna));
    }

    @GET
    @Path("services")
    @Operation(summary = "Programas de la oferta comunal (activos y suspendidos)",
            description = "Página HSDS de service completos: organización, contacto, horario, territorio, "
                    + "ubicaciones, documentos, atributos de la taxonomía Red Local y capacidad (capacities, "
                    + "service_capacity de HSDS 3.1: cupos disponibles y totales).")
    @APIResponse(responseCode = "200", description = "Página de service", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HsdsPage")))
    @APIResponse(responseCode = "400", description = BAD_PAGING, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    public Object services(
            @Parameter(description = COMUNA) @PathParam("comuna") String code,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_PER_PAGE)) @QueryParam("per_page") String perPage) {
        PublicComuna comuna = open(code);
        Paging paging = Paging.of(page, perPage);
        return paging.envelope(offer.programs(comuna.id(), paging.request()), mapper(comuna)::service);
    }

    @GET
    @Path("services/{id}")
    @Operation(summary = "Un programa")
    @APIResponse(responseCode = "200", description = "service", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = HSDS + "compiled/service.json")))
    public Object service(@Parameter(description = COMUNA) @PathParam("comuna") String code,
                          @PathParam("id") String id) {
        PublicComuna comuna = open(code);
        String what = "ese programa";
        return offer.program(comuna.id(), rowId(Kind.SERVICE, id, what, comuna))
                .map(mapper(comuna)::service).orElseThrow(() -> unknown(what, comuna));
    }

    @GET
    @Path("locations")
    @Operation(summary = "Lugares donde atienden los programas de la oferta comunal")
    @APIResponse(responseCode = "200", description = "Página de location", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HsdsPage")))
    @APIResponse(responseCode = "400", description = BAD_PAGING, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    public Object locations(
            @Parameter(description = COMUNA) @PathParam("comuna") String code,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_PER_PAGE)) @QueryParam("per_page") String perPage) {
        PublicComuna comuna = open(code);
        Paging paging = Paging.of(page, perPage);
        return paging.envelope(offer.locations(comuna.id(), paging.request()), mapper(comuna)::location);
    }

    @GET
    @Path("locations/{id}")
    @Operation(summary = "Un lugar")
    @APIResponse(responseCode = "200", description = "location", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = HSDS + "location.json")))
    public Object location(@Parameter(description = COMUNA) @PathParam("comuna") String code,
                           @PathParam("id") String id) {
        PublicComuna comuna = open(code);
        String what = "ese lugar";
        return offer.location(comuna.id(), rowId(Kind.LOCATION, id, what, comuna))
                .map(mapper(comuna)::location).orElseThrow(() -> unknown(what, comuna));
    }

    @GET
    @Path("service_at_locations")
    @Operation(summary = "Cada programa en cada uno de sus lugares",
            description = "Página HSDS de service_at_location, cada uno con su location y su service.")
    @APIResponse(responseCode = "200", description = "Página de service_at_location", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HsdsPage")))
    @APIResponse(responseCode = "400", description = BAD_PAGING, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    public Object serviceAtLocations(
            @Parameter(description = COMUNA) @PathParam("comuna") String code,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_PER_PAGE)) @QueryParam("per_page") String perPage) {
        PublicComuna comuna = open(code);
        Paging paging = Paging.of(page, perPage);
        return paging.envelope(offer.sites(comuna.id(), paging.request()), mapper(comuna)::site);
    }

    @GET
    @Path("service_at_locations/{id}")
    @Operation(summary = "Un programa en uno de sus lugares")
    @APIResponse(responseCode = "200", description = "service_at_location", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = HSDS + "compiled/service_at_location.json")))
    public Object serviceAtLocation(@Parameter(description = COMUNA) @PathParam("comuna") String code,
                                    @PathParam("id") String id) {
        PublicComuna comuna = open(code);
        String what = "ese programa en ese lugar";
        return offer.site(comuna.id(), rowId(Kind.SERVICE_AT_LOCATION, id, what, comuna))
                .map(mapper(comuna)::site).orElseThrow(() -> unknown(what, comuna));
    }

    /** The comuna named in the path, when the API is open and the comuna exists; 404 otherwise. */
    private PublicComuna open(String code) {
        if (!enabled) {
            throw ApiException.notFound("La API HSDS no está habilitada en este portal.");
        }
        if (code == null || !COMUNA_CODE.matcher(code).matches()) {
            throw ApiException.notFound("No existe esa comuna.");
        }
        return offer.comuna(code).orElseThrow(() -> ApiException.notFound("No existe la comuna " + code + "."));
    }

    /** An id that is not one of ours names nothing: 404, like one of ours that is gone or of another comuna. */
    private static long rowId(Kind kind, String id, String what, PublicComuna comuna) {
        OptionalLong rowId = HsdsId.rowId(kind, id);
        if (rowId.isEmpty()) {
            throw unknown(what, comuna);
        }
        return rowId.getAsLong();
    }

    private static ApiException unknown(String what, PublicComuna comuna) {
        return ApiException.notFound("No existe " + what + " en la oferta pública de la comuna " + comuna.code()
                + ".");
    }

    private HsdsMapper mapper(PublicComuna comuna) {
        return new HsdsMapper(comuna, ZoneId.of(timezone), offer.staleDays());
    }
}
