package com.callvault.gateway.messaging;

import com.callvault.api.messaging.ConversationId;
import com.callvault.api.messaging.MessageAccepted;
import com.callvault.api.messaging.SendMessage;
import com.callvault.api.messaging.SendMessages;
import com.callvault.api.messaging.SendResult;
import com.callvault.api.messaging.SendResults;
import com.callvault.gateway.commands.Commands;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * This instance's commands for one conversation go out one at a time, in the order they were submitted, and
 * the sends that queue up while one is in flight go out together as one {@link SendMessages}: one unit of
 * work, one append and one commit for all of them instead of one each. The conversation's aggregate takes its
 * commands one at a time anyway, so waiting in line here costs nothing, and a busy conversation gets cheaper
 * per message the busier it is. Every caller gets its own answer (or refusal), after the commit.
 *
 * <p>A command is queued when its Mono is subscribed to; a lane exists while it has a command in flight.
 */
@Component
class ConversationLanes {

    /** Sends per batch at most: a batch is one transaction, which should stay short. */
    static final int MAX_BATCH = 100;

    private record Queued(Object command, MonoSink<Object> answer) {

        boolean isSend() {
            return command instanceof SendMessage;
        }
    }

    private final Commands commands;
    private final ConcurrentMap<ConversationId, ArrayDeque<Queued>> lanes = new ConcurrentHashMap<>();

    ConversationLanes(Commands commands) {
        this.commands = commands;
    }

    Mono<MessageAccepted> send(SendMessage command) {
        return submit(command.conversationId(), command);
    }

    /** Any other command for the conversation (an edit, a deletion, a receipt), in line with its sends. */
    @SuppressWarnings("unchecked")
    <R> Mono<R> submit(ConversationId conversation, Object command) {
        return (Mono<R>) Mono.create(answer -> enqueue(conversation, new Queued(command, answer)));
    }

    private void enqueue(ConversationId conversation, Queued queued) {
        boolean[] idle = {false};
        // every change of a lane happens inside compute on its key: that is the lane's lock
        lanes.compute(conversation, (id, lane) -> {
            idle[0] = lane == null;
            ArrayDeque<Queued> queue = lane == null ? new ArrayDeque<>() : lane;
            queue.add(queued);
            return queue;
        });
        if (idle[0]) {
            next(conversation);
        }
    }

    /** Sends what waits at the head of the lane, or closes the lane when nothing does. */
    private void next(ConversationId conversation) {
        List<Queued> batch = new ArrayList<>();
        lanes.computeIfPresent(conversation, (id, queue) -> {
            Queued first = queue.poll();
            if (first == null) {
                return null;
            }
            batch.add(first);
            while (first.isSend() && batch.size() < MAX_BATCH && queue.peek() != null && queue.peek().isSend()) {
                batch.add(queue.poll());
            }
            return queue;
        });
        if (batch.isEmpty()) {
            return;
        }
        Object command = batch.size() == 1
            ? batch.getFirst().command()
            : new SendMessages(conversation, batch.stream().map(queued -> (SendMessage) queued.command()).toList());
        commands.send(command)
            .switchIfEmpty(Mono.error(() -> new IllegalStateException(command.getClass().getSimpleName() + " answered nothing")))
            .subscribe(result -> answer(batch, result), error -> {
                batch.forEach(queued -> queued.answer().error(error));
                next(conversation);
            }, () -> next(conversation));
    }

    private static void answer(List<Queued> batch, Object result) {
        if (!(result instanceof SendResults results)) {
            batch.getFirst().answer().success(result);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            SendResult one = results.results().get(i);
            if (one.accepted() != null) {
                batch.get(i).answer().success(one.accepted());
            } else {
                batch.get(i).answer().error(Commands.problem(one.refused()));
            }
        }
    }
}
