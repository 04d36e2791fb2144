package com.callvault.gateway.push;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Web Push: the settings, checked at start-up (keys that are set but unusable stop it; no keys turn push off, said
 * once here), the sender, and the event processor that decides what to push.
 */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PushConfiguration.class);

    @Bean
    PushSettings pushSettings(PushProperties properties) {
        PushSettings settings = PushSettings.from(properties);
        if (settings.enabled()) {
            log.info("Web Push on: VAPID public key {}, subject {}, message previews {}{}", settings.vapid().get().publicKey(),
                settings.subject(), settings.messagePreview() ? "shown" : "hidden",
                settings.allowHttpEndpoints() ? "; PUSH_ALLOW_HTTP_ENDPOINTS=true admits http endpoints (local testing only)" : "");
        } else {
            log.info("Web Push off: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set (generate them with 'java -jar callvault.jar vapid-keys')");
        }
        return settings;
    }

    @Bean
    PushOutbox pushOutbox(PushSettings settings, PushSubscriptionStore store, MeterRegistry registry, Clock clock) {
        if (!settings.enabled()) {
            return intent -> false;
        }
        PushRequests requests = new PushRequests(new VapidTokens(settings.vapid().get(), settings.subject(), clock));
        return new PushSender(settings, store, requests, new PushDelivery(settings.concurrency(), settings.requestTimeout(), settings.threadNiceness()), registry, clock);
    }

    /**
     * {@link PushNotifier} is a tracking processor that starts at the head of the event stream: a first deployment, or a
     * reset token, never pushes history. From then on its token is stored like every processor's, so a restart picks up
     * where it stopped.
     */
    @Bean
    ConfigurerModule pushNotifierTracksFromTheHead() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(PushNotifier.PROCESSING_GROUP,
            org.axonframework.config.Configuration::eventStore,
            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
