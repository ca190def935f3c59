package org.broadsheet.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests sent byte for byte over a socket: Java's HTTP client refuses to send backslashes, NUL bytes and
 * a Host header of our choosing, which are exactly what an attacker sends.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** The response (status line, headers, body) to {@code GET target} with {@code host} as Host header. */
    static String get(int port, String target, String host) throws IOException {
        return send(port, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    /** The status code of a raw response; 0 when the server closed the connection without answering. */
    static int status(String response) {
        if (!response.startsWith("HTTP/1.1 ")) {
            return 0;
        }
        return Integer.parseInt(response.substring(9, 12));
    }
}
