// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.GlobalConfDirectory;
import org.zhol.protocol.id.IdentifierRules;

/**
 * Imports a configuration anchor that an administrator uploads: decodes it, checks that it is for this
 * server's instance and that its URLs are usable, then downloads the newest directory from its URLs and
 * requires that one of its certificates signed it. Only then is it stored ({@link AnchorStore}).
 *
 * <p>Like X-Road, an anchor whose configuration cannot be downloaded is <b>refused</b>
 * ({@code NetworkError}): a mistyped URL is the most common error in an anchor, and accepting it would
 * only move the failure to the first download, where nobody is watching.
 *
 * <p>Every refusal says "The anchor is refused: …" and keeps the code of its cause; problems with the file
 * have origin {@code CLIENT}, an unreachable central server {@code THIS_SERVER}. A refused anchor leaves the
 * installed one in place.
 */
public final class AnchorImport {

    private static final Logger LOG = LoggerFactory.getLogger(AnchorImport.class);

    private final String instance;
    private final AnchorStore store;
    private final GenerationDownload download;
    private final Clock clock;

    /**
     * @param instance   the instance of this server's owner
     * @param store      where the accepted anchor is stored
     * @param downloader the network seam, shared with the {@link ConfigurationClient}
     * @param clock      the time at which the configuration must be valid
     */
    public AnchorImport(String instance, AnchorStore store, ConfigurationDownloader downloader, Clock clock) {
        this.instance = IdentifierRules.code("xRoadInstance", instance);
        this.store = Objects.requireNonNull(store, "store");
        this.download = new GenerationDownload(downloader);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Validates, verifies online and stores {@code bytes} as the installed anchor. Call
     * {@link ConfigurationClient#refreshNow()} afterwards to download with it at once.
     *
     * @return the anchor now installed
     * @throws ZholException {@code MalformedGlobalConf} when it is not a valid anchor or a URL is unusable,
     *                       {@code MalformedGlobalConf.InconsistentResponse} when it is for another instance,
     *                       {@code NetworkError}/{@code HttpError} when no configuration could be downloaded
     *                       from any of its URLs, and the verifier's code ({@code IncorrectCertificate},
     *                       {@code InvalidSignatureValue}, {@code OutdatedGlobalConf}, …) when the configuration
     *                       found there does not verify with it; {@code IOError} when it cannot be stored
     */
    public ConfigurationAnchor importAnchor(byte[] bytes) {
        ConfigurationAnchor anchor = decode(bytes);
        if (!anchor.instance().equals(instance)) {
            throw ConfigurationFaults.refusedAnchor(ConfigurationFaults.WRONG_INSTANCE, "it is for instance '"
                    + anchor.instance() + "', and this server belongs to instance '" + instance + "'", null);
        }
        anchor.downloadUrls().forEach(AnchorImport::checkUrl);
        GlobalConfDirectory latest = verifyOnline(anchor);
        store.save(bytes);
        LOG.info("Configuration anchor for instance {} imported ({} signer certificates, {} download URLs);"
                + " generation {} at its URLs verifies with it", anchor.instance(),
                anchor.signingCertificates().size(), anchor.downloadUrls().size(), latest.generation());
        return anchor;
    }

    private static ConfigurationAnchor decode(byte[] bytes) {
        try {
            return ConfigurationAnchorCodec.decode(bytes);
        } catch (ZholException e) {
            throw ConfigurationFaults.refusedAnchor(e.faultCode(), "it is not a valid anchor file (" + e.detail()
                    + ")", e);
        }
    }

    private static void checkUrl(URI url) {
        boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
        if (!http || url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null
                || url.getRawFragment() != null) {
            throw ConfigurationFaults.refusedAnchor(FaultCode.of(ErrorCode.MALFORMED_GLOBAL_CONF), "the download URL '"
                    + url + "' is not an http(s) URL with a host and no user, query or fragment", null);
        }
    }

    private GlobalConfDirectory verifyOnline(ConfigurationAnchor anchor) {
        try {
            return download.verifyLatest(anchor, clock.instant());
        } catch (ZholException e) {
            if (e.code() == ErrorCode.NETWORK_ERROR || e.code() == ErrorCode.HTTP_ERROR) {
                throw new ZholException(e.faultCode(), e.origin(), "The anchor is refused: no configuration could be"
                        + " downloaded from its URLs " + anchor.downloadUrls() + " (" + e.detail() + ")", e);
            }
            throw ConfigurationFaults.refusedAnchor(e.faultCode(), "the configuration at its URLs does not verify"
                    + " with it (" + e.detail() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "AnchorImport[" + instance + ", " + store + "]";
    }
}
