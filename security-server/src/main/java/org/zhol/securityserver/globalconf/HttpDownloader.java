// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * {@link ConfigurationDownloader} over the JDK's HTTP client: plain GETs, no redirects, one timeout for
 * connecting and answering. The HTTP client is made on the first request and released by {@link #close()}.
 * Integrity does not come from the transport but from the configuration's signature.
 *
 * <p><b>Limits:</b> a body is read up to the caller's {@code maxBytes}, then refused.
 */
public final class HttpDownloader implements ConfigurationDownloader, AutoCloseable {

    private final Duration timeout;
    private HttpClient client;
    private boolean closed;

    /** @param timeout the longest wait for connecting and for each answer */
    public HttpDownloader(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public byte[] get(URI uri, int maxBytes) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw ZholException.internal(ErrorCode.HTTP_ERROR,
                            "The central server answered " + response.statusCode() + " to GET " + uri, null);
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw ZholException.internal(ErrorCode.MALFORMED_GLOBAL_CONF,
                            "The answer to GET " + uri + " is longer than " + maxBytes + " bytes", null);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Cannot download " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Interrupted while downloading " + uri, e);
        }
    }

    private synchronized HttpClient client() {
        if (closed) {
            throw new IllegalStateException("the downloader is closed");
        }
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.shutdownNow();
            client = null;
        }
    }

    @Override
    public String toString() {
        return "HttpDownloader[timeout=" + timeout + "]";
    }
}
