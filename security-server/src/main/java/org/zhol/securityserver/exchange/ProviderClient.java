// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * Calls providers' information systems: the JDK's HTTP client, HTTP/1.1, its work on virtual threads,
 * redirects not followed. A failure to reach the provider or to get its answer within the service's
 * timeout is {@code ServiceFailed.NetworkError} (origin: the provider); the provider's own HTTP errors are
 * answers like any other and pass through.
 */
public final class ProviderClient implements AutoCloseable {

    /** How often a waiting call looks at the clock. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final ExecutorService executor;
    private final HttpClient http;

    /** A client whose connections time out after {@code connectTimeout}. */
    public ProviderClient(Duration connectTimeout) {
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    }

    /**
     * Sends {@code request} and returns the status and headers, the body still streaming.
     *
     * <p>The timeout counts from the moment the request's body has been sent completely, as a read timeout
     * would: a large body streamed to the provider does not eat into the service's time to answer.
     *
     * @param timeout   how long the provider may take to answer once it has the whole request
     * @param sentAt    when the body was sent completely ({@link System#nanoTime()}), empty while it streams
     * @param abortedBy when the request body failed (the exchange refused the request), that failure is
     *                  thrown instead of the network error it caused
     * @throws ZholException {@code ServiceFailed.NetworkError}
     */
    public HttpResponse<InputStream> send(HttpRequest request, Duration timeout, Supplier<OptionalLong> sentAt,
            Supplier<Optional<RuntimeException>> abortedBy) {
        CompletableFuture<HttpResponse<InputStream>> response = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try {
            while (true) {
                OptionalLong sent = sentAt.get();
                long waitNanos = sent.isEmpty() ? POLL.toNanos() : sent.getAsLong() + timeout.toNanos() - System.nanoTime();
                if (waitNanos <= 0) {
                    response.cancel(true);
                    throw networkError("The service's information system did not answer within " + timeout.toSeconds()
                            + " s", null);
                }
                try {
                    return response.get(Math.min(waitNanos, POLL.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Look at the clock again.
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                throw abortedBy.get().orElseGet(() -> networkError("The service's information system cannot be reached",
                        cause));
            }
            throw abortedBy.get().orElseGet(() -> networkError("The call to the service's information system failed",
                    cause));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw networkError("Interrupted while calling the service's information system", e);
        }
    }

    /** {@code ServiceFailed.NetworkError} with {@code detail}. */
    static ZholException networkError(String detail, Throwable cause) {
        return new ZholException(FaultCode.of(ErrorCode.SERVICE_FAILED, ErrorCode.NETWORK_ERROR), Origin.PROVIDER, detail,
                cause);
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}
