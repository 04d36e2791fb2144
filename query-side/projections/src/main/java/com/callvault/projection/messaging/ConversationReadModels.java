package com.callvault.projection.messaging;

/**
 * The timeline ({@link ConversationTimelineProjector}) and the inbox ({@link ConversationInboxProjector}) are
 * built by one tracking processor: every conversation event is read, deserialized and tracked once for both,
 * and each batch of events is one transaction for both. Reading and deserializing an event costs more than
 * either projector's writes, so two processors cost nearly twice as much per event as one. A reset rebuilds both.
 */
final class ConversationReadModels {

    static final String PROCESSING_GROUP = "conversation-read-models";

    private ConversationReadModels() {
    }
}
