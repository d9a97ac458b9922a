package dev.troubleticket.core.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Sorts an attempt's I/O failure by what a caller must know of it: whether the request can have reached the
 * provider, and whether trying again can help.
 */
final class TransportFailures {
    private TransportFailures() {
    }

    /**
     * Whether the attempt failed before a connection to the provider was made, so that the request
     * certainly did not reach it: refused, unknown host, no route, or a TLS peer this client refused
     * (which happens before the request is written). Everything else may have been read by the provider.
     */
    static boolean beforeConnection(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || peerRefusedByThisClient(e);
    }

    /**
     * Whether the same request would meet the same failure on every try: the server's certificate is not
     * trusted here, or does not name the host (or fails a pin). A retry only delays the error.
     */
    static boolean cannotHeal(IOException e) {
        return peerRefusedByThisClient(e);
    }

    private static boolean peerRefusedByThisClient(IOException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            // OkHttp's host name and certificate pin checks, made after the handshake and before any request byte.
            return true;
        }
        if (e instanceof SSLHandshakeException) {
            // The trust manager's verdict (PKIX path, expiry, ...) is the cause; a handshake cut short has none.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof CertificateException || cause instanceof CertPathValidatorException
                        || cause instanceof CertPathBuilderException) {
                    return true;
                }
            }
        }
        return false;
    }
}
