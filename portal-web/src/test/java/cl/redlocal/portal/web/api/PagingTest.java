package cl.redlocal.portal.web.api;

import cl.redlocal.portal.platform.PageResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void absentParametersMeanTheFirstPageOfFifty() {
        Paging paging = Paging.of(null, "");
        assertThat(paging).isEqualTo(new Paging(1, 50));
        assertThat(paging.request().first()).isZero();
        assertThat(paging.request().size()).isEqualTo(50);
        assertThat(Paging.of("3", "10").request().first()).isEqualTo(20);
    }

    @ParameterizedTest
    @CsvSource({"-1, 10, page", "0, 10, page", "abc, 10, page", "1000001, 10, page", "1, 0, per_page",
            "1, 101, per_page", "1, 100000, per_page", "1, 1.5, per_page", "1, 99999999999, per_page"})
    void anythingButAWholeNumberInRangeIsRefusedNamingTheParameter(String page, String perPage, String parameter) {
        assertThatThrownBy(() -> Paging.of(page, perPage)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error().status()).isEqualTo(400);
            assertThat(e.error().code()).isEqualTo("invalid_parameter");
            assertThat(e.error().message()).startsWith(parameter + ": ");
        });
    }

    @Test
    void theEnvelopeCountsPagesAndSaysWhereThisOneIs() {
        Hsds.Page<Integer> second = new Paging(2, 10).envelope(new PageResult<>(25, List.of(11, 12, 13, 14, 15,
                16, 17, 18, 19, 20)), Function.identity());
        assertThat(second).isEqualTo(new Hsds.Page<>(25, 3, 2, 10, false, false, false,
                List.of(11, 12, 13, 14, 15, 16, 17, 18, 19, 20)));

        Hsds.Page<Integer> last = new Paging(3, 10).envelope(new PageResult<>(25, List.of(21, 22, 23, 24, 25)),
                Function.identity());
        assertThat(last.size()).isEqualTo(5);
        assertThat(last.lastPage()).isTrue();

        Hsds.Page<Integer> none = new Paging(1, 10).envelope(new PageResult<>(0, List.<Integer>of()),
                Function.identity());
        assertThat(none).isEqualTo(new Hsds.Page<>(0, 0, 1, 0, true, true, true, List.of()));
    }
}
