package cl.redlocal.portal.web.api;

import cl.redlocal.portal.indicator.boundary.IndicatorService;
import cl.redlocal.portal.indicator.boundary.Publication;
import cl.redlocal.portal.indicator.boundary.PublicationSummary;
import cl.redlocal.portal.indicator.control.IndicatorDefinition;
import cl.redlocal.portal.indicator.control.IndicatorValue;
import cl.redlocal.portal.indicator.control.OrgUnit;
import cl.redlocal.portal.indicator.control.Quarter;
import cl.redlocal.portal.indicator.control.SmallCells;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Open aggregate data: a comuna's published indicator quarters, for the region's and the ministry's systems.
 * {@code /api/indicators/{comuna}} lists the published quarters and the definitions in force;
 * {@code /api/indicators/{comuna}/{yyyy}-Q{n}} gives that quarter's current version (numerator, denominator,
 * value, unit, version, published at), small cells suppressed ("&lt;5", the derived value null), no personal
 * data. JSON, or CSV with {@code ?format=csv} or {@code Accept: text/csv}. Closed by
 * {@code portal.api.indicators.enabled=false}: then everything here answers 404.
 */
@Path("indicators/{comuna}")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, IndicatorResource.CSV})
@Tag(name = "Indicadores", description = "Indicadores trimestrales de gestión comunal publicados (datos agregados)")
@APIResponse(responseCode = "404", description = "Comuna o trimestre no publicado, o API cerrada",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
public class IndicatorResource {

    static final String CSV = "text/csv";
    private static final String COMUNA = "Código de la comuna (CUT), p. ej. 99001";
    private static final String FORMAT = "json (por omisión) o csv";
    private static final Pattern COMUNA_CODE = Pattern.compile("[0-9A-Za-z-]{1,10}");

    @Inject
    IndicatorService indicators;

    @Inject
    @ConfigProperty(name = "portal.api.indicators.enabled", defaultValue = "true")
    boolean enabled;

    @GET
    @Operation(summary = "Trimestres publicados y definiciones de los indicadores",
            description = "Los trimestres que la comuna publicó (versión vigente de cada uno) y el catálogo de "
                    + "indicadores: código, nombre, definición, numerador, denominador, unidad, dimensión, "
                    + "periodicidad, sentido de lectura, desagregaciones y hechos de origen.")
    @APIResponse(responseCode = "200", description = "Trimestres y definiciones", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IndicatorCatalogue")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response quarters(@Parameter(description = COMUNA) @PathParam("comuna") String code,
                             @Parameter(description = FORMAT) @QueryParam("format") String format,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        OrgUnit comuna = open(code);
        List<PublicationSummary> quarters = indicators.publishedQuarters(comuna.comunaId());
        List<IndicatorDefinition> definitions = indicators.catalogue();
        if (csv(format, accept)) {
            StringBuilder out = new StringBuilder("quarter,version,published_at,correction_reason\r\n");
            for (PublicationSummary q : quarters) {
                out.append(q.label()).append(',').append(q.versionNo()).append(',').append(q.publishedAt()).append(',')
                        .append(cell(q.correctionReason())).append("\r\n");
            }
            return csvResponse(out, comuna.comunaCode() + "-trimestres.csv");
        }
        JsonArrayBuilder qs = Json.createArrayBuilder();
        for (PublicationSummary q : quarters) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("quarter", q.label()).add("version", q.versionNo())
                    .add("published_at", q.publishedAt().toString());
            nullable(o, "correction_reason", q.correctionReason());
            qs.add(o);
        }
        JsonArrayBuilder defs = Json.createArrayBuilder();
        definitions.forEach(d -> defs.add(definition(d)));
        return Response.ok(Json.createObjectBuilder().add("comuna", comuna(comuna)).add("quarters", qs)
                .add("definitions", defs).build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("{quarter}")
    @Operation(summary = "Valores de un trimestre publicado",
            description = "La versión vigente del trimestre: por indicador, numerador, denominador, valor, unidad. "
                    + "Conteos de 1 a 4 aparecen como \"<5\" y el valor derivado de ellos es null.")
    @APIResponse(responseCode = "200", description = "Valores del trimestre", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IndicatorQuarter")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "El trimestre no se escribe yyyy-Qn", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiError")))
    public Response quarter(@Parameter(description = COMUNA) @PathParam("comuna") String code,
                            @Parameter(description = "Trimestre, p. ej. 2026-Q3", schema = @Schema(type = SchemaType.STRING,
                                    pattern = "^[0-9]{4}-Q[1-4]$")) @PathParam("quarter") String quarterText,
                            @Parameter(description = FORMAT) @QueryParam("format") String format,
                            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        OrgUnit comuna = open(code);
        Quarter quarter = Quarter.parse(quarterText).orElseThrow(() -> ApiException.badParameter("quarter",
                "debe escribirse yyyy-Qn, p. ej. 2026-Q3 (se recibió «" + shorten(quarterText) + "»)."));
        Publication p = indicators.publishedQuarter(comuna, quarter).orElseThrow(() -> ApiException.notFound(
                "La comuna " + comuna.comunaCode() + " no ha publicado el trimestre " + quarter + "."));
        Map<String, IndicatorDefinition> defs = p.definitions().stream()
                .collect(Collectors.toMap(IndicatorDefinition::code, Function.identity()));
        if (csv(format, accept)) {
            StringBuilder out = new StringBuilder(
                    "comuna,quarter,version,published_at,code,name,unit,numerator,denominator,value\r\n");
            for (IndicatorValue v : p.values()) {
                IndicatorDefinition d = defs.get(v.code());
                out.append(comuna.comunaCode()).append(',').append(quarter).append(',').append(p.version().versionNo())
                        .append(',').append(p.version().publishedAt()).append(',').append(v.code()).append(',')
                        .append(cell(d == null ? v.code() : d.name())).append(',').append(unit(v.unit())).append(',')
                        .append(text(SmallCells.text(v.numerator(), v.numeratorSmall()))).append(',')
                        .append(text(SmallCells.text(v.denominator(), v.denominatorSmall()))).append(',')
                        .append(v.value() == null ? "" : v.value().toPlainString()).append("\r\n");
            }
            return csvResponse(out, comuna.comunaCode() + "-" + quarter + ".csv");
        }
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (IndicatorValue v : p.values()) {
            IndicatorDefinition d = defs.get(v.code());
            JsonObjectBuilder o = Json.createObjectBuilder().add("code", v.code())
                    .add("name", d == null ? v.code() : d.name()).add("unit", unit(v.unit()));
            count(o, "numerator", v.numerator(), v.numeratorSmall());
            count(o, "denominator", v.denominator(), v.denominatorSmall());
            if (v.value() == null) {
                o.addNull("value");
            } else {
                o.add("value", v.value());
            }
            o.add("suppressed", v.suppressed());
            values.add(o);
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("comuna", comuna(comuna)).add("quarter", quarter.toString())
                .add("version", p.version().versionNo()).add("published_at", p.version().publishedAt().toString());
        nullable(body, "correction_reason", p.version().correctionReason());
        body.add("values", values);
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    private OrgUnit open(String code) {
        if (!enabled) {
            throw ApiException.notFound("La API de indicadores no está habilitada en este portal.");
        }
        if (code == null || !COMUNA_CODE.matcher(code).matches()) {
            throw ApiException.notFound("No existe esa comuna.");
        }
        return indicators.publicComuna(code).orElseThrow(() -> ApiException.notFound("No existe la comuna " + code + "."));
    }

    private static JsonObjectBuilder comuna(OrgUnit u) {
        return Json.createObjectBuilder().add("code", u.comunaCode()).add("name", u.comunaName())
                .add("region", Json.createObjectBuilder().add("code", u.regionCode()).add("name", u.regionName()))
                .add("country", u.countryCode());
    }

    private static JsonObjectBuilder definition(IndicatorDefinition d) {
        return Json.createObjectBuilder().add("code", d.code()).add("name", d.name()).add("definition", d.definition())
                .add("numerator", d.numerator()).add("denominator", d.denominator()).add("unit", unit(d.unit()))
                .add("aggregation", d.aggregation().toLowerCase()).add("dimension", d.dimension().toLowerCase())
                .add("periodicity", d.periodicity().toLowerCase())
                .add("direction", "ASC".equals(d.direction()) ? "ascendente" : "descendente")
                .add("disaggregations", d.disaggregations()).add("source_facts", d.sourceFacts());
    }

    /** PERCENT → "%", COUNT → "count", DAYS → "days". */
    static String unit(String unit) {
        return switch (unit) {
            case "PERCENT" -> "%";
            case "DAYS" -> "days";
            default -> "count";
        };
    }

    private static void count(JsonObjectBuilder o, String name, Long value, boolean small) {
        if (small) {
            o.add(name, SmallCells.SHOWN_AS);
        } else if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    private static void nullable(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    private static boolean csv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw ApiException.badParameter("format", "debe ser json o csv (se recibió «" + shorten(format) + "»).");
        }
        return accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
    }

    private static Response csvResponse(StringBuilder body, String fileName) {
        return Response.ok(body.toString(), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.matches("(?s).*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
