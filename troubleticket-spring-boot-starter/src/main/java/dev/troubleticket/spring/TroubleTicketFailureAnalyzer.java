package dev.troubleticket.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link TroubleTicketPropertyException} into Spring Boot's start-up report: what is wrong, and the property
 * to set or correct, instead of a stack trace through the bean factory.
 */
public class TroubleTicketFailureAnalyzer extends AbstractFailureAnalyzer<TroubleTicketPropertyException> {

    /** Made by Spring Boot from {@code META-INF/spring.factories}. */
    public TroubleTicketFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TroubleTicketPropertyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set or correct the property '" + cause.property() + "' (the troubleticket-spring-boot-starter README lists"
                        + " the properties).", cause);
    }
}
