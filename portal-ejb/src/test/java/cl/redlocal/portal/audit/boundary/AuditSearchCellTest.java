package cl.redlocal.portal.audit.boundary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuditSearchCellTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"})
    void textsThatASpreadsheetWouldRunAsAFormulaAreExportedAsText(String typed) {
        assertThat(AuditSearch.cell(typed)).isEqualTo("'" + typed);
    }

    @Test
    void ordinaryTextsAreLeftAlone() {
        assertThat(AuditSearch.cell("coordinador")).isEqualTo("coordinador");
        assertThat(AuditSearch.cell("/cases/case.xhtml")).isEqualTo("/cases/case.xhtml");
        assertThat(AuditSearch.cell(null)).isNull();
    }
}
