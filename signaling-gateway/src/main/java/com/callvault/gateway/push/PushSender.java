package com.callvault.gateway.push;

import com.callvault.gateway.push.PushMetrics.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * Sends pushes off the event processor's thread: {@link #offer} never waits (a full queue drops the push and counts it).
 * An intent becomes one job per subscription of its recipient, in the order intents were offered. Jobs with a topic
 * go through a lane per (endpoint, topic): one at a time, and a newer push waiting for its lane replaces an older one
 * that has not gone out yet, so "call ended" can never overtake the "incoming call" it replaces.
 * <p>Answers: 2xx delivered; 404/410 the subscription is removed; 429, 5xx and failed connections are retried with
 * {@link Backoff} until {@code maxAttempts} or the push's TTL runs out; any other status is a refusal, not retried.
 */
final class PushSender implements PushOutbox, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushSender.class);

    /** One push to one device; {@code attempt} counts from 1. */
    private record Job(PushIntent intent, PushSubscriptionStore.Target target, int attempt) {

        String lane() {
            return intent.topic() == null ? null : target.endpoint() + " " + intent.topic();
        }

        Job next() {
            return new Job(intent, target, attempt + 1);
        }
    }

    private final PushSettings settings;
    private final PushSubscriptionStore store;
    private final PushRequests requests;
    private final PushDelivery delivery;
    private final PushMetrics metrics;
    private final Backoff backoff;
    private final Clock clock;
    private final Sinks.Many<PushIntent> intents;
    private final Sinks.Many<Job> jobs;
    /** Lanes in use; a value is the job waiting for its lane (null: none waits). Guarded by itself. */
    private final Map<String, Job> lanes = new HashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Disposable.Composite running = Disposables.composite();
    /** Encryption and signing, off the HTTP event loops and off the shared parallel scheduler, at a low priority. */
    private final Scheduler crypto;

    PushSender(PushSettings settings, PushSubscriptionStore store, PushRequests requests, PushDelivery delivery,
               io.micrometer.core.instrument.MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.requests = requests;
        this.delivery = delivery;
        this.metrics = new PushMetrics(registry, queued::get);
        this.backoff = new Backoff(settings.retryDelay(), settings.maxRetryDelay());
        this.clock = clock;
        this.crypto = Schedulers.newParallel(settings.encryptionThreads(), LowPriority.threads("push-encrypt", settings.threadNiceness()));
        this.intents = Sinks.many().unicast().onBackpressureBuffer(Queues.<PushIntent>get(settings.queueCapacity()).get());
        this.jobs = Sinks.many().unicast().onBackpressureBuffer(Queues.<Job>get(settings.queueCapacity()).get());
        running.add(intents.asFlux()
            .flatMapSequential(intent -> store.targets(intent.recipient()).collectList()
                .onErrorResume(e -> {
                    log.warn("Could not read the push subscriptions of {}: {}", intent.recipient(), e.toString());
                    return Mono.just(List.of());
                })
                .map(targets -> Map.entry(intent, targets)), 8)
            .subscribe(entry -> {
                queued.decrementAndGet();
                try {
                    entry.getValue().forEach(target -> submit(new Job(entry.getKey(), target, 1)));
                } catch (RuntimeException e) {
                    log.error("Could not queue a {} push to {}", entry.getKey().kind(), entry.getKey().recipient(), e);
                }
            }));
        running.add(jobs.asFlux()
            .flatMap(job -> attempt(job).onErrorResume(e -> {
                log.error("Push to {} failed unexpectedly", job.target().endpoint(), e);
                finish(job, Outcome.FAILED);
                return Mono.empty();
            }), settings.concurrency())
            .subscribe());
    }

    /** Queues a push to every device of the intent's recipient; false (and counted) when the queue is full. */
    @Override
    public boolean offer(PushIntent intent) {
        Sinks.EmitResult result;
        synchronized (intents) {
            result = intents.tryEmitNext(intent);
        }
        if (result.isFailure()) {
            metrics.count(intent.kind(), Outcome.DROPPED);
            log.warn("Push queue full ({}): a {} push to {} was dropped", settings.queueCapacity(), intent.kind(), intent.recipient());
            return false;
        }
        queued.incrementAndGet();
        return true;
    }

    private void submit(Job job) {
        String lane = job.lane();
        if (lane != null) {
            synchronized (lanes) {
                if (lanes.containsKey(lane)) {
                    Job replaced = lanes.put(lane, job);
                    if (replaced != null) {
                        metrics.count(replaced.intent().kind(), Outcome.SUPERSEDED);
                    } else {
                        queued.incrementAndGet();
                    }
                    return;
                }
                lanes.put(lane, null);
            }
        }
        enqueue(job);
    }

    private void enqueue(Job job) {
        Sinks.EmitResult result;
        synchronized (jobs) {
            result = jobs.tryEmitNext(job);
        }
        if (result.isFailure()) {
            finish(job, Outcome.DROPPED);
        } else {
            queued.incrementAndGet();
        }
    }

    private Mono<Void> attempt(Job job) {
        queued.decrementAndGet();
        return Mono.fromCallable(() -> requests.prepare(job.target(), job.intent()))
            .subscribeOn(crypto)
            .flatMap(delivery::send)
            .onErrorResume(e -> {
                log.debug("No answer from {}: {}", job.target().endpoint(), e.toString());
                return Mono.just(new PushDelivery.Answer(0, null));
            })
            .flatMap(answer -> handle(job, answer));
    }

    private Mono<Void> handle(Job job, PushDelivery.Answer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            finish(job, Outcome.DELIVERED);
            return store.delivered(job.target().endpoint()).onErrorResume(e -> Mono.empty());
        }
        if (status == 404 || status == 410) {
            finish(job, Outcome.GONE);
            log.info("Push subscription {} is gone ({}): removed", job.target().endpoint(), status);
            return store.remove(job.target().endpoint()).onErrorResume(e -> Mono.empty());
        }
        if (status != 0 && status != 429 && status < 500) {
            finish(job, Outcome.REJECTED);
            log.warn("Push service refused a {} push to {} with {}", job.intent().kind(), job.target().endpoint(), status);
            return store.failed(job.target().endpoint()).onErrorResume(e -> Mono.empty());
        }
        Instant now = clock.instant();
        Duration delay = backoff.after(job.attempt(), answer.retryAfter(), now);
        if (job.attempt() >= settings.maxAttempts()) {
            finish(job, Outcome.FAILED);
            log.warn("Gave up a {} push to {} after {} attempts (last answer {})", job.intent().kind(), job.target().endpoint(),
                job.attempt(), status == 0 ? "none" : status);
            return store.failed(job.target().endpoint()).onErrorResume(e -> Mono.empty());
        }
        if (now.plus(delay).isAfter(job.intent().queuedAt().plus(job.intent().ttl()))) {
            finish(job, Outcome.EXPIRED);
            return Mono.empty();
        }
        metrics.count(job.intent().kind(), Outcome.RETRIED);
        queued.incrementAndGet();
        Mono.delay(delay).subscribe(tick -> {
            queued.decrementAndGet();
            if (!running.isDisposed()) {
                retry(job);
            }
        });
        return Mono.empty();
    }

    /** A retry gives way to a newer push that waits for the same lane. */
    private void retry(Job job) {
        String lane = job.lane();
        if (lane != null) {
            Job newer;
            synchronized (lanes) {
                newer = lanes.get(lane);
                if (newer != null) {
                    lanes.put(lane, null);
                }
            }
            if (newer != null) {
                queued.decrementAndGet();
                metrics.count(job.intent().kind(), Outcome.SUPERSEDED);
                enqueue(newer);
                return;
            }
        }
        enqueue(job.next());
    }

    /** The job is done with; the push waiting for its lane, if any, goes next. */
    private void finish(Job job, Outcome outcome) {
        metrics.count(job.intent().kind(), outcome);
        String lane = job.lane();
        if (lane == null) {
            return;
        }
        Job waiting;
        synchronized (lanes) {
            waiting = lanes.remove(lane);
            if (waiting != null) {
                lanes.put(lane, null);
            }
        }
        if (waiting != null) {
            queued.decrementAndGet();
            enqueue(waiting);
        }
    }

    @Override
    public void close() {
        running.dispose();
        delivery.close();
        crypto.dispose();
    }
}
