package cl.redlocal.portal.mgc.agenda.entity;

import cl.redlocal.portal.mgc.agenda.control.FlowLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseItemTest {

    @Test
    void aProposalIsDecidedOnceAndAPickedItemIsNotDecidedAgain() {
        CaseItem proposed = new CaseItem(1, 2, "PROPOSED", "Propuesto por PPF: motivo", "PROPOSED", "prof", 3L, 1);
        proposed.decide(false);
        assertThat(proposed.getState()).isEqualTo("DECLINED");
        assertThatThrownBy(() -> proposed.decide(true)).isInstanceOf(IllegalStateException.class);

        CaseItem picked = new CaseItem(1, 2, "SUGGESTED", "Caso complejo", "PICKED", "cofa", null, 1);
        assertThatThrownBy(() -> picked.decide(true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reasonsAccumulateOnceAndStayWithinTheColumn() {
        CaseItem item = new CaseItem(1, 2, "ALERT", "Alerta enviada a la Mesa: alta", "PICKED", "cofa", null, 1);
        item.addReason("Alerta enviada a la Mesa: alta");
        item.addReason("Derivación rechazada 2 veces");
        assertThat(item.getReasons()).isEqualTo("Alerta enviada a la Mesa: alta; Derivación rechazada 2 veces");
        item.addReason("x".repeat(2000));
        assertThat(item.getReasons()).hasSize(1000);
    }

    @Test
    void thePautaKeepsNoBlankText() {
        CaseItem item = new CaseItem(1, 2, "PICKED", "Elegido", "PICKED", "cofa", null, 1);
        item.writePauta("  ¿Quién coordina?  ", "   ");
        assertThat(item.getQuestion()).isEqualTo("¿Quién coordina?");
        assertThat(item.getPresenterNotes()).isNull();
    }

    @Test
    void aWaitingListChangeIsSigned() {
        assertThat(new FlowLine(1, "PPF", 0, 0, 0, 0, 0, 3, 10, 2).changeLabel()).isEqualTo("+2");
        assertThat(new FlowLine(1, "PPF", 0, 0, 0, 0, 0, 3, 10, -1).changeLabel()).isEqualTo("-1");
        assertThat(new FlowLine(1, "PPF", 0, 0, 0, 0, 0, 3, 10, 0).changeLabel()).isEqualTo("0");
    }

    @Test
    void theStandardBlocksComeInTheTablesOrder() {
        assertThat(AgendaBlock.STANDARD).containsExactly(AgendaBlock.WELCOME, AgendaBlock.MINUTES_APPROVAL,
                AgendaBlock.AGREEMENTS, AgendaBlock.FLOWS, AgendaBlock.TOPICS, AgendaBlock.CASES);
        assertThat(AgendaBlock.MINUTES_APPROVAL.standardTitle()).isEqualTo("Lectura y aprobación del acta anterior");
    }
}
