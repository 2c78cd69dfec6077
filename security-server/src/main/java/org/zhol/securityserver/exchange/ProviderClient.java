// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
     * @param abortedBy when the request body failed (the exchange refused the request), that failure is
     *                  thrown instead of the network error it caused
     * @throws ZholException {@code ServiceFailed.NetworkError}
     */
    public HttpResponse<InputStream> send(HttpRequest request, Supplier<Optional<RuntimeException>> abortedBy) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw abortedBy.get().orElseGet(() -> networkError("The service's information system cannot be reached", e));
        } catch (HttpTimeoutException e) {
            throw abortedBy.get().orElseGet(() -> networkError("The service's information system did not answer within "
                    + request.timeout().map(Duration::toSeconds).orElse(0L) + " s", e));
        } catch (IOException e) {
            throw abortedBy.get().orElseGet(() -> networkError("The call to the service's information system failed", e));
        } catch (InterruptedException e) {
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
