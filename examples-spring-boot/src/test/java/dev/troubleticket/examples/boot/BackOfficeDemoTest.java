package dev.troubleticket.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ./example BackOffice --demo}: one ticket at each provider through the Spring Boot back office, exit code 0. */
class BackOfficeDemoTest {

    @Test
    void theDemoWalksATicketAtEachProviderAndExitsZero() {
        assertThat(BackOffice.run(new String[] {"--demo"})).isZero();
    }
}
