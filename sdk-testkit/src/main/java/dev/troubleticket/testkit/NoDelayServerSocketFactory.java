package dev.troubleticket.testkit;

import javax.net.ServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Server sockets whose accepted connections have {@code TCP_NODELAY} set. The mock server writes an
 * answer's headers and body separately; with Nagle's algorithm on, the body then waits for the client's
 * delayed acknowledgement (40 ms on Linux), which made every simulated call take about 45 ms. Public for tests
 * that run a {@code MockWebServer} of their own.
 */
public final class NoDelayServerSocketFactory extends ServerSocketFactory {

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return configure(new NoDelayServerSocket(), port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return configure(new NoDelayServerSocket(), port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return configure(new NoDelayServerSocket(), port, backlog, address);
    }

    private static ServerSocket configure(ServerSocket socket, int port, int backlog, InetAddress address) throws IOException {
        socket.bind(new java.net.InetSocketAddress(address, port), backlog);
        return socket;
    }

    /** Sets {@code TCP_NODELAY} on each connection it accepts. */
    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
