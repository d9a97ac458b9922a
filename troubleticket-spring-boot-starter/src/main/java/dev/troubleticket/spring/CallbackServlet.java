package dev.troubleticket.spring;

import dev.troubleticket.core.callback.CallbackHandler;
import dev.troubleticket.core.callback.CallbackResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hands the requests of each subscription's callback path (and the paths below it) to the subscription's mounted
 * {@link CallbackHandler}: the TMF621 / Nexera receiver on the application's own server instead of a second port.
 * Before the subscription runs and after it stopped the answer is 503, so that the provider sends again; a path
 * whose subscription is polled gets 404. Registered by {@link TroubleTicketWebMvcAutoConfiguration}.
 */
public final class CallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Subscription names by callback path. */
    private final transient Map<String, String> subscriptions;
    private final transient ManagedSubscriptions managed;

    CallbackServlet(Map<String, String> subscriptionsByPath, ManagedSubscriptions managed) {
        this.subscriptions = Map.copyOf(subscriptionsByPath);
        this.managed = managed;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = subscriptions.get(request.getServletPath());
        Optional<CallbackHandler> handler = name == null ? Optional.empty() : managed.callbackHandler(name);
        String method = request.getMethod();
        String path = request.getRequestURI();
        CallbackResponse answer;
        if (handler.isEmpty()) {
            boolean known = name != null && managed.subscription(name).isPresent();
            // Running without a receiver: a polled provider; not running: the provider is to send it again.
            answer = known ? new CallbackResponse(404, "") : new CallbackResponse(503, "not receiving yet");
        } else {
            CallbackHandler receiver = handler.get();
            long declared = request.getContentLengthLong();
            if (declared > receiver.maxBodyBytes()) {
                answer = receiver.bodyTooLarge(method, path);
            } else {
                byte[] body;
                try (InputStream in = request.getInputStream()) {
                    body = in.readNBytes(receiver.maxBodyBytes() + 1);
                }
                answer = body.length > receiver.maxBodyBytes() ? receiver.bodyTooLarge(method, path)
                        : receiver.handle(method, path, headers(request), body.length == 0 ? null : body);
            }
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(out.length);
        try (OutputStream body = response.getOutputStream()) {
            body.write(out);
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header : Collections.list(request.getHeaderNames())) {
            headers.put(header, Collections.list(request.getHeaders(header)));
        }
        return headers;
    }

    /** The servlet's URL patterns: each callback path and the paths below it. */
    static List<String> urlPatterns(Map<String, String> subscriptionsByPath) {
        return subscriptionsByPath.keySet().stream().map(path -> path + "/*").toList();
    }

    /** Callback paths of the handler beans {@code names}. */
    static Map<String, String> paths(List<String> names, TroubleTicketProperties properties) {
        Map<String, String> byPath = new LinkedHashMap<>();
        for (String name : names) {
            String path = CallbackPaths.path(name, properties.getSubscriptions().getOrDefault(name, new TroubleTicketProperties.Subscription()));
            String other = byPath.putIfAbsent(path, name);
            if (other != null) {
                throw new TroubleTicketPropertyException("troubleticket.subscriptions." + name + ".callback-path", "troubleticket.subscriptions." + name + ".callback-path '" + path
                        + "' is also the callback path of '" + other + "'");
            }
        }
        return byPath;
    }
}
