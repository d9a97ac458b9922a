package dev.troubleticket.masstack.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowedStateTest {

    @Test
    void theStoredTextIsShortAndReadsBack() {
        FollowedState state = new FollowedState("DEFERRED.AWAITING-INFORMATION", FollowedState.hash("¿Horario?"), 3);

        String text = state.encode();

        assertThat(text).isEqualTo("DEFERRED.AWAITING-INFORMATION," + FollowedState.hash("¿Horario?") + ",3");
        assertThat(FollowedState.decode(text)).isEqualTo(state);
    }

    @Test
    void anOddStateIsKeptAsWritten() {
        FollowedState odd = new FollowedState("Pendiente, revisión", "-", 1);

        assertThat(FollowedState.decode(odd.encode())).isEqualTo(odd);
        assertThat(FollowedState.decode(new FollowedState(null, "-", 2).encode())).isEqualTo(new FollowedState(null, "-", 2));
    }

    @Test
    void textThatCannotBeReadMeansNotSeenYet() {
        assertThat(FollowedState.decode(null)).isNull();
        assertThat(FollowedState.decode("")).isNull();
        assertThat(FollowedState.decode("OPENACTIVE,abc")).isNull();
        assertThat(FollowedState.decode("OPENACTIVE,abc,many")).isNull();
        assertThat(FollowedState.decode("OPENACTIVE,abc,-1")).isNull();
        assertThat(FollowedState.decode("%zz,abc,1")).isNull();
    }

    @Test
    void aTicketJustOpenedHasHadNoEvent() {
        assertThat(FollowedState.opened("OPENACTIVE", "no navega"))
                .isEqualTo(new FollowedState("OPENACTIVE", FollowedState.hash("no navega"), 0));
    }
}
