package cl.redlocal.portal.waiting.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Places a list's entries: those whose position a co-facilitator fixed sit at that position, the others
 * keep their priority order and flow around them. A fixed position beyond the list's end means "last";
 * two entries fixed at the same position take it in priority order, the second the next free place.
 */
public final class WaitingOrder {

    private WaitingOrder() {
    }

    /**
     * @param byPriority the entries in priority order (score, then waiting time, then id)
     * @param fixed      an entry's fixed position (1-based), or null
     * @return the entries in list order, position 1 first
     */
    public static <T> List<T> place(List<T> byPriority, Function<T, Integer> fixed) {
        int n = byPriority.size();
        List<T> slots = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            slots.add(null);
        }
        List<T> pinned = byPriority.stream().filter(e -> fixed.apply(e) != null)
                .sorted(Comparator.comparingInt(fixed::apply)) // stable: ties keep priority order
                .toList();
        for (T entry : pinned) {
            int wanted = Math.min(fixed.apply(entry), n) - 1;
            int at = free(slots, wanted);
            slots.set(at, entry);
        }
        int next = 0;
        for (T entry : byPriority) {
            if (fixed.apply(entry) != null) {
                continue;
            }
            while (slots.get(next) != null) {
                next++;
            }
            slots.set(next, entry);
        }
        return slots;
    }

    /** The wanted place if free, else the next free one after it, else the nearest before it. */
    private static <T> int free(List<T> slots, int wanted) {
        for (int i = wanted; i < slots.size(); i++) {
            if (slots.get(i) == null) {
                return i;
            }
        }
        for (int i = wanted - 1; i >= 0; i--) {
            if (slots.get(i) == null) {
                return i;
            }
        }
        throw new IllegalStateException("no free place");
    }
}
