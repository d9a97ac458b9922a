package dev.troubleticket.masstack.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.model.TicketStatus;
import dev.troubleticket.masstack.internal.StatusMapping;
import dev.troubleticket.masstack.model.Transaction.Role;
import org.junit.jupiter.api.Test;

/**
 * The transaction table as data, and its neutral reading; states and issue types compared by {@code OpenValue}'s one
 * rule (text kept, documented value named ignoring case and surrounding blanks).
 */
class TransactionTableTest {
    private final TransactionTable table = TransactionTable.standard();

    @Test
    void operatorMayMakeWhatTheStateFlowAllows() {
        assertThat(table.allowed(Role.TU, TroubleTicketState.OPENACTIVE)).containsExactly(Transaction.TU10);
        assertThat(table.allowed(Role.TU, TroubleTicketState.AWAITING_CANCELATION))
                .containsExactly(Transaction.TU03, Transaction.TU04, Transaction.TU10);
        assertThat(table.allowed(Role.TU, TroubleTicketState.AWAITING_INFORMATION))
                .containsExactly(Transaction.TU06, Transaction.TU10);
        assertThat(table.allowed(Role.TU, TroubleTicketState.CLEARED))
                .containsExactly(Transaction.TU08, Transaction.TU09, Transaction.TU10);
        assertThat(table.allowed(Role.TU, TroubleTicketState.CLOSED)).isEmpty();
        assertThat(table.allowed(Role.TU, TroubleTicketState.CANCELED)).isEmpty();
        assertThat(table.allowed(Role.TU, TroubleTicketState.of("SOMETHING-NEW"))).isEmpty();
    }

    @Test
    void territoryOwnerActsOnOpenTickets() {
        assertThat(table.allowed(Role.TO, TroubleTicketState.OPENACTIVE))
                .containsExactly(Transaction.TO02, Transaction.TO05, Transaction.TO07);
        assertThat(table.allowed(Role.TO, TroubleTicketState.CLEARED)).isEmpty();
    }

    @Test
    void eachTransactionLeadsToTheDocumentsState() {
        assertThat(table.row(Transaction.TU01).to()).isEqualTo(TroubleTicketState.OPENACTIVE);
        assertThat(table.row(Transaction.TO02).to()).isEqualTo(TroubleTicketState.AWAITING_CANCELATION);
        assertThat(table.row(Transaction.TU03).to()).isEqualTo(TroubleTicketState.CANCELED);
        assertThat(table.row(Transaction.TU04).to()).isEqualTo(TroubleTicketState.OPENACTIVE);
        assertThat(table.row(Transaction.TO05).to()).isEqualTo(TroubleTicketState.AWAITING_INFORMATION);
        assertThat(table.row(Transaction.TU06).to()).isEqualTo(TroubleTicketState.OPENACTIVE);
        assertThat(table.row(Transaction.TO07).to()).isEqualTo(TroubleTicketState.CLEARED);
        assertThat(table.row(Transaction.TU08).to()).isEqualTo(TroubleTicketState.OPENACTIVE);
        assertThat(table.row(Transaction.TU09).to()).isEqualTo(TroubleTicketState.CLOSED);
        assertThat(table.row(Transaction.TU10).resultingState(TroubleTicketState.CLEARED)).isEqualTo(TroubleTicketState.CLEARED);
    }

    @Test
    void changeOfStateNamesItsTransaction() {
        assertThat(table.between(TroubleTicketState.OPENACTIVE, TroubleTicketState.CLEARED)).hasValue(Transaction.TO07);
        assertThat(table.between(TroubleTicketState.CLEARED, TroubleTicketState.OPENACTIVE)).hasValue(Transaction.TU08);
        assertThat(table.between(TroubleTicketState.CLEARED, TroubleTicketState.CLEARED)).hasValue(Transaction.TU10);
        assertThat(table.between(TroubleTicketState.CLOSED, TroubleTicketState.OPENACTIVE)).isEmpty();
    }

    @Test
    void everyProviderStateHasANeutralStatus() {
        assertThat(StatusMapping.toNeutral(TroubleTicketState.OPENACTIVE)).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(StatusMapping.toNeutral(TroubleTicketState.AWAITING_INFORMATION)).isEqualTo(TicketStatus.WAITING_FOR_OPERATOR);
        assertThat(StatusMapping.toNeutral(TroubleTicketState.AWAITING_CANCELATION)).isEqualTo(TicketStatus.CANCELLATION_REQUESTED);
        assertThat(StatusMapping.toNeutral(TroubleTicketState.CLEARED)).isEqualTo(TicketStatus.RESOLVED);
        assertThat(StatusMapping.toNeutral(TroubleTicketState.CLOSED)).isEqualTo(TicketStatus.CLOSED);
        assertThat(StatusMapping.toNeutral(TroubleTicketState.CANCELED)).isEqualTo(TicketStatus.CANCELLED);
        assertThat(StatusMapping.toNeutral(TroubleTicketState.of("DEFERRED.AWAITING-PARTS"))).isEqualTo(TicketStatus.UNKNOWN);
        assertThat(TroubleTicketState.of("cleared ").canonical()).isEqualTo(TroubleTicketState.CLEARED);
        assertThat(StatusMapping.toNeutral(TroubleTicketState.of(" closed.canceled"))).isEqualTo(TicketStatus.CANCELLED);
        assertThat(TroubleTicketState.of("DEFERRED.AWAITING-PARTS").value()).isEqualTo("DEFERRED.AWAITING-PARTS");
    }

    @Test
    void aStateInAnotherCaseKeepsItsTextAndFindsTheRowsOfTheStateItNames() {
        TroubleTicketState cleared = TroubleTicketState.of(" cleared ");

        assertThat(cleared.value()).isEqualTo(" cleared ");
        assertThat(cleared.isKnown()).isTrue();
        assertThat(cleared.is(TroubleTicketState.CLEARED)).isTrue();
        assertThat(cleared).isNotEqualTo(TroubleTicketState.CLEARED);
        assertThat(table.allowed(Role.TU, cleared)).containsExactly(Transaction.TU08, Transaction.TU09, Transaction.TU10);
        assertThat(table.isAllowed(Transaction.TU09, cleared)).isTrue();
        assertThat(table.between(TroubleTicketState.of("openactive"), cleared)).contains(Transaction.TO07);
        assertThat(table.between(TroubleTicketState.of("openactive"), TroubleTicketState.OPENACTIVE)).contains(Transaction.TU10);
        assertThat(table.row(Transaction.TU10).resultingState(TroubleTicketState.of("Openactive")))
                .isSameAs(TroubleTicketState.OPENACTIVE);
        assertThat(TroubleTicketState.of("closed").isFinal()).isTrue();
        assertThat(TroubleTicketState.of("DEFERRED.AWAITING-PARTS").isKnown()).isFalse();
        assertThat(TroubleTicketState.of("DEFERRED.AWAITING-PARTS").canonical()).isNull();
        assertThat(table.row(Transaction.TU10).resultingState(TroubleTicketState.of("DEFERRED.AWAITING-PARTS")).value())
                .isEqualTo("DEFERRED.AWAITING-PARTS");
    }

    @Test
    void anIssueTypeNamesClientOrNetworkInEitherLanguageAndKeepsItsText() {
        assertThat(IssueType.of(" Red ").canonical()).isSameAs(IssueType.NETWORK);
        assertThat(IssueType.of(" Red ").value()).isEqualTo(" Red ");
        assertThat(IssueType.of("NETWORK").is(IssueType.NETWORK)).isTrue();
        assertThat(IssueType.of("client").is(IssueType.of("CLIENTE"))).isTrue();
        assertThat(IssueType.of("client").is(IssueType.NETWORK)).isFalse();
        IssueType mutualised = IssueType.of("Incidencia Mutualizada");
        assertThat(mutualised.isKnown()).isFalse();
        assertThat(mutualised.canonical()).isNull();
        assertThat(mutualised.is(IssueType.of("incidencia mutualizada"))).isTrue();
        assertThat(IssueType.knownValues()).containsExactly(IssueType.CLIENT, IssueType.NETWORK);
    }
}
