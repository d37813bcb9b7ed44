package cl.redlocal.portal.platform;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause for native queries, built from conditions with positional {@code ?} markers: values
 * are always bound as parameters, never concatenated into the SQL.
 */
public final class SqlWhere {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values;

    public SqlWhere() {
        this(new ArrayList<>());
    }

    private SqlWhere(List<Object> values) {
        this.values = values;
    }

    /**
     * A second WHERE clause (of an outer query, say) whose markers continue this one's numbering; binding
     * either binds the values of both.
     */
    public SqlWhere then() {
        return new SqlWhere(values);
    }

    /** Adds {@code AND condition}; each {@code ?} in it takes the next of the given values. */
    public SqlWhere and(String condition, Object... parameters) {
        String numbered = condition;
        for (Object parameter : parameters) {
            values.add(parameter);
            numbered = numbered.replaceFirst("\\?(?!\\d)", "?" + values.size());
        }
        sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(numbered);
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    /** The values in marker order (?1, ?2...), for callers on plain JDBC. */
    public List<Object> values() {
        return List.copyOf(values);
    }

    public Query bind(Query query) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }
}
