// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.zhol.protocol.globalconf.EffectiveAnchor;
import org.zhol.protocol.globalconf.GlobalConfDirectory;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.protocol.globalconf.PartReference;

/**
 * What a security server's configuration client does, in a test: fetch {@code latest}, the directory and
 * its signature, verify them, fetch the listed parts, verify everything and adopt the published signers.
 */
public final class ConfigurationDownloader implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private EffectiveAnchor trust;

    public ConfigurationDownloader(EffectiveAnchor trust) {
        this.trust = trust;
    }

    public EffectiveAnchor trust() {
        return trust;
    }

    /** Downloads and verifies the latest generation; on success the client trusts what it published. */
    public EffectiveAnchor.Update update(Instant now) throws IOException, InterruptedException {
        GlobalConfFiles files = download(now);
        EffectiveAnchor.Update update = trust.verifyAndUpdate(files, now);
        trust = update.anchor();
        return update;
    }

    GlobalConfFiles download(Instant now) throws IOException, InterruptedException {
        String instance = trust.anchor().instance();
        long generation = GlobalConfLayout.decodeLatest(get(GlobalConfLayout.latestPath(instance)).body());
        byte[] directory = get(GlobalConfLayout.filePath(instance, generation, GlobalConfLayout.DIRECTORY_FILE)).body();
        byte[] signature = get(GlobalConfLayout.filePath(instance, generation, GlobalConfLayout.SIGNATURE_FILE)).body();
        GlobalConfDirectory verified = trust.verifyDirectory(directory, signature, now);
        Map<String, byte[]> parts = new HashMap<>();
        for (PartReference part : verified.parts()) {
            parts.put(part.name(), get(GlobalConfLayout.filePath(instance, generation, part.location())).body());
        }
        return new GlobalConfFiles(directory, signature, parts);
    }

    @Override
    public void close() {
        http.close();
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        URI uri = GlobalConfLayout.resolve(trust.anchor().downloadUrls().getFirst(), path);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " gave " + response.statusCode());
        }
        return response;
    }
}
