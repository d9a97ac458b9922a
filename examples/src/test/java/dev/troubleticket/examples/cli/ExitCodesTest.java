package dev.troubleticket.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troubleticket.core.error.ErrorDetails;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.NotFoundException;
import dev.troubleticket.core.error.ProviderException;
import dev.troubleticket.core.error.TransportException;
import dev.troubleticket.core.error.UnsupportedCapabilityException;
import dev.troubleticket.core.error.ValidationException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    private static ErrorDetails answered(int status) {
        return new ErrorDetails("kosc", status, null, "the provider's words", null, "{}", 1);
    }

    @Test
    void eachKindOfFailureHasItsExitCode() {
        assertThat(ExitCodes.of(ValidationException.beforeSending("kosc", "ticket", List.of(new FieldViolation("type", "must be service")))))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(ExitCodes.of(new ValidationException("refused", List.of(), answered(400)))).isEqualTo(ExitCodes.REFUSED);
        assertThat(ExitCodes.of(new NotFoundException("no such ticket", answered(404)))).isEqualTo(ExitCodes.REFUSED);
        assertThat(ExitCodes.of(new ProviderException("down", answered(503)))).isEqualTo(ExitCodes.FAILED);
        assertThat(ExitCodes.of(new TransportException("reset", ErrorDetails.none("kosc"), new IOException("reset")))).isEqualTo(ExitCodes.FAILED);
        assertThat(ExitCodes.of(new UnsupportedCapabilityException("masstack", "LIST"))).isEqualTo(ExitCodes.USAGE);
        assertThat(ExitCodes.of(new UsageException("no provider"))).isEqualTo(ExitCodes.USAGE);
        assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(ExitCodes.OTHER);
    }

    @Test
    void theSentenceCarriesTheProvidersOwnMessage() {
        NotFoundException notFound = new NotFoundException("kosc answered HTTP 404: Not found.", answered(404));
        assertThat(ExitCodes.sentence(notFound)).isEqualTo("ticketctl: the provider refused the request: kosc answered HTTP 404: Not found.");
        assertThat(ExitCodes.sentence(notFound).lines()).hasSize(1);
    }
}
