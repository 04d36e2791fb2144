package com.callvault.gateway.webclient;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The web client's files are Spring Boot's static resources ({@code classpath:/static/}, built by the web module),
 * open to everyone. The page itself is never cached (Spring Security's default {@code no-cache, no-store}) and the
 * service worker ({@code /sw.js}, which must stay at the root under its own name: its scope is the folder it is served
 * from) is revalidated at every check ({@code no-cache}), so a new version reaches browsers at once; what the page
 * loads, {@code /assets/}, has the content's hash in its name and is cached for a year as immutable.
 */
@Configuration(proxyBeanMethods = false)
class WebClientResources implements WebFluxConfigurer {

    static final String SERVICE_WORKER = "/sw.js";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(SERVICE_WORKER, SERVICE_WORKER + ".map")
            .addResourceLocations("classpath:/static/")
            .setCacheControl(CacheControl.noCache());
        registry.addResourceHandler("/assets/**")
            .addResourceLocations("classpath:/static/assets/")
            .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
