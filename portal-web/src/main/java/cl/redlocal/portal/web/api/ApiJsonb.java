package cl.redlocal.portal.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B for the API: HSDS's snake_case names from the records' components, in the order they are
 * declared, nulls left out. One instance: Jsonb is thread-safe and costly to build.
 */
@Provider
public class ApiJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withPropertyOrderStrategy(PropertyOrderStrategy.ANY)
            .withNullValues(false));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
