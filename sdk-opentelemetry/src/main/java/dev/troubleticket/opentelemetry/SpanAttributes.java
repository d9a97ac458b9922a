package dev.troubleticket.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute keys the spans carry: the SDK's own ({@code troubleticket.*}) and those of OpenTelemetry's stable HTTP
 * client semantic conventions, written out here so that no semantic-conventions artifact is needed.
 */
final class SpanAttributes {
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("troubleticket.provider");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("troubleticket.operation");
    static final AttributeKey<String> TICKET_ID = AttributeKey.stringKey("troubleticket.ticket.id");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("troubleticket.outcome");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("troubleticket.attempts");
    static final AttributeKey<String> SUBSCRIPTION = AttributeKey.stringKey("troubleticket.subscription");
    static final AttributeKey<String> EVENT_KEY = AttributeKey.stringKey("troubleticket.event.key");
    static final AttributeKey<Long> DELIVERY_ATTEMPT = AttributeKey.longKey("troubleticket.delivery.attempt");
    static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("troubleticket.retry.reason");
    static final AttributeKey<Long> RETRY_DELAY_MS = AttributeKey.longKey("troubleticket.retry.delay_ms");
    static final AttributeKey<Boolean> TOKEN_RENEWAL = AttributeKey.booleanKey("troubleticket.token.renewal");

    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    private SpanAttributes() {
    }
}
