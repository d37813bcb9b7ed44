package cl.redlocal.portal.waiting.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingOrderTest {

    private static List<String> place(List<String> byPriority, Map<String, Integer> fixed) {
        return WaitingOrder.place(byPriority, fixed::get);
    }

    @Test
    void withoutOverridesThePriorityOrderStands() {
        assertThat(place(List.of("a", "b", "c"), Map.of())).containsExactly("a", "b", "c");
    }

    @Test
    void aFixedEntrySitsAtItsPositionAndTheOthersFlowAroundIt() {
        assertThat(place(List.of("a", "b", "c", "d"), Map.of("d", 1))).containsExactly("d", "a", "b", "c");
        assertThat(place(List.of("a", "b", "c", "d"), Map.of("a", 3))).containsExactly("b", "c", "a", "d");
    }

    @Test
    void aPositionBeyondTheEndMeansLast() {
        assertThat(place(List.of("a", "b", "c"), Map.of("a", 10))).containsExactly("b", "c", "a");
    }

    @Test
    void twoEntriesFixedAtTheSamePositionTakeItInPriorityOrder() {
        assertThat(place(List.of("a", "b", "c", "d"), Map.of("c", 1, "d", 1))).containsExactly("c", "d", "a", "b");
        assertThat(place(List.of("a", "b", "c"), Map.of("b", 3, "c", 3))).containsExactly("a", "c", "b");
    }
}
