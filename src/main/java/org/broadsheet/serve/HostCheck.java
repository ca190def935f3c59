package org.broadsheet.serve;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses requests whose Host header names the server by a host name other than {@code localhost}: a web
 * page on another site could point its own name at 127.0.0.1 (DNS rebinding) and read the preview through
 * the reader's browser. An IP address cannot be rebound, so any address is allowed (a phone on the same
 * network previews through the server bound with {@code --bind 0.0.0.0}), with the server's port.
 */
final class HostCheck {
    private static final Pattern HOST = Pattern.compile(
            "(localhost\\.?|\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-f:.]+(?:%[0-9a-z]+)?\\])(?::(\\d{1,5}))?");

    private final int port;

    HostCheck(int port) {
        this.port = port;
    }

    /** @param host the request's Host header, or null when it sent none */
    boolean allows(String host) {
        if (host == null) {
            return false; // HTTP/1.1 requires it; a request without one is not from a browser
        }
        Matcher matcher = HOST.matcher(host.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return false;
        }
        int asked = matcher.group(2) == null ? 80 : Integer.parseInt(matcher.group(2));
        return asked == port;
    }
}
