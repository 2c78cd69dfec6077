// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real {@link HttpDownloader}, recording the path of every request. */
final class RecordingDownloader implements ConfigurationDownloader, AutoCloseable {

    private final HttpDownloader http = new HttpDownloader(Duration.ofSeconds(5));
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @Override
    public byte[] get(URI uri, int maxBytes) {
        paths.add(uri.getPath());
        return http.get(uri, maxBytes);
    }

    List<String> paths() {
        return List.copyOf(paths);
    }

    void clear() {
        paths.clear();
    }

    @Override
    public void close() {
        http.close();
    }
}
