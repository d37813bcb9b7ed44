package cl.redlocal.portal.plan.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanActionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static PlanAction action(LocalDate due, ActionStatus status) {
        PlanAction a = new PlanAction(1, 1, "test");
        a.rewrite(1, "Acción", 7, null, "Persona", due.minusDays(10), due, status, 20);
        return a;
    }

    @Test
    void anOpenActionPastItsDueDayIsOverdue() {
        assertThat(action(TODAY.minusDays(1), ActionStatus.PENDING).overdueOn(TODAY)).isTrue();
        assertThat(action(TODAY.minusDays(1), ActionStatus.IN_PROGRESS).overdueOn(TODAY)).isTrue();
    }

    @Test
    void dueTodayFutureDoneOrCancelledIsNotOverdue() {
        assertThat(action(TODAY, ActionStatus.PENDING).overdueOn(TODAY)).isFalse();
        assertThat(action(TODAY.plusDays(3), ActionStatus.PENDING).overdueOn(TODAY)).isFalse();
        assertThat(action(TODAY.minusDays(5), ActionStatus.DONE).overdueOn(TODAY)).isFalse();
        assertThat(action(TODAY.minusDays(5), ActionStatus.CANCELLED).overdueOn(TODAY)).isFalse();
    }

    @Test
    void aDoneActionIsComplete() {
        assertThat(action(TODAY, ActionStatus.DONE).getProgress()).isEqualTo(100);
    }

    @Test
    void datesAndProgressAreGuarded() {
        PlanAction a = new PlanAction(1, 1, "test");
        assertThatThrownBy(() -> a.rewrite(1, "x", 7, null, "P", TODAY, TODAY.minusDays(1), ActionStatus.PENDING, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.rewrite(1, "x", 7, null, "P", TODAY, TODAY, ActionStatus.PENDING, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
