// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import java.time.Clock;
import org.zhol.securityserver.central.HttpsCentralServerClient;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.globalconf.AnchorStore;
import org.zhol.securityserver.registration.CentralSettings;
import org.zhol.securityserver.registration.FreshOcsp;
import org.zhol.securityserver.registration.RegistrationConfig;
import org.zhol.securityserver.registration.RegistrationContext;
import org.zhol.securityserver.registration.RegistrationService;
import org.zhol.securityserver.registration.RegistrationTracker;
import org.zhol.securityserver.registration.RequestSigning;
import org.zhol.securityserver.registration.RequestSubmission;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.store.SqlRegistrationRequestRepository;
import org.zhol.securityserver.store.SqlSettingsRepository;
import org.zhol.server.store.Database;

/**
 * The registration flows, wired with {@code new} and started and closed by {@link SecurityServer}: the
 * requests kept in the database, the HTTPS client of the central server, signing with the token and the
 * OCSP cache, and the tracker that confirms requests from the configuration. {@link #start} makes no
 * network call.
 */
final class RegistrationServices implements AutoCloseable {

    private final SecurityServerConfig config;
    private final Clock clock;
    private RegistrationTracker tracker;
    private RegistrationService service;
    private CentralSettings central;

    RegistrationServices(SecurityServerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void start(Database db, TrustServices trust, ServiceRegistry registry) {
        RegistrationConfig settings = config.registration().registrationConfig();
        RegistrationContext context = new RegistrationContext(config.serverId(), trust.configuration(), registry,
                new SqlRegistrationRequestRepository(db), clock);
        AnchorStore anchors = new AnchorStore(config.dataDir().resolve(TrustServices.GLOBALCONF_DIRECTORY));
        central = new CentralSettings(new SqlSettingsRepository(db), settings,
                () -> anchors.installed().map(AnchorStore.Installed::anchor));
        RequestSubmission submission = new RequestSubmission(context,
                new HttpsCentralServerClient(settings.timeout()), central);
        tracker = new RegistrationTracker(context, submission, settings.checkInterval(), settings.pollInterval());
        RequestSigning signing = new RequestSigning(trust.token(),
                new FreshOcsp(trust.ocsp(), () -> {
                    // A certificate imported right after the anchor may need a newer configuration (its CA,
                    // its responder) than the one downloaded at the import: download first, then fetch.
                    trust.configuration().refreshNow();
                    trust.ocsp().refreshNow();
                }, settings.timeout()));
        service = new RegistrationService(context, trust.token(), signing, submission, tracker);
        tracker.start();
    }

    RegistrationService service() {
        return service;
    }

    CentralSettings central() {
        return central;
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
    }
}
