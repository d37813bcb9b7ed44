package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.entity.ProgramStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityTest {

    @Test
    void anActiveProgramWithAVacancyIsAvailableEvenWithAWaitingList() {
        assertThat(Availability.of(ProgramStatus.ACTIVE, 1, 0)).isEqualTo(Availability.AVAILABLE);
        assertThat(Availability.of(ProgramStatus.ACTIVE, 3, 2)).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void aFullProgramIsRedWhenChildrenWaitAndOrangeWhenNobodyDoes() {
        assertThat(Availability.of(ProgramStatus.ACTIVE, 0, 4)).isEqualTo(Availability.FULL_WITH_WAITING_LIST);
        assertThat(Availability.of(ProgramStatus.ACTIVE, 0, 0)).isEqualTo(Availability.FULL);
    }

    @Test
    void aSuspendedOrClosedProgramTakesNobodyWhateverItsNumbers() {
        assertThat(Availability.of(ProgramStatus.SUSPENDED, 10, 0)).isEqualTo(Availability.INACTIVE);
        assertThat(Availability.of(ProgramStatus.CLOSED, 0, 5)).isEqualTo(Availability.INACTIVE);
    }
}
