package cl.redlocal.portal.web.api;

import cl.redlocal.portal.web.api.HsdsId.Kind;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HsdsIdTest {

    @Test
    void aRowIdIsAUuidThatGivesTheRowIdBackForItsOwnKindOnly() {
        String id = HsdsId.of(Kind.SERVICE, 42);

        assertThat(id).isEqualTo("2ed10ca1-0002-8000-8000-00000000002a");
        assertThat(UUID.fromString(id).version()).isEqualTo(8);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(HsdsId.rowId(Kind.SERVICE, id)).hasValue(42);
        assertThat(HsdsId.rowId(Kind.SERVICE, id.toUpperCase())).hasValue(42);
        assertThat(HsdsId.rowId(Kind.ORGANIZATION, id)).isEmpty();
        assertThat(HsdsId.rowId(Kind.LOCATION, HsdsId.of(Kind.SERVICE_AT_LOCATION, 7))).isEmpty();
    }

    @Test
    void anythingElseNamesNothing() {
        assertThat(HsdsId.rowId(Kind.SERVICE, null)).isEmpty();
        assertThat(HsdsId.rowId(Kind.SERVICE, "42")).isEmpty();
        assertThat(HsdsId.rowId(Kind.SERVICE, "ac148810-d857-441c-9679-408f346de14b")).isEmpty();
        assertThat(HsdsId.rowId(Kind.SERVICE, "2ed10ca1-0002-8000-8000-00000000002a ")).isEmpty();
        assertThat(HsdsId.rowId(Kind.SERVICE, "2ed10ca1-0002-8000-8000-00000000002z")).isEmpty();
        assertThatThrownBy(() -> HsdsId.of(Kind.SERVICE, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDerivedIdIsTheSameForTheSamePathAndDiffersBetweenPaths() {
        assertThat(HsdsId.derived("service/42/contact")).isEqualTo(HsdsId.derived("service/42/contact"))
                .isNotEqualTo(HsdsId.derived("service/43/contact"));
        assertThat(UUID.fromString(HsdsId.derived("service/42/contact")).version()).isEqualTo(3);
    }
}
