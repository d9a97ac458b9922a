package dev.troubleticket.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A peer on a real socket that does to each connection what the test says (read the request, then reset
 * it, close it, or answer), for the failures no well-behaved HTTP server produces.
 */
final class RawPeer implements AutoCloseable {
    /** What the peer does with the {@code n}-th connection (from 1), given its socket. */
    @FunctionalInterface
    interface Behaviour {
        void serve(int connection, Socket socket, RawPeer peer) throws IOException;
    }

    private final ServerSocket listening;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    RawPeer(Behaviour behaviour) throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try (Socket socket = listening.accept()) {
                    behaviour.serve(connections.incrementAndGet(), socket, this);
                } catch (IOException closedOrDone) {
                    // The listening socket was closed, or the client went away: the next accept decides.
                }
            }
        }, "raw-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + listening.getLocalPort() + "/api/";
    }

    /** How many connections were accepted. */
    int connections() {
        return connections.get();
    }

    /** Stops listening: later connections are refused. */
    void stopListening() throws IOException {
        listening.close();
    }

    /** Reads one request (its head, and its body by Content-Length), so that it was received whole. */
    static void readRequest(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
    }

    /** Resets the connection (an RST, not an orderly close). */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Answers 200 with a small JSON body. */
    static void answerOk(Socket socket) throws IOException {
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        listening.close();
    }
}
