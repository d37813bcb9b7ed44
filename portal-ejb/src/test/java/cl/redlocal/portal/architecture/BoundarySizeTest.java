package cl.redlocal.portal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A boundary reads as its use cases: roles, transaction, the calls to controls and entities, the audit. Its SQL
 * lives in {@code *Query} controls. A boundary over {@value #MAX_LINES} lines is doing a control's work.
 */
class BoundarySizeTest {

    static final int MAX_LINES = 300;

    /**
     * Boundaries still carrying their SQL or several use cases, to be split into a smaller boundary and
     * {@code *Query} controls. Remove a name once its file is under the limit.
     */
    static final Set<String> NOT_YET_SPLIT = Set.of(
            "alert/boundary/AlertService.java",
            "cases/boundary/RegistryService.java",
            "diagnosis/boundary/DiagnosisService.java",
            "indicator/boundary/IndicatorService.java",
            "mgc/agenda/boundary/AgendaService.java",
            "mgc/minutes/boundary/MinutesService.java",
            "mgc/network/boundary/ProtocolService.java",
            "mgc/session/boundary/SessionService.java",
            "offer/boundary/OfferService.java",
            "plan/boundary/PlanService.java",
            "referral/boundary/ReferralService.java",
            "waiting/boundary/WaitingListService.java");

    @Test
    void boundariesStayShort() {
        List<String> tooLong = new ArrayList<>();
        List<String> split = new ArrayList<>();
        for (Path file : NativeWritesTest.javaFiles()) {
            String name = NativeWritesTest.relative(file);
            if (!name.contains("/boundary/")) {
                continue;
            }
            long lines = NativeWritesTest.read(file).lines().count();
            if (lines > MAX_LINES && !NOT_YET_SPLIT.contains(name)) {
                tooLong.add(name + " (" + lines + " lines)");
            }
            if (lines <= MAX_LINES && NOT_YET_SPLIT.contains(name)) {
                split.add(name);
            }
        }
        assertThat(tooLong).as("boundaries over " + MAX_LINES + " lines: move SQL into a *Query control").isEmpty();
        assertThat(split).as("boundaries under the limit still on the NOT_YET_SPLIT list (remove them)").isEmpty();
    }
}
