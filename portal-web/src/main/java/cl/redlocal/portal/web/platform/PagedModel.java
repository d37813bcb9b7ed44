package cl.redlocal.portal.web.platform;

import cl.redlocal.portal.platform.PageRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A PrimeFaces lazy model over a service that counts and lists in SQL: one COUNT and one page of rows
 * per render, whatever the table's size. Rows are identified by the key function (never by index).
 */
public class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Serializable so a view-scoped bean holding the model can move between cluster nodes. */
    public interface Counter extends Serializable {
        long count();
    }

    public interface Lister<T> extends Serializable {
        List<T> list(PageRequest page);
    }

    public interface Key<T> extends Function<T, Object>, Serializable {
    }

    private final Counter counter;
    private final Lister<T> lister;
    private final Key<T> key;

    public PagedModel(Counter counter, Lister<T> lister, Key<T> key) {
        this.counter = counter;
        this.lister = lister;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, counter.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        boolean sorted = sort != null && sort.getOrder() != SortOrder.UNSORTED;
        return lister.list(new PageRequest(first, pageSize, sorted ? sort.getField() : null,
                !sorted || sort.getOrder() == SortOrder.ASCENDING));
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.apply(row));
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
    }
}
