package com.callvault.gateway.webclient;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The web client's files are Spring Boot's static resources ({@code classpath:/static/}, built by the web module),
 * open to everyone. The service worker, {@code /sw.js}, must stay at the root (its scope is the folder it is served
 * from) and under its own name, so browsers look for a new version at every check: it is revalidated each time
 * ({@code Cache-Control: no-cache}) rather than cached like the content-hashed {@code /assets/}.
 */
@Configuration(proxyBeanMethods = false)
class WebClientResources implements WebFluxConfigurer {

    static final String SERVICE_WORKER = "/sw.js";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(SERVICE_WORKER, SERVICE_WORKER + ".map")
            .addResourceLocations("classpath:/static/")
            .setCacheControl(CacheControl.noCache());
    }
}
